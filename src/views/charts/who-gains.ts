import type { Impact } from '../../core/versions/impact.js';
import { type ChartLayout, type ChartSpec, isNarrow } from './chart-spec.js';
import { INK } from './echarts-setup.js';
import { BODY_FONT, frame, valueAxis } from './frame.js';
import { ellipsizeMiddle, textWidth } from './text-measure.js';

/** Kinds of change that leave an issue open: they move the midpoint scalar without settling anything. */
const DEFERRALS = new Set(['deferred', 'unsettled']);
const fmt = (x: number) => `${x > 0 ? '+' : ''}${(Math.round(x * 10) / 10).toString()}`;

export const CHANGES_SERIES = 'settled or changed issues';
export const DEFERRALS_SERIES = 'deferred or reopened issues (midpoint convention)';
export const NARROW_DEFERRALS_SERIES = 'deferred or reopened issues';

/**
 * Who gains from a revision: one diverging bar per party, split into what settled or changed issues gave it and
 * what deferrals gave it. A deferral moves the midpoint of a party's utility range without settling anything,
 * so it is drawn apart, never summed silently into a gain.
 */
export function whoGainsChart(
  impact: Impact,
  before: string,
  after: string,
  layout: ChartLayout = {},
): ChartSpec {
  const width = layout.width ?? 700;
  const narrow = isNarrow(width);
  const totals = impact.attribution.totals;
  const names = new Map(impact.parties.map((p) => [p.party, p.name]));
  const share = (party: string, deferral: boolean) =>
    impact.attribution.changes
      .filter((c) => DEFERRALS.has(c.kind) === deferral)
      .reduce((sum, c) => sum + (c.shares.find((s) => s.party === party)?.value ?? 0), 0);
  const rows = totals.map((t) => ({
    party: t.party,
    name: names.get(t.party) ?? t.party,
    changes: share(t.party, false),
    deferrals: share(t.party, true),
    total: t.total,
  }));
  const labels = rows.map((r) => `${ellipsizeMiddle(r.name, narrow ? 90 : 170, BODY_FONT)} ${fmt(r.total)}`);
  const yTick = Math.max(20, ...labels.map((l) => textWidth(l, BODY_FONT)));
  const extent = Math.max(
    5,
    ...rows.map((r) => Math.max(Math.abs(r.changes) + Math.abs(r.deferrals), Math.abs(r.total))),
  );
  const bound = Math.ceil((extent * 1.1) / 5) * 5;
  const hasDeferrals = rows.some((r) => Math.abs(r.deferrals) > 1e-9);
  // A narrow chart names the deferrals series shortly; its subtitle states the convention in full.
  const deferralsSeries = narrow ? NARROW_DEFERRALS_SERIES : DEFERRALS_SERIES;
  const legend = [CHANGES_SERIES, ...(hasDeferrals ? [deferralsSeries] : [])];
  const title = `Who gains: ${before} → ${after}`;
  const subtitle = [
    `Change in each party's utility (midpoint of its range over open issues, at the estimates), split by Shapley attribution (${impact.attribution.method}).`,
    hasDeferrals
      ? 'Deferrals are drawn apart: leaving an issue open moves the midpoint without settling anything.'
      : 'No deferral in this revision.',
  ];
  const xName = 'change in utility (points)';
  const f = frame({
    width,
    plotHeight: Math.max(120, rows.length * 34),
    title,
    subtitle,
    legend,
    xName,
    yName: 'party (total change)',
    yTickWidth: yTick,
  });
  const bar = (name: string, colour: string, values: number[], border?: string) => ({
    name,
    type: 'bar',
    stack: 'gain',
    barWidth: 18,
    itemStyle: {
      color: colour,
      opacity: 1,
      ...(border ? { borderColor: border, borderWidth: 1, borderType: 'dashed' } : {}),
    },
    data: values.map((v) => Math.round(v * 100) / 100),
  });
  return {
    id: `who-gains-${before}-${after}`.replace(/[^A-Za-z0-9-]/g, '-'),
    title,
    description: `${subtitle.join(' ')} ${rows
      .map(
        (r) => `${r.name}: total ${fmt(r.total)} (changes ${fmt(r.changes)}, deferrals ${fmt(r.deferrals)}).`,
      )
      .join(' ')}`,
    width: f.width,
    height: f.height,
    option: {
      ...f.option,
      xAxis: valueAxis(xName, -bound, bound, undefined, f.plot.width),
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        name: 'party (total change)',
        nameLocation: 'middle',
        nameGap: yTick + 14,
        nameTextStyle: { fontSize: BODY_FONT, color: INK },
        axisLabel: { fontSize: BODY_FONT, color: INK, interval: 0 },
        axisTick: { show: false },
      },
      series: [
        bar(
          CHANGES_SERIES,
          '#2166ac',
          rows.map((r) => r.changes),
        ),
        ...(hasDeferrals
          ? [
              bar(
                deferralsSeries,
                '#d9d9d9',
                rows.map((r) => r.deferrals),
                '#555555',
              ),
            ]
          : []),
      ],
    },
    table: {
      caption: `Change in utility per party, ${before} → ${after}`,
      columns: [
        'party',
        'before',
        'after',
        'total change',
        'from settled or changed issues',
        'from deferrals',
      ],
      rows: rows.map((r) => {
        const t = totals.find((x) => x.party === r.party);
        return [
          r.name,
          (t?.before ?? 0).toFixed(1),
          (t?.after ?? 0).toFixed(1),
          fmt(r.total),
          fmt(r.changes),
          fmt(r.deferrals),
        ];
      }),
    },
    notes: subtitle,
  };
}
