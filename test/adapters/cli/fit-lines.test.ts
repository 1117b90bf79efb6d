import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitLine } from '../../../src/adapters/cli/fit-lines.js';

describe('fitLine', () => {
  it('returns a line that fits unchanged', () => {
    expect(fitLine('  - short', 20)).toEqual(['  - short']);
  });

  it('hangs continuation lines under the text after the bullet', () => {
    const out = fitLine('  - one two three four five six seven', 16);
    expect(out).toEqual(['  - one two', '    three four', '    five six', '    seven']);
  });

  it('measures display width: wide characters count two columns', () => {
    const out = fitLine('東京都 東京都 東京都 東京都', 14);
    for (const line of out) expect(stringWidth(line)).toBeLessThanOrEqual(14);
    expect(out.join(' ')).toBe('東京都 東京都 東京都 東京都');
  });

  it('breaks a long id after a hyphen rather than mid-word', () => {
    expect(fitLine('withdrawal-dmz-recognised-russian', 20)).toEqual([
      'withdrawal-dmz-',
      'recognised-russian',
    ]);
  });
});
