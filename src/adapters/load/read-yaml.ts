import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type YAMLError,
} from 'yaml';
import { formatPath } from '../../core/model/problem.js';
import type { Diagnostic } from './diagnostic.js';
import { MAX_ALIAS_COUNT, MAX_NESTING_DEPTH } from './limits.js';
import { locate, type Position, positionAt, positionInText, type SourceMap } from './locate.js';

export type ReadResult =
  | { ok: true; data: Record<string, unknown>; source: SourceMap; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

type Path = (string | number)[];

function diagnostic(
  file: string,
  position: Position | undefined,
  message: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { file, ...position, path: '', message, severity: 'error', ...extra };
}

/** The key pair starting at `offset` and its path, searched without following aliases. */
function pairAt(
  node: unknown,
  offset: number,
  path: Path,
  depth = 0,
): { key: string; path: Path } | undefined {
  if (depth > MAX_NESTING_DEPTH * 4) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && pair.key && isScalar(pair.key) && pair.key.range?.[0] === offset) {
        return { key, path: [...path, key] };
      }
      const inner = pairAt(pair.value, offset, [...path, key ?? '?'], depth + 1);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (let k = 0; k < node.items.length; k++) {
      const inner = pairAt(node.items[k], offset, [...path, k], depth + 1);
      if (inner) return inner;
    }
  }
  return undefined;
}

function syntaxDiagnostics(
  errors: readonly YAMLError[],
  source: SourceMap,
  file: string,
  format: 'yaml' | 'json',
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let exhausted = false;
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  for (const error of sorted) {
    const position = positionAt(source, error.pos[0]);
    if (error.code === 'RESOURCE_EXHAUSTION') {
      if (exhausted) continue;
      exhausted = true;
      diagnostics.push(
        diagnostic(
          file,
          position,
          `the file nests too deeply to be read; scenario files may nest at most ${MAX_NESTING_DEPTH} levels`,
          {
            expected: `at most ${MAX_NESTING_DEPTH} levels of nested lists and mappings`,
          },
        ),
      );
    } else if (error.code === 'DUPLICATE_KEY') {
      const found = pairAt(source.document.contents, error.pos[0], []);
      const key = found ? `'${found.key}'` : 'key';
      diagnostics.push(
        diagnostic(file, position, `duplicate key ${key}: a key may appear only once in a mapping`, {
          path: found ? formatPath(found.path) : '',
          expected: 'each key once per mapping',
        }),
      );
    } else if (error.code === 'MULTIPLE_DOCS') {
      diagnostics.push(
        diagnostic(
          file,
          position,
          'a second YAML document starts here ("---"); a scenario file holds exactly one',
          {
            expected: 'a single document',
          },
        ),
      );
    } else {
      const language = format === 'json' ? 'JSON' : 'YAML';
      diagnostics.push(diagnostic(file, position, `${language} syntax error: ${error.message}`));
    }
  }
  return diagnostics;
}

/** Rejects nesting deeper than the limit and aliases that contain themselves; returns the offending path. */
function findNestingProblem(data: unknown): { path: Path; kind: 'deep' | 'cycle' } | undefined {
  const ancestors = new Set<object>();
  const walk = (
    value: unknown,
    path: Path,
    depth: number,
  ): { path: Path; kind: 'deep' | 'cycle' } | undefined => {
    if (value === null || typeof value !== 'object') return undefined;
    if (ancestors.has(value)) return { path, kind: 'cycle' };
    if (depth > MAX_NESTING_DEPTH) return { path, kind: 'deep' };
    ancestors.add(value);
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((v, k) => [k, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const found = walk(child, [...path, key], depth + 1);
      if (found) return found;
    }
    ancestors.delete(value);
    return undefined;
  };
  return walk(data, [], 1);
}

function firstAliasOffset(node: unknown, depth = 0): number | undefined {
  if (depth > MAX_NESTING_DEPTH * 4) return undefined;
  if (isAlias(node)) return node.range?.[0];
  if (isPair(node)) return firstAliasOffset(node.key, depth + 1) ?? firstAliasOffset(node.value, depth + 1);
  if (isCollection(node)) {
    for (const item of node.items) {
      const found = firstAliasOffset(item, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function describeTopLevel(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'an empty value';
  return `a single ${typeof value}`;
}

function jsonErrorMessage(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Where JSON.parse failed. Its message gives a position for most errors; for an unexpected token it
 * quotes the text instead, so the offset is found as the shortest prefix that fails the same way
 * (a prefix without the bad token only runs out of input).
 */
function jsonErrorOffset(text: string, message: string): number | undefined {
  const match = /at position (\d+)/.exec(message);
  if (match) return Number(match[1]);
  if (!message.startsWith('Unexpected token')) return undefined;
  const failsOnToken = (length: number) =>
    jsonErrorMessage(text.slice(0, length))?.startsWith('Unexpected token');
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsOnToken(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

function jsonSyntaxDiagnostic(text: string, file: string): Diagnostic | undefined {
  const message = jsonErrorMessage(text);
  if (message === undefined) return undefined;
  const offset = jsonErrorOffset(text, message);
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/, .*is not valid JSON$/s, '');
  return diagnostic(
    file,
    offset === undefined ? undefined : positionInText(text, offset),
    `JSON syntax error: ${reason}`,
  );
}

/**
 * Parses YAML (or JSON, which YAML 1.2 contains) with the guard rails a file from anywhere needs:
 * syntax errors and duplicate keys with positions, too deep nesting, alias bombs, self-containing aliases,
 * an empty file, and a top level that is not a mapping.
 */
export function readYaml(text: string, file: string, format: 'yaml' | 'json'): ReadResult {
  if (text.trim() === '') {
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          file,
          undefined,
          'the file is empty; expected a scenario (parley: 1, id, title, parties, issues, ...)',
        ),
      ],
    };
  }
  if (format === 'json') {
    const jsonError = jsonSyntaxDiagnostic(text, file);
    if (jsonError) return { ok: false, diagnostics: [jsonError] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
  });
  const source: SourceMap = { text, document, lineCounter };
  if (document.errors.length > 0) {
    return { ok: false, diagnostics: syntaxDiagnostics(document.errors, source, file, format) };
  }
  const warnings = document.warnings.map((w) =>
    diagnostic(file, positionAt(source, w.pos[0]), w.message, { severity: 'warning' }),
  );
  if (document.contents === null) {
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          file,
          undefined,
          'the file holds only comments; expected a scenario (parley: 1, id, title, parties, issues, ...)',
        ),
      ],
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      const offset = firstAliasOffset(document.contents);
      return {
        ok: false,
        diagnostics: [
          diagnostic(
            file,
            offset === undefined ? undefined : positionAt(source, offset),
            'aliases expand to too much data (an alias bomb); reading stopped',
            { expected: `aliases that expand little (yaml's maxAliasCount ${MAX_ALIAS_COUNT})` },
          ),
        ],
      };
    }
    if (error instanceof RangeError) {
      return {
        ok: false,
        diagnostics: [
          diagnostic(
            file,
            undefined,
            `the file nests too deeply to be read; scenario files may nest at most ${MAX_NESTING_DEPTH} levels`,
          ),
        ],
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, diagnostics: [diagnostic(file, undefined, `could not read the YAML: ${message}`)] };
  }
  const nesting = findNestingProblem(data);
  if (nesting) {
    const message =
      nesting.kind === 'deep'
        ? `nesting deeper than ${MAX_NESTING_DEPTH} levels; scenario files may nest at most ${MAX_NESTING_DEPTH} levels`
        : 'an alias refers to a node that contains it, which would make the scenario infinitely deep';
    return {
      ok: false,
      diagnostics: [
        diagnostic(file, locate(source, nesting.path), message, {
          path: formatPath(nesting.path),
          expected:
            nesting.kind === 'deep'
              ? `at most ${MAX_NESTING_DEPTH} levels of nested lists and mappings`
              : undefined,
        }),
      ],
    };
  }
  if (!isMap(document.contents) || data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          file,
          positionAt(source, document.contents.range?.[0] ?? 0),
          `the top level must be a mapping of fields (parley: 1, id, title, parties, issues, ...), got ${describeTopLevel(data)}`,
          {
            expected: 'a mapping of fields',
          },
        ),
      ],
    };
  }
  return { ok: true, data: data as Record<string, unknown>, source, warnings };
}
