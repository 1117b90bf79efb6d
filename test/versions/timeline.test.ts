import { describe, expect, it } from 'vitest';
import type { VersionRef } from '../../src/core/versions/document-index.js';
import { buildTimeline } from '../../src/core/versions/timeline.js';
import { statusScenario } from './fixtures.js';

describe('timeline', () => {
  const scenario = {
    ...statusScenario(),
    events: [
      {
        id: 'summit',
        date: '2025-02-01',
        title: 'Summit',
        kind: 'summit' as const,
        parties: ['a', 'b'],
        documents: ['doc'],
        versions: ['doc:v2'],
        sources: [],
      },
    ],
    positions: [
      { party: 'b', issue: 'land', date: '2025-01-15', option: 'cede', sources: [] },
      { party: 'b', issue: 'land', date: '2025-01-03', option: 'keep', statement: 'never', sources: [] },
      { party: 'a', issue: 'troops', date: '2025-01-15', option: 25, sources: [] },
    ],
  };
  scenario.packages[1].date = '2025-02-01';

  it('puts events, packages, versions, status changes and positions in date order', () => {
    const timeline = buildTimeline(scenario, { documents: ['doc'] });
    expect(timeline.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2025-01-01 version',
      '2025-01-01 status-change',
      '2025-01-01 status-change',
      '2025-01-01 status-change',
      '2025-01-01 status-change',
      '2025-01-03 position',
      '2025-01-15 position',
      '2025-01-15 position',
      '2025-02-01 event',
      '2025-02-01 package',
      '2025-02-01 version',
      '2025-02-01 status-change',
      '2025-02-01 status-change',
      '2025-02-01 status-change',
    ]);
    const positions = timeline.filter((e) => e.kind === 'position');
    expect(positions[1]).toMatchObject({
      party: 'b',
      option: 'cede',
      label: 'Beta gets',
      previous: { date: '2025-01-03', option: 'keep', label: 'Alpha keeps' },
    });
    expect(positions[2]).toMatchObject({ party: 'a', option: '25', label: '25 k' });
    expect(JSON.parse(JSON.stringify(timeline))).toEqual(timeline);
  });

  it('filters by date and attaches injected gaps to version entries', () => {
    const asked: string[] = [];
    const gapAt = (ref: VersionRef) => {
      asked.push(`${ref.document}:${ref.version}`);
      return [{ issue: 'land', gap: ref.version === 'v1' ? 3 : 1 }];
    };
    const timeline = buildTimeline(scenario, { gapAt, from: '2025-01-10', documents: ['doc'] });
    expect(timeline[0].date).toBe('2025-01-15');
    expect(asked).toEqual(['doc:v1', 'doc:v2']);
    const v2 = timeline.find((e) => e.kind === 'version');
    expect(v2).toMatchObject({ version: 'v2', gaps: [{ issue: 'land', gap: 1 }] });
  });
});
