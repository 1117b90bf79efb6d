import { describe, expect, it } from 'vitest';
import {
  changedFields,
  conflictFields,
  fieldLabel,
  mergeFields,
  takeSide,
} from '../../../web/src/screens/preferences/edit-conflict.js';
import type { PreferencesDraft } from '../../../web/src/screens/preferences/preferences-form.js';

const base: PreferencesDraft = {
  source: 'analysts',
  basis: 'analyst-estimate',
  weights: { donbas: 14, 'nato.v2': 4 },
  values: {
    donbas: { freeze: 100, withdraw: 0 },
    army: {
      piecewiseLinear: [
        [400, 0],
        [1000, 100],
      ],
    },
  },
  adjustments: [],
  redLines: [
    {
      id: 'no-cession',
      description: 'no cession',
      source: 's',
      crossedWhen: { issue: 'donbas', in: ['withdraw'] },
    },
  ],
  batna: 40,
};

const edit = (change: (d: PreferencesDraft) => void): PreferencesDraft => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};

describe('edit conflicts', () => {
  it('merges changes to different fields without asking, losing neither', () => {
    const mine = edit((d) => {
      d.weights.donbas = 20;
      d.redLines.push({
        id: 'new',
        description: 'x',
        source: 's',
        requires: { issue: 'donbas', notIn: ['withdraw'] },
      });
    });
    const theirs = edit((d) => {
      d.batna = 35;
      (d.values.donbas as Record<string, number>).withdraw = 5;
    });
    const fields = conflictFields(base, mine, theirs);
    expect(fields.filter((f) => f.conflicting)).toEqual([]);
    const merged = mergeFields(fields, {}, 'mine');
    expect(merged.weights.donbas).toBe(20);
    expect(merged.batna).toBe(35);
    expect(merged.values.donbas).toEqual({ freeze: 100, withdraw: 5 });
    expect(merged.redLines.map((r) => r.id)).toEqual(['no-cession', 'new']);
    expect(merged.weights['nato.v2']).toBe(4);
  });

  it('asks about a field both sides changed differently, and takes the side chosen', () => {
    const mine = edit((d) => {
      d.weights.donbas = 20;
    });
    const theirs = edit((d) => {
      d.weights.donbas = 10;
      d.source = 'new source';
    });
    const fields = conflictFields(base, mine, theirs);
    const [first] = changedFields(fields);
    expect(first).toMatchObject({ conflicting: true, base: 14, mine: 20, theirs: 10 });
    expect(fieldLabel(first.key)).toBe('weight of donbas');
    expect(mergeFields(fields, {}, 'mine').weights.donbas).toBe(20);
    const chosen = mergeFields(fields, { [first.key]: 'theirs' }, 'mine');
    expect(chosen.weights.donbas).toBe(10);
    expect(chosen.source).toBe('new source');
  });

  it('follows a deletion on one side, and keeps mine or theirs whole when asked', () => {
    const mine = edit((d) => {
      d.redLines = [];
    });
    const theirs = edit((d) => {
      d.notes = 'added';
    });
    const fields = conflictFields(base, mine, theirs);
    const merged = mergeFields(fields, {}, 'theirs');
    expect(merged.redLines).toEqual([]);
    expect(merged.notes).toBe('added');
    expect(takeSide(fields, 'mine')).toEqual(mine);
    expect(takeSide(fields, 'theirs')).toEqual(theirs);
  });
});

describe('same value', () => {
  it('ignores the order of keys, as the server stores them sorted, and nothing else', async () => {
    const { sameValue } = await import('../../../web/src/screens/preferences/same-value.js');
    expect(sameValue({ estimate: 1, low: 0, high: 2 }, { estimate: 1, high: 2, low: 0 })).toBe(true);
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });

  it('sees no conflict where the saved side only reordered keys', () => {
    const reordered = structuredClone(base);
    reordered.weights = { 'nato.v2': 4, donbas: 14 };
    const mine = edit((d) => {
      d.batna = 41;
    });
    expect(conflictFields(base, mine, reordered).filter((f) => f.conflicting)).toEqual([]);
  });
});
