/** A problem found in a scenario, located by its path in the scenario document. */
export interface Problem {
  /** Keys and array indices from the document root, e.g. ['parties', 2, 'redLines', 0, 'crossedWhen', 'issue']. */
  path: (string | number)[];
  message: string;
  /** What would have been valid here. */
  expected?: string;
  /** A close, valid replacement for what was written (an id, a field name, a grid value). */
  suggestion?: string;
  severity: 'error' | 'warning';
  /** Set when the problem is the mapping key at the end of `path` (an unknown id used as a key), not its value. */
  at?: 'key';
}

/** Writes a path the way it reads in a file: parties[2].redLines[0].crossedWhen.issue; [] is ''. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
