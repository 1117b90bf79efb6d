import type { ReportDiff } from '../../../app/report.js';
import { whoGainsChart } from '../../../views/charts/who-gains.js';
import { responsiveFigure } from '../chart-figure.js';
import { escapeHtml } from '../html.js';
import { divergingBars } from './diverging-bars.js';

const signed = (x: number) =>
  Math.abs(x) < 0.05 ? '±0.0' : x > 0 ? `+${x.toFixed(1)}` : `−${(-x).toFixed(1)}`;

/** Who gains from a revision, per party: the chart, then the numbers with changes and deferrals apart. */
export function whoGainsHtml(diff: ReportDiff): string {
  const gains = diff.whoGains;
  const chart = responsiveFigure((layout) =>
    whoGainsChart(diff.result.impact, diff.before, diff.after, layout),
  );
  const rows = gains.parties.map((p) => ({
    label: p.name,
    cells: [signed(p.fromChanges), signed(p.fromDeferrals), signed(p.total)],
    segments: [
      { from: 0, to: p.fromChanges, kind: p.fromChanges >= 0 ? 'gain' : 'loss' },
      ...(Math.abs(p.fromDeferrals) >= 0.05 ? [{ from: p.fromChanges, to: p.total, kind: 'deferral' }] : []),
    ],
    description: `${p.name}: ${signed(p.fromChanges)} from changes, ${signed(p.fromDeferrals)} from deferrals, ${signed(p.total)} in all`,
  }));
  return `${chart}${divergingBars(
    `Who gains: ${gains.before} → ${gains.after}`,
    ['party', 'from changes', 'from deferrals', 'total'],
    rows,
    'utility points',
  )}<p class="note">${escapeHtml(gains.convention)} Split: ${escapeHtml(gains.attribution)}. <span class="legend"><span class="swatch bar-gain"></span> gain <span class="swatch bar-loss"></span> loss <span class="swatch bar-deferral"></span> deferral</span></p>`;
}
