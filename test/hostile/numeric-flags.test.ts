import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAG_BOUNDS, REAL_FLAGS } from '../../src/adapters/cli/flag-bounds.js';
import { buildProgram } from '../../src/adapters/cli/main.js';
import type { FlagBounds } from '../../src/adapters/cli/numeric-flags.js';
import { useTempDirs } from '../support/temp-dir.js';
import { cli } from './support/cli-in-process.js';

const car = 'scenarios/teaching-used-car.yaml';
const flagship = 'scenarios/ukraine-2025.yaml';
const tempDir = useTempDirs('parley-flags-');

/** A valid command line of each command, to which one hostile flag is added. */
const BASE: Record<keyof typeof FLAG_BOUNDS, () => string[]> = {
  analyze: () => ['analyze', car],
  report: () => ['report', car, '-o', join(tempDir(), 'r.html')],
  diff: () => ['diff', flagship, 'framework:plan-28', 'framework:plan-20'],
  simulate: () => ['simulate', car],
  tournament: () => ['tournament', '--scenarios', car, '--strategies', 'boulware,linear'],
  forecast: () => ['forecast', flagship],
  stability: () => ['stability', flagship],
  import: () => ['import', 'examples/domains/genius-lunch'],
  // Only values outside the bounds are tried, so the server never starts.
  serve: () => ['serve', '--data-dir', tempDir()],
};

/** Values just outside the bounds, absurd magnitudes, and text that is not a number. */
function hostileValues(flag: string, bounds: FlagBounds): string[] {
  const real = REAL_FLAGS.has(flag);
  const below = bounds.above ? String(bounds.min) : String(bounds.min - (real ? 0.5 : 1));
  const above = real ? String(bounds.max * 2) : String(bounds.max + 1);
  return [below, above, '1e9', 'Infinity', real ? '0x10' : '1.5'];
}

const cases = Object.entries(FLAG_BOUNDS).flatMap(([command, flags]) =>
  Object.entries(flags).flatMap(([flag, bounds]) =>
    hostileValues(flag, bounds)
      // A value inside the bounds (1e9 for a bound of a billion) is not hostile for that flag.
      .filter((v) => {
        const n = Number(v);
        return !(
          Number.isFinite(n) &&
          n >= bounds.min &&
          n <= bounds.max &&
          !(bounds.above && n <= bounds.min) &&
          (REAL_FLAGS.has(flag) || Number.isInteger(n)) &&
          /^-?[\d.]+$/.test(v)
        );
      })
      .map((value) => ({ command: command as keyof typeof FLAG_BOUNDS, flag, value, bounds })),
  ),
);

describe('every numeric flag is bounded', () => {
  it.each(cases)(
    '$command $flag $value: exit 2 naming the flag and its range',
    async ({ command, flag, value }) => {
      const needs = flag === '--max-combinations' ? ['--inverse', '1'] : [];
      const run = await cli(...BASE[command](), ...needs, flag, value);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`${flag}: expected`);
      expect(run.stderr).toContain(`got '${value}'`);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    },
  );

  it('the table lists every flag that takes a number, in every command', () => {
    const program = buildProgram({ out() {}, err() {}, color: false }, () => {});
    const numeric = /<(n|k|q|t|s|seconds[^>]*|n\|all|state)>/;
    const listed = new Map(Object.entries(FLAG_BOUNDS).map(([c, f]) => [c, new Set(Object.keys(f))]));
    const missing: string[] = [];
    for (const command of program.commands) {
      for (const option of command.options) {
        if (
          !numeric.test(option.flags) ||
          option.argChoices !== undefined ||
          (option.long === '--seed' && ['analyze', 'report'].includes(command.name()))
        )
          continue;
        if (!listed.get(command.name())?.has(option.long ?? ''))
          missing.push(`${command.name()} ${option.flags}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('threads beyond the cores are capped with a note, not started', async () => {
    const run = await cli('analyze', car, '--threads', '1000', '--samples', '50', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/--threads 1000 capped at \d+, the cores of this machine/);
  });

  it('a simulated deadline that means more rounds than a run may take is refused with what to change', async () => {
    const run = await cli('simulate', car, '--deadline-days', '30000', '--days-per-round', '0.001');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('30,000,000 rounds');
    expect(run.stderr).toContain('raise --days-per-round or shorten --deadline-days');
  });
});
