import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { checkUtilityScale } from '../../core/evaluate/check-utility-scale.js';
import { checkReferences } from '../../core/model/check-references.js';
import { compileScenario } from '../../core/model/compile.js';
import { formatPath, type Problem } from '../../core/model/problem.js';
import { Scenario } from '../../schema/scenario.js';
import { validate } from './check-structure.js';
import { decodeUtf8 } from './decode-utf8.js';
import { type Diagnostic, sortDiagnostics } from './diagnostic.js';
import { MAX_FILE_BYTES } from './limits.js';
import { locate, type SourceMap } from './locate.js';
import { protoKeyProblems } from './proto-keys.js';
import { readYaml } from './read-yaml.js';

export type { Diagnostic } from './diagnostic.js';

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export interface LoadOptions {
  /** Overrides the format the file name implies (.json is JSON; anything else is read as YAML). */
  format?: 'yaml' | 'json';
}

function failure(file: string, message: string, expected?: string): LoadResult {
  return { ok: false, diagnostics: [{ file, path: '', message, expected, severity: 'error' }] };
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function tooLarge(file: string, bytes: number): LoadResult {
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

function formatOf(fileName: string, options: LoadOptions): { format: 'yaml' | 'json'; known: boolean } {
  if (options.format) return { format: options.format, known: true };
  const extension = extname(fileName).toLowerCase();
  if (extension === '.json') return { format: 'json', known: true };
  return { format: 'yaml', known: extension === '.yaml' || extension === '.yml' };
}

/**
 * Parses and checks a scenario from text. Every problem found is reported at once, sorted by line:
 * syntax first (nothing else can be checked without it), then the structure against the schema,
 * then (only when the structure is sound) references between ids and the other consistency checks.
 */
export function parseScenarioText(text: string, fileName: string, options: LoadOptions = {}): LoadResult {
  const bytes = Buffer.byteLength(text, 'utf8');
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
    const skipped: Diagnostic = {
      file: fileName,
      path: '',
      message:
        'references between ids (parties, issues, options, versions, sources) were not checked because of the errors above; fix those and load again',
      severity: 'warning',
    };
    return { ok: false, diagnostics: [...sortDiagnostics(unique([...structural, ...warnings])), skipped] };
  }

  const references = checkReferences(parsed.data);
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
  options: LoadOptions = {},
): LoadResult {
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

function readFailure(path: string, error: unknown): LoadResult {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return failure(path, 'file not found', 'the path of a scenario file (.yaml, .yml or .json)');
    case 'EACCES':
    case 'EPERM':
      return failure(path, 'cannot read the file: permission denied');
    case 'EISDIR':
      return failure(path, 'this is a directory, not a scenario file', 'a .yaml, .yml or .json file');
    case 'ENOTDIR':
      return failure(path, 'file not found (a part of the path is not a directory)');
    default:
      return failure(path, `cannot read the file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads a scenario file (YAML or JSON) and checks it; never throws for a bad or missing file. */
export function loadScenarioFile(path: string, options: LoadOptions = {}): LoadResult {
  let bytes: Uint8Array;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return readFailure(path, { code: 'EISDIR' });
    if (!stats.isFile()) return failure(path, 'not a regular file', 'a .yaml, .yml or .json file');
    if (stats.size > MAX_FILE_BYTES) return tooLarge(path, stats.size);
    bytes = readFileSync(path);
  } catch (error) {
    return readFailure(path, error);
  }
  return parseScenarioBytes(bytes, path, options);
}
