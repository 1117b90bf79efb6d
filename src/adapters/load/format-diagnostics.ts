import { createColors } from 'picocolors';
import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  /** ANSI colours (default false: plain text for logs and files). */
  color?: boolean;
  /** End with a line counting errors and warnings (default false). */
  summary?: boolean;
}

function location(d: Diagnostic): string {
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

/**
 * One diagnostic as a compiler would print it:
 *   file:line:col: error: message
 *     at parties[0].role
 *     expected: one of 'signatory', 'mediator', 'guarantor', 'observer'
 *     did you mean 'signatory'?
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const c = createColors(options.color ?? false);
  const label = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  const lines = [`${c.bold(location(d))}: ${label}: ${d.message}`];
  if (d.path !== '') lines.push(`  at ${c.cyan(d.path)}`);
  if (d.expected !== undefined) lines.push(`  expected: ${d.expected}`);
  if (d.suggestion !== undefined && !d.message.includes('did you mean')) {
    lines.push(`  did you mean ${c.green(`'${d.suggestion}'`)}?`);
  }
  return lines.join('\n');
}

/** "2 errors, 1 warning" */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}`;
}

/** Every diagnostic, blank-line separated (then a summary line if asked); ends with a newline. Empty input gives ''. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string {
  if (diagnostics.length === 0) return '';
  const body = diagnostics.map((d) => formatDiagnostic(d, options)).join('\n\n');
  return options.summary ? `${body}\n\n${summarizeDiagnostics(diagnostics)}\n` : `${body}\n`;
}

/** The machine-readable form: {"errors": n, "warnings": n, "diagnostics": [...]}, fields in a fixed order. */
export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const ordered = diagnostics.map((d) => ({
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    path: d.path,
    message: d.message,
    expected: d.expected,
    suggestion: d.suggestion,
  }));
  return `${JSON.stringify({ errors, warnings: diagnostics.length - errors, diagnostics: ordered }, null, 2)}\n`;
}
