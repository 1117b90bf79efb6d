import { checkUtilityScale } from '../../core/evaluate/check-utility-scale.js';
import { checkReferences } from '../../core/model/check-references.js';
import { compileScenario } from '../../core/model/compile.js';
import { formatPath, type Problem } from '../../core/model/problem.js';
import { readConflictSection } from '../../core/stability/conflict-from-scenario.js';
import { Scenario } from '../../schema/scenario.js';
import { validate } from './check-structure.js';
import { decodeUtf8 } from './decode-utf8.js';
import { type Diagnostic, sortDiagnostics } from './diagnostic.js';
import { MAX_FILE_BYTES } from './limits.js';
import { locate, type SourceMap } from './locate.js';
import { protoKeyProblems } from './proto-keys.js';
import { readYaml } from './read-yaml.js';
import { salvagedProblems, salvageSections, uncheckedNote } from './salvage-sections.js';

export type { Diagnostic } from './diagnostic.js';

/** A scenario and its warnings, or every problem found (errors and warnings, sorted by position). */
export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export interface ParseFormatOptions {
  /** Overrides the format the file name implies (.json is JSON; anything else is read as YAML). */
  format?: 'yaml' | 'json';
}

export interface ParseOptions extends ParseFormatOptions {
  /** The name every diagnostic gives as its file, and whose extension picks the format. */
  fileName: string;
}

/**
 * Parses and checks a scenario from text or bytes (strict UTF-8), with no file system: the same checks and
 * diagnostics as reading the file, so a browser or a server can validate what a user pasted or uploaded.
 *
 * @example
 * const result = parseScenario(text, { fileName: 'talks.yaml' });
 * if (!result.ok) for (const d of result.diagnostics) console.log(`${d.file}:${d.line}:${d.column} ${d.message}`);
 */
export function parseScenario(input: string | Uint8Array, options: ParseOptions): ParseResult {
  return typeof input === 'string'
    ? parseScenarioText(input, options.fileName, options)
    : parseScenarioBytes(input, options.fileName, options);
}

/** The extension of a file name, with its dot ('' when there is none), as node:path's extname gives it. */
function extname(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/** Bytes of the UTF-8 encoding of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length) {
      const next = text.charCodeAt(k + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        k++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function failure(file: string, message: string, expected?: string): ParseResult {
  return { ok: false, diagnostics: [{ file, path: '', message, expected, severity: 'error' }] };
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

export function tooLarge(file: string, bytes: number): ParseResult {
  return failure(
    file,
    `the file is ${mebibytes(bytes)} (${bytes} bytes); scenario files may be at most ${mebibytes(MAX_FILE_BYTES)}`,
    `a file of at most ${MAX_FILE_BYTES} bytes`,
  );
}

function toDiagnostic(problem: Problem, file: string, source: SourceMap): Diagnostic {
  const hint =
    problem.suggestion && !problem.message.includes('did you mean')
      ? ` (did you mean '${problem.suggestion}'?)`
      : '';
  const position = locate(source, problem.path, problem.at);
  return {
    file,
    ...position,
    path: formatPath(problem.path),
    message: problem.message + hint,
    ...(problem.expected === undefined ? {} : { expected: problem.expected }),
    ...(problem.suggestion === undefined ? {} : { suggestion: problem.suggestion }),
    severity: problem.severity,
  };
}

function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.path}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function formatOf(
  fileName: string,
  options: ParseFormatOptions,
): { format: 'yaml' | 'json'; known: boolean } {
  if (options.format) return { format: options.format, known: true };
  const extension = extname(fileName).toLowerCase();
  if (extension === '.json') return { format: 'json', known: true };
  return { format: 'yaml', known: extension === '.yaml' || extension === '.yml' };
}

/**
 * Parses and checks a scenario from text. Every problem found is reported at once, sorted by line:
 * syntax first (nothing else can be checked without it), then the structure against the schema,
 * then references between ids: over the whole scenario when its structure is sound, else between the entries
 * whose own structure is valid (saying which were left out), and the other consistency checks.
 */
export function parseScenarioText(
  text: string,
  fileName: string,
  options: ParseFormatOptions = {},
): ParseResult {
  const bytes = utf8Length(text);
  if (bytes > MAX_FILE_BYTES) return tooLarge(fileName, bytes);
  const { format, known } = formatOf(fileName, options);
  const notes: Diagnostic[] = known
    ? []
    : [
        {
          file: fileName,
          path: '',
          message: `unrecognised file extension '${extname(fileName)}'; read as YAML (which also covers JSON)`,
          expected: 'a .yaml, .yml or .json file',
          severity: 'warning',
        },
      ];
  const read = readYaml(text.startsWith('\uFEFF') ? text.slice(1) : text, fileName, format);
  if (!read.ok) return { ok: false, diagnostics: sortDiagnostics([...read.diagnostics, ...notes]) };
  const warnings = [...read.warnings, ...notes];
  const protoKeys = protoKeyProblems(read.data).map((p) => toDiagnostic(p, fileName, read.source));
  if (protoKeys.length > 0) return { ok: false, diagnostics: sortDiagnostics([...protoKeys, ...warnings]) };

  const parsed = Scenario.safeParse(read.data);
  if (!parsed.success) {
    const structural = validate(Scenario, read.data).map((p) => toDiagnostic(p, fileName, read.source));
    if (structural.length === 0) {
      // Cannot happen while validate() mirrors safeParse; kept so that a failure is never silent.
      structural.push(
        ...parsed.error.issues.map((i) =>
          toDiagnostic(
            {
              path: i.path.map((s) => (typeof s === 'number' ? s : String(s))),
              message: i.message,
              severity: 'error',
            },
            fileName,
            read.source,
          ),
        ),
      );
    }
    // References are still checked between the entries whose own structure is valid, so one load reports both.
    const salvaged = salvageSections(read.data);
    const references = salvaged
      ? salvagedProblems(checkReferences(salvaged.scenario), salvaged).map((p) =>
          toDiagnostic(p, fileName, read.source),
        )
      : [];
    const note = uncheckedNote(salvaged);
    const skipped: Diagnostic[] =
      note === undefined ? [] : [{ file: fileName, path: '', message: note, severity: 'warning' }];
    return {
      ok: false,
      diagnostics: [...sortDiagnostics(unique([...structural, ...references, ...warnings])), ...skipped],
    };
  }

  const references = checkReferences(parsed.data);
  // The conflict section (stability analysis) is checked by its own reader, which also builds the states.
  if (parsed.data.conflict) {
    references.push(
      ...readConflictSection(parsed.data.conflict, {
        partyIds: parsed.data.parties.map((p) => p.id),
        sourceIds: parsed.data.sources.map((s) => s.id),
      }).problems,
    );
  }
  const scale = references.some((p) => p.severity === 'error')
    ? []
    : checkUtilityScale(compileScenario(parsed.data));
  const checked = [...references, ...scale].map((p) => toDiagnostic(p, fileName, read.source));
  const all = sortDiagnostics(unique([...checked, ...warnings]));
  if (all.some((d) => d.severity === 'error')) return { ok: false, diagnostics: all };
  return { ok: true, scenario: parsed.data, warnings: all };
}

/** Decodes bytes as strict UTF-8 (a byte-order mark is fine) and parses them as a scenario. */
export function parseScenarioBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ParseFormatOptions = {},
): ParseResult {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(fileName, bytes.length);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const byte = `0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      ok: false,
      diagnostics: [
        {
          file: fileName,
          line: decoded.line,
          column: decoded.column,
          path: '',
          message: `the file is not valid UTF-8: byte ${byte} at byte offset ${decoded.offset} does not form a character; save the file as UTF-8`,
          expected: 'UTF-8 text',
          severity: 'error',
        },
      ],
    };
  }
  return parseScenarioText(decoded.text, fileName, options);
}
