import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, parseCalendarDate } from '../../src/schema/calendar-date.js';

// An independent calendar: the Gregorian leap rule and month lengths, counted by hand.
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
const write = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('parseCalendarDate', () => {
  it('accepts exactly the days the Gregorian calendar has (every year, month and day 00..39 tried)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 39 }),
        (y, m, d) => {
          const real = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
          expect(isCalendarDate(write(y, m, d))).toBe(real);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects the dates Date.parse rolls over, and text of the wrong shape', () => {
    for (const text of ['2025-02-30', '2025-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-00-10']) {
      expect(parseCalendarDate(text), text).toBeUndefined();
    }
    for (const text of ['2025-2-3', '25-02-03', '2025-02-03T00:00', ' 2025-02-03', 'soon', '']) {
      expect(isCalendarDate(text), text).toBe(false);
    }
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('gives midnight UTC, also for years below 100', () => {
    expect(parseCalendarDate('2025-03-02')).toBe(Date.UTC(2025, 2, 2));
    expect(new Date(parseCalendarDate('0050-06-15')!).getUTCFullYear()).toBe(50);
  });
});

describe('addDays', () => {
  it('steps over month ends, leap days and year ends like counting day by day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 800 }), (y, days) => {
        let [year, month, day] = [y, 1, 1];
        for (let k = 0; k < days; k++) {
          day++;
          if (day > daysIn(year, month)) [month, day] = [month + 1, 1];
          if (month > 12) [year, month] = [year + 1, 1];
        }
        expect(addDays(write(y, 1, 1), days)).toBe(write(year, month, day));
      }),
      { numRuns: 200 },
    );
  });
});
