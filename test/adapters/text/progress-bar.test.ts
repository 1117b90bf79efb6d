import { describe, expect, it } from 'vitest';
import { progressFormat } from '../../../src/adapters/text/progress-bar.js';

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

describe('progressFormat', () => {
  for (const columns of [40, 60, 80, 120, 200]) {
    it(`keeps the ETA and fits ${columns} columns`, () => {
      const { format, barsize } = progressFormat('tournament', 'matches', 12_500, columns);
      expect(format).toContain('ETA {eta_formatted}');
      expect(widest(format, barsize, 12_500).length).toBeLessThan(columns);
    });
  }

  it('drops the elapsed time before the bar gets too short, and keeps a bar at 80 columns', () => {
    expect(progressFormat('tournament', 'matches', 750, 80).format).toContain('elapsed');
    expect(progressFormat('tournament', 'matches', 750, 80).barsize).toBeGreaterThanOrEqual(10);
    expect(progressFormat('tournament', 'matches', 750, 60).format).not.toContain('elapsed');
    expect(progressFormat('tournament', 'matches', 750, 40).format).not.toContain('{bar}');
  });
});
