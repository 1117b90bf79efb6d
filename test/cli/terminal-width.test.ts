import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const UKRAINE = 'scenarios/ukraine-2025.yaml';
const CAR = 'scenarios/teaching-used-car.yaml';
const RIVER = 'scenarios/river-water-sharing.yaml';

/** Every command's text output on the shipped scenarios (the slowest analyses on the smaller scenarios). */
const COMMANDS: string[][] = [
  ['validate', UKRAINE, CAR, RIVER],
  ['show', UKRAINE],
  ['show', RIVER],
  ['evaluate', UKRAINE, '--package', 'december'],
  ['evaluate', CAR, '--outcome', 'price=9000,warranty=12m'],
  ['analyze', CAR, '--package', 'revised'],
  ['diff', CAR, 'offer:opening', 'offer:revised'],
  ['timeline', UKRAINE, '--document', 'framework'],
  ['simulate', CAR, '--rounds', '20'],
  ['stability', UKRAINE],
  ['forecast', UKRAINE, '--model', 'mean,median'],
  ['tournament', '--scenarios', CAR, '--strategies', 'boulware,linear', '--rounds', '20', '--no-progress'],
];

function widest(text: string): { width: number; line: string } {
  let best = { width: 0, line: '' };
  for (const line of text.split('\n')) {
    const width = stringWidth(stripAnsi(line));
    if (width > best.width) best = { width, line };
  }
  return best;
}

describe('text output fits the width', () => {
  for (const args of COMMANDS) {
    it(`parley ${args.join(' ')}`, async () => {
      for (const width of [60, 80, 120]) {
        const run = await runCli(args, { width });
        expect(run.code, run.stderr).toBeLessThan(2);
        expect(run.stdout.length).toBeGreaterThan(0);
        const { width: seen, line } = widest(run.stdout);
        expect(seen, `at ${width} columns: ${line}`).toBeLessThanOrEqual(width);
      }
    });
  }

  it('--wide restores full tables and lines', async () => {
    const fitted = await runCli(['show', UKRAINE], { width: 80 });
    const wide = await runCli(['show', UKRAINE, '--wide'], { width: 80 });
    expect(widest(wide.stdout).width).toBeGreaterThan(400);
    expect(wide.stdout).toBe((await runCli(['show', UKRAINE])).stdout);
    expect(fitted.stdout).not.toBe(wide.stdout);
  });

  it('--json is never wrapped', async () => {
    const run = await runCli(['show', UKRAINE, '--json'], { width: 60 });
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stdout).toBe((await runCli(['show', UKRAINE, '--json'])).stdout);
  });

  it('the same width and data give the same bytes', async () => {
    const a = await runCli(['evaluate', UKRAINE, '--package', 'december'], { width: 80 });
    const b = await runCli(['evaluate', UKRAINE, '--package', 'december'], { width: 80 });
    expect(a.stdout).toBe(b.stdout);
  });
});
