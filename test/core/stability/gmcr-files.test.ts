import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGmcrText } from '../../../src/adapters/interop/read-gmcr.js';
import { writeGmcrText } from '../../../src/adapters/interop/write-gmcr.js';
import { buildGraphModel } from '../../../src/core/stability/graph-model.js';
import { tieClasses } from '../../../src/core/stability/preference-scores.js';
import { stabilityTable } from '../../../src/core/stability/stability-table.js';

const harbour = readFileSync('test/fixtures/stability/harbour-dispute.gmcr', 'utf8');

describe('.gmcr files', () => {
  it('reads options, directions, compound statements and infeasible patterns', () => {
    const read = readGmcrText(harbour, 'harbour.gmcr');
    if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
    expect(read.conflict.options.map((o) => o.direction)).toEqual(['both', 'both', 'forward']);
    expect(read.conflict.preferences[2]).toEqual({
      kind: 'statements',
      statements: [
        [
          [
            [0, true],
            [1, false],
          ],
          [
            [2, false],
            [1, false],
          ],
        ],
        [[[2, true]]],
      ],
    });
    // Mediation is one-way: from a state with it taken, the envoy has no move.
    const model = buildGraphModel(read.conflict);
    expect(Array.from(model.moves[2][3])).toEqual([]);
  });

  it('writes what it reads, and rankings survive as preference vectors', () => {
    const read = readGmcrText(harbour, 'harbour.gmcr');
    if (!read.ok) throw new Error('unreadable fixture');
    const model = buildGraphModel(read.conflict);
    const again = readGmcrText(writeGmcrText(read.conflict, model.scores.map(tieClasses)).text, 'again.gmcr');
    if (!again.ok) throw new Error(JSON.stringify(again.diagnostics));
    expect(again.conflict).toEqual(read.conflict);
    const ranked = {
      ...read.conflict,
      preferences: model.scores.map((s) => ({ kind: 'ranking' as const, ranking: tieClasses(s) })),
    };
    const written = writeGmcrText(ranked, model.scores.map(tieClasses)).text;
    expect(JSON.parse(written).useManualPreferenceVectors).toBe(true);
    const back = readGmcrText(written, 'ranked.gmcr');
    if (!back.ok) throw new Error(JSON.stringify(back.diagnostics));
    const a = stabilityTable(model, { sequenceRule: 'legalSequence' });
    const b = stabilityTable(buildGraphModel(back.conflict), { sequenceRule: 'legalSequence' });
    expect(b.stable).toEqual(a.stable);
  });

  it('locates an option owned twice and a ranking that leaves a state out', () => {
    const twice = readGmcrText(harbour.replace('"options": [2]', '"options": [1]'), 'twice.gmcr');
    expect(twice.ok).toBe(false);
    if (twice.ok) return;
    expect(twice.diagnostics.find((d) => d.path === 'decisionMakers[2].options[0]')).toMatchObject({
      line: 12,
      message: 'option 1 already belongs to decision maker 1',
    });
    expect(twice.diagnostics.find((d) => d.path === 'options[2]')?.message).toContain(
      'belongs to no decision maker',
    );
    const manual = JSON.parse(harbour);
    manual.useManualPreferenceVectors = true;
    manual.decisionMakers[0].preferenceVector = [1, [2, 3], 4, 5];
    manual.decisionMakers[1].preferenceVector = [1, 2, 3, 4, 5, 6];
    manual.decisionMakers[2].preferenceVector = [[1, 2, 3, 4, 5, 6]];
    const missing = readGmcrText(JSON.stringify(manual, null, 1), 'missing.gmcr');
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.diagnostics[0].path).toBe('decisionMakers[0].preferenceVector');
    expect(missing.diagnostics[0].message).toContain('leaves out state 6');
  });
});
