import { describe, expect, it } from 'vitest';
import { extractConsoleExamples } from './console-examples.js';
import { describeMismatch, normaliseOutput, outputMatches, updatedOutput } from './match-output.js';

describe('outputMatches', () => {
  it('matches line for line, ignoring trailing spaces and blank lines at the ends', () => {
    expect(outputMatches(['a', 'b'], ['', 'a  ', 'b', ''])).toBe(true);
    expect(outputMatches(['a', 'b'], ['a', 'c'])).toBe(false);
    expect(outputMatches(['a'], ['a', 'b'])).toBe(false);
  });

  it('lets an ellipsis line stand for any run of lines, none included', () => {
    expect(outputMatches(['a', '…', 'd'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(outputMatches(['a', '…', 'd'], ['a', 'd'])).toBe(true);
    expect(outputMatches(['a', '[… the rest …]'], ['a', 'x', 'y'])).toBe(true);
    expect(outputMatches(['a', '…', 'd'], ['a', 'b', 'c'])).toBe(false);
    expect(outputMatches(['…', 'c', '…', 'b'], ['b', 'c'])).toBe(false);
  });
});

describe('describeMismatch', () => {
  it('names the first documented passage the output lacks', () => {
    const message = describeMismatch(['a', '…', 'x', 'y'], ['a', 'b', 'x', 'z']);
    expect(message).toContain('starting "x"');
    expect(message).toContain('parts after 1 line');
  });

  it('says when the output goes on past the documented lines', () => {
    expect(describeMismatch(['a'], ['a', 'more'])).toContain('add a line "…"');
  });
});

describe('normaliseOutput', () => {
  it('shows paths from the root of the temporary copy and drops colour codes', () => {
    expect(
      normaliseOutput('\u001b[1m/tmp/x/parley/a.yaml\u001b[0m ok  \n/tmp/x/parley', '/tmp/x/parley'),
    ).toEqual(['a.yaml ok', '.']);
  });
});

describe('updatedOutput', () => {
  it('replaces an unabridged output whole and keeps the shape of an abridged one', () => {
    expect(updatedOutput(['old'], ['new', 'lines'])).toEqual(['new', 'lines']);
    expect(updatedOutput(['h', '…', 't'], ['H', 'x', 'y', 'T'])).toEqual(['H', '…', 'T']);
  });
});

describe('extractConsoleExamples', () => {
  const markdown = [
    'Intro',
    '',
    '```console',
    '$ parley validate a.yaml',
    'ok  a.yaml',
    '$ parley validate bad.yaml',
    'bad.yaml:1:1: error',
    '(exit code 2)',
    '```',
    '',
    '<!-- docs-test: file a.yaml -->',
    '```yaml',
    'parley: 1',
    '```',
    '<!-- docs-test: skip needs a terminal -->',
    '```',
    '$ parley tournament x.yaml',
    '```',
    '```',
    '$ parley stability bad.gmcr',
    'error',
    '$ echo $?',
    '2',
    '```',
  ].join('\n');

  it('reads commands, outputs, exit codes, documented files and skipped blocks in reading order', () => {
    const { steps, skipped } = extractConsoleExamples('guide.md', markdown);
    expect(
      steps.map((s) => (s.kind === 'file' ? `file ${s.name}` : `${s.line} ${s.command} → ${s.exitCode}`)),
    ).toEqual([
      '4 parley validate a.yaml → 0',
      '6 parley validate bad.yaml → 2',
      'file a.yaml',
      '20 parley stability bad.gmcr → undefined',
      '22 echo $? → 0',
    ]);
    expect(steps[1]).toMatchObject({ expected: ['bad.yaml:1:1: error'], outputLines: 2 });
    expect(steps[2]).toMatchObject({ content: 'parley: 1\n' });
    expect(skipped).toEqual([{ file: 'guide.md', line: 17, reason: 'needs a terminal' }]);
  });
});
