/** A problem with a scenario file, located as precisely as the file allows. */
export interface Diagnostic {
  file: string;
  /** 1-based; absent when the problem concerns the file as a whole. */
  line?: number;
  /** 1-based, counted in characters (code points) from the start of the line. */
  column?: number;
  /** Where in the scenario, e.g. parties[2].redLines[0].crossedWhen.issue; '' for the whole file. */
  path: string;
  message: string;
  expected?: string;
  /** A close, valid replacement for what was written. */
  suggestion?: string;
  severity: 'error' | 'warning';
}

/** Orders by position; problems without a position (about the whole file) go last. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const line = (a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY);
  if (line !== 0 && !Number.isNaN(line)) return line;
  const column = (a.column ?? 0) - (b.column ?? 0);
  if (column !== 0) return column;
  return (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1);
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}
