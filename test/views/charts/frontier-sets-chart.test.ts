import { describe, expect, it } from 'vitest';
import { drawnSeries, legendEntries } from '../../../src/views/charts/chart-spec.js';
import { frontierSetsChart, MAX_SET_POINTS } from '../../../src/views/charts/frontier-sets-chart.js';
import { colourScene } from '../../../src/views/charts/palette.js';
import { renderChartSvg } from '../../../src/views/charts/render-svg.js';

const scene = colourScene({ parties: ['a', 'b', 'c'], packages: ['p1', 'p2'], solutions: [] });
const party = (id: string, batna: number) => ({ id, name: `Party ${id.toUpperCase()}`, batna });
type Series = { name: string; data: unknown[]; itemStyle: { color: string } };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

describe('frontier sets chart', () => {
  const sets = [
    {
      id: 'p1',
      kind: 'package' as const,
      name: 'p1',
      points: [
        [10, 90, 50],
        [90, 10, 50],
      ],
      statement: 'p1: 2 vectors.',
    },
    { id: 'p2', kind: 'package' as const, name: 'p2', points: [], statement: 'p2: 0 vectors.' },
  ];

  it('draws n parties in parallel coordinates, labelled, with a legend only for the sets it draws', () => {
    const spec = frontierSetsChart(scene, {
      id: 'x',
      title: 'Frontiers',
      parties: [party('a', 20), party('b', 30), party('c', 40)],
      context: ['Over all completions.'],
      sets,
    });
    expect(spec.title).toBe('Frontiers, in parallel coordinates (3 parties)');
    expect(spec.notes[0]).toContain('one line per frontier vector (not a projection)');
    expect(spec.notes).toContain('p2: 0 vectors.');
    expect(legendEntries(spec)).toEqual(['p1']);
    expect(drawnSeries(spec)).toEqual(['p1']);
    // A package keeps its colour from the scene.
    expect(seriesOf(spec.option)[0].itemStyle.color).toBe(scene.package('p1').colour);
    expect(spec.table.rows).toEqual([
      ['p1', '10', '90', '50'],
      ['p1', '90', '10', '50'],
      ['BATNA', '20', '30', '40'],
    ]);
    expect(renderChartSvg(spec)).toContain('<svg');
  });

  it('draws two parties on the utility plane with axis titles, and states the thinning of a long set', () => {
    const many = Array.from({ length: 1000 }, (_, k) => [k / 10, 100 - k / 10]);
    const spec = frontierSetsChart(scene, {
      id: 'y',
      title: 'Relaxed zone',
      parties: [party('a', 20), party('b', 30)],
      context: [],
      sets: [
        { id: 'zone', kind: 'zone', name: 'relaxed zone', points: many, statement: 'relaxed zone: 1,000.' },
      ],
    });
    const option = spec.option as { xAxis: { name: string }; yAxis: { name: string } };
    expect(option.xAxis.name).toBe('Party A utility (0–100)');
    expect(option.yAxis.name).toBe('Party B utility (0–100)');
    expect(seriesOf(spec.option)[0].data.length).toBeLessThanOrEqual(MAX_SET_POINTS + 1);
    expect(spec.notes.join(' ')).toMatch(/relaxed zone: 1,000 frontier vectors, \d+ drawn/);
  });
});
