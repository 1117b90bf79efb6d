import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import {
  etaMs,
  type ProgressStream,
  progressDisplay,
  progressFormat,
  stepText,
} from '../../../src/adapters/text/progress.js';

/** The longest line a format can print: every placeholder at its widest. */
function widest(format: string, barsize: number, total: number): string {
  return format
    .replace('{bar}', '#'.repeat(barsize))
    .replace('{value}', String(total))
    .replace('{total}', String(total))
    .replace('{percentage}', '100')
    .replace('{duration_formatted}', '12h34m')
    .replace('{eta_formatted}', '12h34m');
}

/** A stream that records what is written, as a terminal of `columns` or as a pipe. */
function recorder(isTTY: boolean, columns?: number): ProgressStream & { text: string } {
  const stream = {
    text: '',
    isTTY,
    columns,
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream;
}

/** A clock the test moves by hand. */
function manualClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** What a terminal shows: for each line, the text after its last carriage return, escapes removed. */
function visibleLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.split('\r').at(-1) ?? '')
    .map((line) => stripAnsi(line).replaceAll('\u001b7', '').replaceAll('\u001b8', ''));
}

describe('progressFormat', () => {
  for (const columns of [40, 60, 80, 120, 200]) {
    it(`keeps the ETA and fits ${columns} columns`, () => {
      const { format, barsize } = progressFormat('tournament matches', 12_500, columns);
      expect(format).toContain('ETA {eta_formatted}');
      expect(widest(format, barsize, 12_500).length).toBeLessThan(columns);
    });
  }

  it('drops the elapsed time before the bar gets too short, and keeps a bar at 80 columns', () => {
    expect(progressFormat('tournament', 750, 80).format).toContain('elapsed');
    expect(progressFormat('tournament', 750, 80).barsize).toBeGreaterThanOrEqual(10);
    expect(progressFormat('tournament', 750, 50).format).not.toContain('elapsed');
    expect(progressFormat('tournament', 750, 30).format).not.toContain('{bar}');
  });
});

describe('etaMs and stepText', () => {
  it('projects the pace so far onto what is left', () => {
    // 10 of 40 in 5 s: 0.5 s each, 30 left.
    expect(etaMs({ step: 's', done: 10, total: 40 }, 5000)).toBe(15_000);
    expect(etaMs({ step: 's', done: 0, total: 40 }, 5000)).toBeUndefined();
    expect(etaMs({ step: 's', done: 3 }, 5000)).toBeUndefined();
  });

  it('writes counts, percentage and ETA, or the message alone', () => {
    expect(stepText({ step: 'frontier', done: 10, total: 40, message: 'gap 3.1' }, 15_000)).toBe(
      'frontier 10/40 25%, ETA 15 s: gap 3.1',
    );
    expect(stepText({ step: 'frontier', done: 40, total: 40 })).toBe('frontier 40/40 100%…');
    expect(stepText({ step: 'frontier', done: 1, total: 40 }, 600_000)).toContain('ETA 10 min');
    expect(stepText({ step: 'bargaining' })).toBe('bargaining…');
    expect(stepText({ step: 'pareto', done: 12, message: 'points proven' })).toBe('pareto 12: points proven');
  });
});

describe('progressDisplay', () => {
  it('writes nothing into a pipe unless asked, and nothing anywhere with --no-progress', () => {
    for (const [stream, choice] of [
      [recorder(false), undefined],
      [recorder(true, 80), false],
      [recorder(false), false],
    ] as const) {
      const display = progressDisplay(stream, choice);
      display.report({ step: 'zone', done: 1, total: 2 });
      display.report({ step: 'bargaining' });
      display.stop();
      expect(stream.text).toBe('');
    }
  });

  it('with --progress into a pipe, keeps one line a second per step, the last count always', () => {
    const stream = recorder(false);
    const clock = manualClock();
    const display = progressDisplay(stream, true, clock.now);
    display.report({ step: 'zone' });
    for (let done = 1; done <= 10; done++) {
      clock.advance(300);
      display.report({ step: 'frontier', done, total: 10 });
    }
    clock.advance(100);
    display.report({ step: 'bargaining', message: 'Nash' });
    display.stop();
    expect(stream.text.split('\n')).toEqual([
      '[0.0 s] zone…',
      // First of the step, then after a second has passed (4 × 300 ms), then the finished count.
      '[0.3 s] frontier 1/10 10%, ETA ?…',
      '[1.5 s] frontier 5/10 50%, ETA 2 s…',
      '[2.7 s] frontier 9/10 90%, ETA 1 s…',
      '[3.0 s] frontier 10/10 100%…',
      '[3.1 s] bargaining: Nash',
      '',
    ]);
  });

  it('cuts a long line to 80 columns and marks the cut', () => {
    const stream = recorder(false);
    const display = progressDisplay(stream, true, () => 0);
    display.report({ step: 'relaxation', message: 'x'.repeat(200) });
    const [line] = stream.text.split('\n');
    expect(line.length).toBe(79);
    expect(line.endsWith('…')).toBe(true);
  });

  it('on a terminal, draws a bar with its ETA within the width, and clears it when stopped', () => {
    for (const columns of [80, 40]) {
      const stream = recorder(true, columns);
      const display = progressDisplay(stream, undefined);
      display.report({ step: 'tournament matches', done: 0, total: 750 });
      display.report({ step: 'tournament matches', done: 375, total: 750 });
      display.report({ step: 'relaxation', message: 'y'.repeat(120) });
      const drawn = visibleLines(stream.text);
      expect(stream.text).toContain('ETA');
      for (const line of drawn) expect(line.length).toBeLessThan(columns);
      display.stop();
      expect(stream.text.endsWith('\r\u001b[2K')).toBe(true);
    }
  });
});
