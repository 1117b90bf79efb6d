import type { AnalysisReport } from '../../app/analyze.js';
import type { ReportData, UtilitySpaceData } from '../../app/report.js';
import type { BargainingResult } from '../../core/analysis/bargaining/bargaining-types.js';
import type { ChartSpec } from '../../views/charts/chart-spec.js';
import { utilitySpaceCharts } from '../../views/charts/n-party-charts.js';
import { packageHeatmapChart } from '../../views/charts/package-heatmap.js';
import { type ColourScene, colourScene } from '../../views/charts/palette.js';
import { renderChartSvg } from '../../views/charts/render-svg.js';
import { reportEntities, utilitySpaceInput } from '../../views/charts/utility-space-input.js';
import { whoGainsChart } from '../../views/charts/who-gains.js';
import { probabilityChart } from './charts.js';
import { escapeHtml, htmlPage, htmlTable, type Section } from './html.js';
import { diffSection } from './sections/diff-section.js';
import { forecastSection } from './sections/forecast-section.js';
import { stabilitySection } from './sections/stability-section.js';
import { versionsSection } from './sections/versions-section.js';

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const verdictHtml = (v: string) => `<span class="${escapeHtml(v)}">${escapeHtml(v)}</span>`;

/** A chart with the statements it needs beside it and the numbers behind it, folded. */
export function chartFigure(spec: ChartSpec): string {
  const table = htmlTable(
    spec.table.columns,
    spec.table.rows.map((r) => r.map(String)),
  );
  return `<figure class="chart">${renderChartSvg(spec)}<details><summary>Data: ${escapeHtml(spec.table.caption)}</summary>${table}</details></figure>`;
}

function frontierSection(report: AnalysisReport, space: UtilitySpaceData, scene: ColourScene): Section {
  const input = utilitySpaceInput(report, space);
  const charts = utilitySpaceCharts(scene, input);
  const html = `<p class="note">Packages that leave issues open are drawn as boxes spanning their utility ranges (2 parties) or at the midpoint of the range. Dashed lines are the BATNAs.</p>
<div class="charts">${charts.map(chartFigure).join('')}</div>`;
  return { id: 'frontier', title: 'Utility space: frontier, packages and bargaining solutions', html };
}

function zoneSection(report: AnalysisReport): Section {
  const parts: string[] = [];
  const zone = report.zone;
  parts.push(
    `<p>Agreement zone (outcomes every signatory accepts): <strong>${zone.empty ? 'empty' : 'not empty'}</strong>${zone.size === undefined ? '' : `, ${zone.size.toLocaleString('en-US')} outcomes`}. <span class="note">${escapeHtml(zone.methodReason)}; ${escapeHtml(zone.sizeNote)}</span></p>`,
  );
  if (!zone.empty && zone.bestFor.length > 0) {
    parts.push(
      htmlTable(
        ['best for', 'utility', 'BATNA', 'outcome'],
        zone.bestFor.map((b) => [
          b.name,
          fmt(b.utility),
          fmt(b.batna),
          Object.entries(b.outcome.assignment)
            .map(([i, o]) => `${i}=${o}`)
            .join(', '),
        ]),
      ),
    );
  }
  if (report.explanation) {
    parts.push(
      '<h3>Why no deal exists</h3><p>Every minimal set of constraints that no outcome satisfies together:</p>',
    );
    parts.push(
      htmlTable(
        ['#', 'conflict', 'issues'],
        report.explanation.subsets.map((s, k) => [
          String(k + 1),
          s.text,
          s.issues.map((i) => i.title).join(', '),
        ]),
      ),
    );
    parts.push(`<p class="note">${escapeHtml(report.explanation.note)}</p>`);
  }
  if (report.relaxation) {
    parts.push(
      `<h3>Smallest relaxation</h3><p>Dropping <strong>${escapeHtml(report.relaxation.labels.join(' and '))}</strong> would open the zone.${
        report.relaxation.alternatives.length > 1
          ? ` Equally small: ${escapeHtml(report.relaxation.alternatives.map((a) => a.join(' + ')).join('; '))}.`
          : ''
      }</p>`,
    );
    parts.push(bargainingTable(report.relaxation.bargaining));
  }
  return { id: 'zone', title: 'Agreement zone and red-line conflicts', html: parts.join('\n') };
}

function bargainingTable(result: BargainingResult): string {
  if (result.empty)
    return '<p>No bargaining solution: no outcome gives every bargaining party at least its BATNA.</p>';
  const names = result.parties.map((p) => p.name);
  return `${htmlTable(
    ['solution', ...names, 'ties', 'over lotteries', 'outcome'],
    result.solutions.map((s) => {
      const best = s.discrete?.outcomes[0];
      return [
        s.concept,
        ...names.map((_, k) => (best ? fmt(best.utilities[k]) : s.status)),
        String(s.discrete?.tieCount ?? s.discrete?.outcomes.length ?? 0),
        s.lottery ? s.lottery.expectedUtilities.map((u) => fmt(u)).join(' / ') : '',
        best
          ? {
              html: `<details><summary>show</summary>${escapeHtml(
                Object.entries(best.outcome.assignment)
                  .map(([i, o]) => `${i}=${o}`)
                  .join(', '),
              )}</details>`,
            }
          : '',
      ];
    }),
  )}<p class="note">Method: ${escapeHtml(result.method)} (${escapeHtml(result.methodReason)}). ${escapeHtml(
    result.solutions
      .map((s) => s.exactness)
      .filter((x, k, all) => all.indexOf(x) === k)
      .join(' '),
  )}</p>`;
}

function packagesSection(report: AnalysisReport): Section {
  const parts = report.packages.map((p) => {
    const lines = p.evaluation.parties.flatMap((e) =>
      e.redLines
        .filter((r) => r.status !== 'respected')
        .map((r) => [
          e.name,
          r.id,
          { html: verdictHtml(r.status) },
          [...new Set(r.points.map((x) => `${x.document}:${x.version}#${x.point}`))].join(', '),
        ]),
    );
    return `<h3>${escapeHtml(p.label)} <span class="note">(${escapeHtml(p.versions.join(' + '))})</span>: acceptable to every signatory? ${verdictHtml(p.evaluation.verdict)}</h3>
${lines.length > 0 ? htmlTable(['party', 'red line', 'status', 'points'], lines) : '<p class="note">No red line crossed or at stake.</p>'}
${p.conflicts.length > 0 ? `<p class="note">Documents conflict on: ${escapeHtml(p.conflicts.join(', '))} (kept open between the conflicting options).</p>` : ''}`;
  });
  return {
    id: 'packages',
    title: 'Packages: utilities with uncertainty, red lines',
    html: `${report.packages.length > 0 ? chartFigure(packageHeatmapChart(report.packages)) : ''}${parts.join('\n')}`,
  };
}

function robustnessSection(report: AnalysisReport): Section | undefined {
  const r = report.robustness;
  if (!r) return undefined;
  if ('skipped' in r)
    return { id: 'robustness', title: 'Robustness', html: `<p>${escapeHtml(r.skipped)}</p>` };
  const groups = r.packages.map((p) => ({
    name: p.id,
    bars: [
      {
        label: 'all signatories',
        probability: p.allAccept.guaranteed.p,
        low: p.allAccept.guaranteed.ci95[0],
        high: p.allAccept.guaranteed.ci95[1],
      },
      ...p.parties
        .filter((q) => q.signatory)
        .map((q) => ({
          label: q.name,
          probability: q.accept.guaranteed.p,
          low: q.accept.guaranteed.ci95[0],
          high: q.accept.guaranteed.ci95[1],
        })),
    ],
  }));
  const table = htmlTable(
    ['rank', 'package', 'P(all signatories accept)', '95% CI', 'mean smallest gain'],
    r.packages.map((p) => [
      String(p.rank),
      p.id,
      fmt(p.allAccept.guaranteed.p, 3),
      `${fmt(p.allAccept.guaranteed.ci95[0], 3)}..${fmt(p.allAccept.guaranteed.ci95[1], 3)}`,
      p.meanMinGain === null ? '' : fmt(p.meanMinGain),
    ]),
  );
  const stability =
    r.solutions.length > 0
      ? htmlTable(
          ['solution', 'same outcome as at the estimates', '95% CI', 'distinct outcomes'],
          r.solutions.map((s) => [
            s.name,
            `${fmt(s.stability.p * 100)}%`,
            `${fmt(s.stability.ci95[0] * 100)}..${fmt(s.stability.ci95[1] * 100)}%`,
            String(s.distinctOutcomes),
          ]),
        )
      : '<p class="note">Solution stability is computed per draw by enumerating the agreement zone; this space is too large for that.</p>';
  return {
    id: 'robustness',
    title: 'Robustness under uncertain preferences',
    html: `<p class="note">${r.samples.toLocaleString('en-US')} draws of every estimate from a ${escapeHtml(r.distribution)} distribution over its range, seed ${escapeHtml(String(r.seed))}. "Accept" means for every completion of the package.</p>
${probabilityChart('Probability of acceptance', groups)}${table}${stability}`,
  };
}

function gapsSection(report: AnalysisReport): Section {
  return {
    id: 'gaps',
    title: 'Gaps between the signatories, by issue',
    html: `${htmlTable(
      ['issue', 'gap (utility points given up, summed over pairs)', 'least costly settlement'],
      report.gaps.map((g) => [
        g.title,
        fmt(g.total),
        `${g.leastCostly.options.join(', ')} (${fmt(g.leastCostly.loss)})`,
      ]),
    )}`,
  };
}

/** The self-contained HTML report of an analysis: inline CSS and SVG charts, nothing fetched. */
export function analysisReportHtml(data: ReportData): string {
  const report = data.analysis;
  // One colour per party, package and solution, kept by every chart of the report.
  const scene = colourScene(reportEntities(report));
  const sections: Section[] = [];
  if (report.scenario.disclaimer) {
    sections.push({
      id: 'about',
      title: 'About this analysis',
      html: `<p class="disclaimer">${escapeHtml(report.scenario.disclaimer)}</p><p>${report.space.issues} issues, ${escapeHtml(
        report.space.exact
          ? report.space.outcomes.toLocaleString('en-US')
          : report.space.outcomes.toExponential(2),
      )} complete outcomes. Signatories: ${escapeHtml(
        report.parties
          .filter((p) => p.signatory)
          .map((p) => p.name)
          .join(', '),
      )}.</p>`,
    });
  }
  sections.push(zoneSection(report));
  sections.push(frontierSection(report, data.utilitySpace, scene));
  sections.push({
    id: 'bargaining',
    title: 'Bargaining solutions',
    html: bargainingTable(report.bargaining),
  });
  sections.push(packagesSection(report));
  const robustness = robustnessSection(report);
  if (robustness) sections.push(robustness);
  if (data.versions) {
    sections.push({
      id: 'versions',
      title: 'Documents, versions and convergence',
      html: versionsSection(data.versions),
    });
  }
  if (data.diff) {
    sections.push({
      id: 'diff',
      title: `Diff: ${data.diff.before} → ${data.diff.after}`,
      // Who gains comes before the clause-by-clause diff.
      html: `${chartFigure(whoGainsChart(data.diff.result.impact, data.diff.before, data.diff.after))}${diffSection(data.diff.result)}`,
    });
  }
  sections.push(gapsSection(report));
  if (data.stability) {
    sections.push({
      id: 'stability',
      title: 'Stability of the conflict (GMCR)',
      html: stabilitySection(data.stability),
    });
  }
  if (data.forecast) sections.push(forecastSection(data.forecast));
  sections.push({
    id: 'method',
    title: 'Methods and timings',
    html: htmlTable(
      ['step', 'milliseconds'],
      Object.entries(report.timings).map(([step, ms]) => [step, ms]),
    ),
  });
  const subtitle = [
    `Scenario ${report.scenario.id}${report.at ? `, BATNAs as of ${report.at}` : ''}.`,
    `Preferences, red lines and BATNAs are ${report.basis}.`,
  ];
  return htmlPage(report.scenario.title, subtitle, sections);
}
