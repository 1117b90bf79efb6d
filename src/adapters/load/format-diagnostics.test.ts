import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.js';
import {
  formatDiagnostic,
  formatDiagnostics,
  formatDiagnosticsJson,
  summarizeDiagnostics,
} from './format-diagnostics.js';

const unknownField: Diagnostic = {
  file: 'talks.yaml',
  line: 12,
  column: 5,
  path: 'parties[0].descripton',
  message:
    "unknown field 'descripton' (did you mean 'description'?); fields not defined by the format are rejected",
  expected: 'one of the fields: id, name, kind, role, capability, description',
  suggestion: 'description',
  severity: 'error',
};

const unknownParty: Diagnostic = {
  file: 'talks.yaml',
  line: 40,
  column: 22,
  path: 'documents[0].versions[0].proposedBy[0]',
  message: "unknown party 'nrth'",
  suggestion: 'north',
  severity: 'error',
};

const wholeFile: Diagnostic = { file: 'talks.yaml', path: '', message: 'file not found', severity: 'error' };

describe('formatDiagnostic', () => {
  it('prints location, severity, message, path and expectation', () => {
    expect(formatDiagnostic(unknownField)).toBe(
      [
        "talks.yaml:12:5: error: unknown field 'descripton' (did you mean 'description'?); fields not defined by the format are rejected",
        '  at parties[0].descripton',
        '  expected: one of the fields: id, name, kind, role, capability, description',
      ].join('\n'),
    );
  });

  it('adds a "did you mean" line when the message does not already say it', () => {
    expect(formatDiagnostic(unknownParty)).toBe(
      [
        "talks.yaml:40:22: error: unknown party 'nrth'",
        '  at documents[0].versions[0].proposedBy[0]',
        "  did you mean 'north'?",
      ].join('\n'),
    );
  });

  it('prints a problem with the whole file without position or path', () => {
    expect(formatDiagnostic(wholeFile)).toBe('talks.yaml: error: file not found');
    expect(formatDiagnostic({ ...wholeFile, severity: 'warning' })).toBe(
      'talks.yaml: warning: file not found',
    );
  });

  it('colours only when asked', () => {
    expect(formatDiagnostic(unknownParty, { color: true })).toContain('\u001b[');
    expect(formatDiagnostic(unknownParty)).not.toContain('\u001b[');
  });
});

describe('formatDiagnostics', () => {
  it('separates diagnostics by blank lines and ends with a newline', () => {
    const text = formatDiagnostics([unknownField, wholeFile]);
    expect(text).toBe(`${formatDiagnostic(unknownField)}\n\n${formatDiagnostic(wholeFile)}\n`);
  });

  it('ends with a summary when asked', () => {
    const text = formatDiagnostics([unknownField, { ...unknownParty, severity: 'warning' }], {
      summary: true,
    });
    expect(text.split('\n\n')).toHaveLength(3);
    expect(text.endsWith('\n\n1 error, 1 warning\n')).toBe(true);
  });

  it('prints nothing for no diagnostics', () => {
    expect(formatDiagnostics([])).toBe('');
    expect(summarizeDiagnostics([])).toBe('0 errors, 0 warnings');
  });
});

describe('formatDiagnosticsJson', () => {
  it('round-trips every field and counts by severity', () => {
    const parsed = JSON.parse(
      formatDiagnosticsJson([unknownField, wholeFile, { ...unknownParty, severity: 'warning' }]),
    );
    expect(parsed.errors).toBe(2);
    expect(parsed.warnings).toBe(1);
    expect(parsed.diagnostics[0]).toEqual(unknownField);
    expect(parsed.diagnostics[1]).toEqual(wholeFile);
  });
});
