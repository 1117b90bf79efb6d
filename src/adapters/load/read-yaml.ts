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
  type YAMLWarning,
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
  // When the parser runs out of stack, what else it reports is a consequence of giving up there (how much
  // it still manages depends on the stack left to it): the one exhaustion is the whole story.
  const exhaustion = errors.find((e) => e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message));
  const sorted = exhaustion
    ? [{ ...exhaustion, code: 'RESOURCE_EXHAUSTION' as const }]
    : [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
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
 * YAML and JSON files hold printable text: a raw control character (other than tab and line breaks) is an
 * error at its position. Escapes such as "\\e" in a double-quoted string are text, not raw characters.
 */
function controlCharacter(text: string, file: string, source: SourceMap): Diagnostic | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  const found = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (!found) return undefined;
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return diagnostic(
    file,
    positionAt(source, found.index),
    `a raw control character ${code} in the file; YAML and JSON files hold printable text`,
    { expected: 'printable text (tabs and line breaks are fine)' },
  );
}

/** A tag the reader does not know (`!!js/function`, `!custom`) is refused: values are plain YAML. */
function unknownTag(warning: YAMLWarning, file: string, source: SourceMap): Diagnostic {
  const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1] ?? 'a tag';
  const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
  return diagnostic(
    file,
    positionAt(source, warning.pos[0]),
    `unknown tag '${shown}': scenario files hold plain values (text, numbers, lists, mappings); remove the tag`,
    { expected: 'a value without a tag' },
  );
}

/**
 * Keys that are aliases or collections. A collection key would become text like "[object Object]": an error.
 * An alias to a plain value works but hides the key: a warning.
 */
function aliasAndCollectionKeys(root: unknown, file: string, source: SourceMap): Diagnostic[] {
  const found: Diagnostic[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > MAX_NESTING_DEPTH * 4) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key;
        // Only when a problem is found: on one long line (compact JSON) each position costs the line's length.
        const at = () => positionAt(source, (key as { range?: [number] } | null)?.range?.[0] ?? 0);
        const target = isAlias(key) ? key.resolve(source.document) : key;
        if (isCollection(target)) {
          found.push(
            diagnostic(file, at(), 'a list or mapping used as a key; keys are plain names', {
              expected: 'a plain key such as an id',
            }),
          );
        } else if (isAlias(key)) {
          const value = isScalar(target) ? String(target.value) : '?';
          found.push(
            diagnostic(
              file,
              at(),
              `an alias (*${key.source}) used as a key; it stands for '${value}': write the key out`,
              {
                severity: 'warning',
              },
            ),
          );
        }
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item, depth + 1);
  };
  walk(root, 0);
  return found;
}

/** The path of the first text (value or key) holding a NUL character. */
function findNul(data: unknown): Path | undefined {
  const walk = (value: unknown, path: Path): Path | undefined => {
    if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
    if (value === null || typeof value !== 'object') return undefined;
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((v, k) => [k, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && key.includes('\u0000')) return [...path, key];
      const found = walk(child, [...path, key]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(data, []);
}

/**
 * Parses YAML (or JSON, which YAML 1.2 contains) with the guard rails a file from anywhere needs:
 * syntax errors and duplicate keys with positions, too deep nesting, alias bombs, self-containing aliases,
 * an empty file, and a top level that is not a mapping.
 */
export function readYaml(rawText: string, file: string, format: 'yaml' | 'json'): ReadResult {
  // Old Mac (CR only) and Windows (CR LF) line endings read as lines, not as one long comment.
  const text = rawText.replace(/\r\n?/g, '\n');
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
    // The library's own warnings would go to the process (a raw "(node:PID) Warning"); ours are located.
    logLevel: 'error',
  });
  const source: SourceMap = { text, document, lineCounter };
  const control = controlCharacter(text, file, source);
  if (control) return { ok: false, diagnostics: [control] };
  if (document.errors.length > 0) {
    return { ok: false, diagnostics: syntaxDiagnostics(document.errors, source, file, format) };
  }
  const tagErrors = document.warnings
    .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
    .map((w) => unknownTag(w, file, source));
  if (tagErrors.length > 0) return { ok: false, diagnostics: tagErrors };
  const keyProblems = aliasAndCollectionKeys(document.contents, file, source);
  if (keyProblems.some((d) => d.severity === 'error')) return { ok: false, diagnostics: keyProblems };
  const warnings = [
    ...document.warnings.map((w) =>
      diagnostic(file, positionAt(source, w.pos[0]), w.message.split('\n')[0], { severity: 'warning' }),
    ),
    ...keyProblems,
  ];
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
  const nul = findNul(data);
  if (nul) {
    return {
      ok: false,
      diagnostics: [
        diagnostic(file, locate(source, nul), 'a NUL character (\\0) in a text; texts cannot hold it', {
          path: formatPath(nul),
          expected: 'text without NUL characters',
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
