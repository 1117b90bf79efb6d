import type { AnalysisReport } from '../../../app/analyze.js';
import type { TypicalAcceptance } from '../../../core/analysis/robustness/typical-completions.js';
import type { VerdictTornado } from '../../../core/analysis/robustness/verdict-tornado.js';
import type { Proportion } from '../../../core/statistics/index.js';
import { acceptanceChart } from '../../../views/charts/acceptance.js';
import { tornadoChart } from '../../../views/charts/tornado.js';
import { responsiveFigure } from '../chart-figure.js';
import { escapeHtml, htmlTable } from '../html.js';

const share = (p: Proportion) => `${(p.p * 100).toFixed(1)}%`;
const interval = (p: Proportion) => `${(p.ci95[0] * 100).toFixed(1)}–${(p.ci95[1] * 100).toFixed(1)}%`;
const signed = (x: number) => (x >= 0 ? `+${x.toFixed(1)}` : `−${(-x).toFixed(1)}`);

function acceptanceTable(analysis: AnalysisReport, typical: TypicalAcceptance): string {
  const run = analysis.robustness && !('skipped' in analysis.robustness) ? analysis.robustness : undefined;
  const signatories = typical.packages[0]?.parties.map((p) => p.name) ?? [];
  const rows = typical.packages.map((p) => {
    const worst = run?.packages.find((q) => q.id === p.id)?.allAccept.guaranteed;
    return [
      p.id,
      ...(run ? [worst ? `${share(worst)} (${interval(worst)})` : ''] : []),
      `${share(p.allAccept)} (${interval(p.allAccept)})`,
      ...p.parties.map((q) => share(q.accept)),
    ];
  });
  return htmlTable(
    [
      'package',
      ...(run ? ['all accept, worst completion'] : []),
      'all accept, typical completion',
      ...signatories.map((name) => `${name}, typical`),
    ],
    rows,
  );
}

function acceptanceFigure(analysis: AnalysisReport, typical: TypicalAcceptance): string {
  const run = analysis.robustness && !('skipped' in analysis.robustness) ? analysis.robustness : undefined;
  const rows = typical.packages.map((p) => {
    const worst = run?.packages.find((q) => q.id === p.id)?.allAccept.guaranteed;
    return { id: p.id, typical: p.allAccept, ...(worst ? { worst } : {}) };
  });
  return responsiveFigure((layout) => acceptanceChart(rows, typical.samples, layout));
}

function tornadoHtml(tornado: VerdictTornado): string {
  if (tornado.bars.length === 0)
    return `<p>No estimate with a range bears on a signatory that could accept <code>${escapeHtml(tornado.package)}</code>.</p>`;
  const margins = tornado.parties
    .map((p) =>
      p.redLines === 'crossed'
        ? `${p.name}: a red line is crossed whatever the estimates`
        : `${p.name} ${signed(p.margin)}`,
    )
    .join('; ');
  const charts = tornado.parties
    .map((party) => ({ party, bars: tornado.bars.filter((b) => b.party === party.party) }))
    .filter((group) => group.bars.length > 0)
    .map(({ party, bars }) =>
      responsiveFigure((layout) =>
        tornadoChart(
          {
            subject: `${tornado.package}: ${party.name} accepts`,
            measure: 'margin: worst utility over the completions minus the BATNA (points)',
            atEstimates: party.margin,
            threshold: 0,
            bars: bars.map((b) => ({ estimate: b.estimate, atLow: b.marginAtLow, atHigh: b.marginAtHigh })),
          },
          layout,
        ),
      ),
    );
  return `<h3>Which estimates decide the verdicts on ${escapeHtml(tornado.package)}</h3>
<p class="note">Each estimate is moved alone to the low and the high end of its range, the others kept at their estimates; a bar spans the signatory’s margin (worst utility over the package’s completions minus its BATNA), and a bar crossing zero flips that signatory’s verdict. Margins at the estimates: ${escapeHtml(margins)}. The ${tornado.bars.length} largest swings of ${tornado.examined} estimates are shown${tornado.leftOut > 0 ? `; ${tornado.leftOut} smaller ones are left out` : ''}.</p>
<div class="charts">${charts.join('')}</div>`;
}

/** Acceptance under worst and typical completions, and the estimates that flip each verdict (tornadoes given). */
export function robustnessHtml(
  analysis: AnalysisReport,
  typical: TypicalAcceptance | undefined,
  tornadoes: VerdictTornado[],
): string {
  const parts: string[] = [];
  const run = analysis.robustness;
  parts.push(
    `<p>“All accept, worst completion” treats every issue a package leaves open as settled the worst way for each party, so a package with open issues that some completion makes unacceptable scores 0 there. “Typical completion” settles the open issues at random, every completion equally likely.</p>`,
  );
  if (typical) {
    parts.push(
      `<p class="note">Typical completion: ${typical.samples.toLocaleString('en-US')} draws, each estimate from a ${escapeHtml(typical.distribution)} distribution over its range and one uniformly drawn completion, seed ${escapeHtml(String(typical.seed))}; 95% Wilson intervals.${
        run && !('skipped' in run)
          ? ` Worst completion: ${run.samples.toLocaleString('en-US')} draws, ${escapeHtml(run.distribution)}, seed ${escapeHtml(String(run.seed))}.`
          : ' Worst completion: not run (add --samples to the report command).'
      }</p>`,
    );
    parts.push(acceptanceFigure(analysis, typical));
    parts.push(acceptanceTable(analysis, typical));
  }
  if (run && !('skipped' in run) && run.solutions.length > 0) {
    parts.push(
      htmlTable(
        ['solution', 'same outcome as at the estimates', '95% CI', 'distinct outcomes'],
        run.solutions.map((s) => [
          s.name,
          share(s.stability),
          interval(s.stability),
          String(s.distinctOutcomes),
        ]),
      ),
    );
  }
  for (const tornado of tornadoes) parts.push(tornadoHtml(tornado));
  return parts.join('\n');
}
