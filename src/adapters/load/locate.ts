import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Pair,
} from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface SourceMap {
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** Line and column (1-based, column in code points) of a UTF-16 offset, using the line starts yaml found. */
export function positionAt(source: Pick<SourceMap, 'text' | 'lineCounter'>, offset: number): Position {
  const { line } = source.lineCounter.linePos(offset);
  const lineStart = source.lineCounter.lineStarts[line - 1] ?? 0;
  return { line, column: Array.from(source.text.slice(lineStart, offset)).length + 1 };
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function startOf(node: unknown): number | undefined {
  if (isScalar(node) || isCollection(node) || isAlias(node)) return node.range?.[0];
  return undefined;
}

/**
 * Where the value at `path` is written. A missing field points at the nearest enclosing value;
 * a block collection (which starts on the next line) points at its key; `at: 'key'` always does.
 */
export function locate(
  source: SourceMap,
  path: readonly (string | number)[],
  at?: 'key',
): Position | undefined {
  let node: unknown = source.document.contents;
  let pair: Pair | undefined;
  let complete = true;
  for (const segment of path) {
    // Follow an alias to the node it names; a bounded number of hops guards against odd documents.
    for (let hops = 0; isAlias(node) && hops < 100; hops++) node = node.resolve(source.document);
    if (isMap(node)) {
      const found = node.items.find((p) => keyText(p) === String(segment));
      if (!found) {
        complete = false;
        break;
      }
      pair = found;
      node = found.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      pair = undefined;
      node = node.items[segment];
    } else {
      complete = false;
      break;
    }
  }
  let offset: number | undefined;
  const keyStart = pair ? startOf(pair.key) : undefined;
  if (complete && at === 'key' && keyStart !== undefined) offset = keyStart;
  else if (
    complete &&
    pair &&
    (node === null || (isCollection(node) && !node.flow) || (isScalar(node) && node.value === null))
  ) {
    offset = keyStart ?? startOf(node);
  } else {
    offset = startOf(node) ?? keyStart;
  }
  return offset === undefined ? undefined : positionAt(source, offset);
}

/** Line and column (1-based, in code points) of a UTF-16 offset in `text`. */
export function positionInText(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 10) {
      line += 1;
      lineStart = k + 1;
    }
  }
  return { line, column: Array.from(text.slice(lineStart, end)).length + 1 };
}
