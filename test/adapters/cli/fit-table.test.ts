import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { columnWidths, gridOverhead, naturalWidths } from '../../../src/adapters/cli/fit-table.js';
import { table } from '../../../src/adapters/cli/output.js';
import { decideWidth } from '../../../src/adapters/cli/terminal-width.js';

const io = (width?: number) => ({ out: () => {}, err: () => {}, color: false, width });
const lines = (text: string) => text.trimEnd().split('\n');

const word = fc.stringMatching(/^[a-z0-9.-]{1,12}$/);
const cjk = fc.constantFrom('漢字', '東京都', '한국어', '😀', 'ñandú', 'e\u0301');
const cell = fc.array(fc.oneof(word, cjk), { minLength: 0, maxLength: 8 }).map((ws) => ws.join(' '));

describe('columnWidths', () => {
  it('keeps natural widths when they fit', () => {
    const cells = [
      ['id', 'name'],
      ['a', 'Alpha'],
    ];
    expect(columnWidths(cells, 80)).toEqual(naturalWidths(cells));
  });

  it('never exceeds the budget and never goes below the shortest readable column', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }),
          ),
        fc.integer({ min: 40, max: 160 }),
        (cells, width) => {
          const widths = columnWidths(cells, width);
          if (widths === undefined) return;
          const natural = naturalWidths(cells);
          expect(widths.reduce((a, b) => a + b, 0) + gridOverhead(widths.length)).toBeLessThanOrEqual(width);
          widths.forEach((w, c) => {
            expect(w).toBeLessThanOrEqual(natural[c]);
            expect(w).toBeGreaterThanOrEqual(Math.min(natural[c], 6));
          });
        },
      ),
    );
  });
});

describe('table', () => {
  it('fits every width, as a grid or as records, measured in display columns (wide characters count two)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.array(word, { minLength: n, maxLength: n }),
              fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 5 }),
            ),
          ),
        fc.integer({ min: 40, max: 160 }),
        ([head, rows], width) => {
          for (const line of lines(table(head, rows, io(width)))) {
            expect(stringWidth(line)).toBeLessThanOrEqual(width);
          }
        },
      ),
    );
  });

  it('keeps every word of every cell', () => {
    const rows = [['zaporizhzhia-kherson', 'Zaporizhzhia and Kherson oblasts', '東京都 漢字 한국어 😀 text']];
    const text = table(['id', 'title', 'notes'], rows, io(40));
    const flat = text.replace(/[│┌┐└┘├┤┬┴┼─\s]/g, '');
    expect(flat).toContain('zaporizhzhia-kherson');
    expect(flat).toContain('ZaporizhzhiaandKhersonoblasts');
    expect(flat).toContain('東京都漢字한국어😀text');
  });

  it('draws the same bytes as before for a table that fits', () => {
    expect(table(['id', 'name'], [['a', 'Alpha']], io(80))).toBe(
      '┌────┬───────┐\n│ id │ name  │\n├────┼───────┤\n│ a  │ Alpha │\n└────┴───────┘\n',
    );
  });

  it('switches to records when even broken columns do not fit', () => {
    const head = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const text = table(head, [head.map((h) => `${h}-value-long`)], io(40));
    expect(text).not.toContain('│');
    expect(text).toContain('a  a-value-long');
  });
});

describe('decideWidth', () => {
  it('follows --wide, then COLUMNS, then the terminal, then 80', () => {
    expect(
      decideWidth({ wide: true, columnsVariable: '60', isTTY: true, terminalColumns: 100 }),
    ).toBeUndefined();
    expect(decideWidth({ columnsVariable: '60', isTTY: true, terminalColumns: 100 })).toBe(60);
    expect(decideWidth({ columnsVariable: 'wide', isTTY: true, terminalColumns: 100 })).toBe(100);
    expect(decideWidth({ isTTY: false, terminalColumns: 100 })).toBe(80);
    expect(decideWidth({ columnsVariable: '10' })).toBe(40);
  });
});
