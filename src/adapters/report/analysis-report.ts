import type { AnalysisReport } from '../../app/analyze.js';
import type { IssueCatalogue, ReportData, UtilitySpaceData } from '../../app/report.js';
import type { BargainingResult } from '../../core/analysis/bargaining/bargaining-types.js';
import { utilitySpaceCharts } from '../../views/charts/n-party-charts.js';
import { packageHeatmapChart } from '../../views/charts/package-heatmap.js';
import { type ColourScene, colourScene } from '../../views/charts/palette.js';
import { reportEntities, utilitySpaceInput } from '../../views/charts/utility-space-input.js';
import { chartFigure } from './chart-figure.js';
import { escapeHtml, htmlPage, htmlTable, type Section } from './html.js';
import { diffSection } from './sections/diff-section.js';
import { focusHtml } from './sections/focus-section.js';
import { forecastSection } from './sections/forecast-section.js';
import { frontiersSection } from './sections/frontiers-section.js';
import { outcomeTable } from './sections/outcome-table.js';
import { robustnessHtml } from './sections/robustness-section.js';
import { stabilitySection } from './sections/stability-section.js';
import { summarySection } from './sections/summary-section.js';
import { versionsSection } from './sections/versions-section.js';
import { whoGainsHtml } from './sections/who-gains-section.js';

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const verdictHtml = (v: string) => `<span class="${escapeHtml(v)}">${escapeHtml(v)}</span>`;

function frontierSection(report: AnalysisReport, space: UtilitySpaceData, scene: ColourScene): Section {
  const charts = utilitySpaceCharts(scene, utilitySpaceInput(report, space));
  const counted = 'skipped' in report.frontier ? '' : `${escapeHtml(frontierCount(report))}. `;
  const html = `<p class="note">${counted}Packages that leave issues open are drawn as boxes spanning their utility ranges (2 parties) or at the midpoint of the range. Dashed lines are the BATNAs.</p>
<div class="charts">${charts.map(chartFigure).join('')}</div>`;
  return { id: 'frontier', title: 'Utility space: frontier, packages and bargaining solutions', html };
}

/** "81 Pareto-optimal outcomes over all outcomes": every frontier count says what it is counted over. */
export function frontierCount(report: AnalysisReport): string {
  const f = report.frontier;
  if ('skipped' in f) return 'frontier not enumerated';
  const counted =
    f.outcomes === undefined
      ? `${f.distinctVectors.toLocaleString('en-US')} distinct Pareto-optimal utility vectors`
      : `${f.outcomes.toLocaleString('en-US')} Pareto-optimal outcomes`;
  return `${counted} over ${f.over === 'acceptable-outcomes' ? 'acceptable outcomes' : 'all outcomes'}`;
}

function zoneSection(report: AnalysisReport, catalogue: IssueCatalogue): Section {
  const parts: string[] = [];
  const zone = report.zone;
  parts.push(
    `<p>Agreement zone (outcomes every signatory accepts): <strong>${zone.empty ? 'empty' : 'not empty'}</strong>${zone.size === undefined ? '' : `, ${zone.size.toLocaleString('en-US')} outcomes`}. <span class="note">${escapeHtml(zone.methodReason)}; ${escapeHtml(zone.sizeNote)}</span></p>`,
  );
  if (!zone.empty && zone.bestFor.length > 0) {
    parts.push(
      htmlTable(
        ['best for', 'utility', 'BATNA', 'outcome'],
        zone.bestFor.map((b) => [b.name, fmt(b.utility), fmt(b.batna), 'see below']),
      ),
    );
    parts.push(
      outcomeTable(
        catalogue,
        zone.bestFor.map((b) => ({ name: `best for ${b.name}`, assignment: b.outcome.assignment })),
        'Acceptable outcomes best for each signatory',
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
    parts.push(
      `<h3>Bargaining solutions under the relaxation (dropping ${escapeHtml(report.relaxation.labels.join(' and '))})</h3><p class="note">A hypothesis: these would be the solutions if that red line were dropped. As modelled, there is no bargaining solution.</p>`,
    );
    parts.push(bargainingTable(report.relaxation.bargaining, catalogue, 'under the relaxation'));
  }
  return { id: 'zone', title: 'Agreement zone and red-line conflicts', html: parts.join('\n') };
}

function bargainingTable(result: BargainingResult, catalogue: IssueCatalogue, qualifier = ''): string {
  if (result.empty)
    return '<p>No bargaining solution: no outcome gives every bargaining party at least its BATNA.</p>';
  const names = result.parties.map((p) => p.name);
  const outcomes = result.solutions.flatMap((s) => {
    const best = s.discrete?.outcomes[0];
    return best ? [{ name: s.concept, assignment: best.outcome.assignment }] : [];
  });
  return `<div class="scroll">${htmlTable(
    ['solution', ...names, 'ties', 'over lotteries'],
    result.solutions.map((s) => {
      const best = s.discrete?.outcomes[0];
      return [
        s.concept,
        ...names.map((_, k) => (best ? fmt(best.utilities[k]) : s.status)),
        String(s.discrete?.tieCount ?? s.discrete?.outcomes.length ?? 0),
        s.lottery ? s.lottery.expectedUtilities.map((u) => fmt(u)).join(' / ') : '',
      ];
    }),
  )}</div>${outcomeTable(catalogue, outcomes, `Solutions issue by issue${qualifier ? ` ${qualifier}` : ''}`)}<p class="note">Method: ${escapeHtml(result.method)} (${escapeHtml(result.methodReason)}). ${escapeHtml(
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
    return `<details class="fold"><summary>${escapeHtml(p.label)} <span class="note">(${escapeHtml(p.versions.join(' + '))})</span>: acceptable to every signatory? ${verdictHtml(p.evaluation.verdict)}</summary>
${lines.length > 0 ? htmlTable(['party', 'red line', 'status', 'points'], lines) : '<p class="note">No red line crossed or at stake.</p>'}
${p.conflicts.length > 0 ? `<p class="note">Documents conflict on: ${escapeHtml(p.conflicts.join(', '))} (kept open between the conflicting options).</p>` : ''}</details>`;
  });
  return {
    id: 'packages',
    title: 'Packages: utilities with uncertainty, red lines',
    html: `${report.packages.length > 0 ? chartFigure(packageHeatmapChart(report.packages)) : ''}<h3>Red lines crossed or at stake, per package</h3>${parts.join('\n')}`,
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

/** The self-contained HTML report of an analysis: the executive summary first, then the details. */
export function analysisReportHtml(data: ReportData): string {
  const report = data.analysis;
  const sections: Section[] = [];
  sections.push({ id: 'summary', title: 'At a glance', html: summarySection(data.summary) });
  sections.push(zoneSection(report, data.catalogue));
  sections.push(packagesSection(report));
  if (report.focus) {
    sections.push({
      id: 'focus',
      title: `Improving ${report.focus.target}`,
      html: focusHtml(report.focus, data.catalogue),
    });
  }
  if (data.typical || data.tornadoes.length > 0 || report.robustness) {
    sections.push({
      id: 'robustness',
      title: 'Robustness: worst and typical completions',
      html: robustnessHtml(report, data.typical, data.tornadoes.slice(0, 1)),
    });
  }
  const gains = data.diff ?? data.lastRevision;
  if (gains) {
    sections.push({
      id: 'who-gains',
      title: `Who gains: ${gains.before} → ${gains.after}`,
      html: `${
        data.diff
          ? ''
          : '<p class="note">The latest revision that moves some party’s utility: the newest tabled package against the one before it (add --diff to the report command to choose).</p>'
      }${whoGainsHtml(gains)}`,
    });
  }
  if (data.diff) {
    sections.push({
      id: 'diff',
      title: `What changed: ${data.diff.before} → ${data.diff.after}`,
      html: diffSection(data.diff.result),
    });
  }
  const scene = colourScene(reportEntities(report));
  sections.push(frontierSection(report, data.utilitySpace, scene));
  const frontiers = frontiersSection(report, scene);
  if (frontiers) sections.push(frontiers);
  sections.push({
    id: 'bargaining',
    title: 'Bargaining solutions',
    html: `${bargainingTable(report.bargaining, data.catalogue)}${
      report.bargaining.empty && report.relaxation
        ? '<p class="note">The solutions under the smallest relaxation, a hypothesis, are in the section on the agreement zone.</p>'
        : ''
    }`,
  });
  if (data.versions) {
    sections.push({
      id: 'versions',
      title: 'Documents, versions and convergence',
      html: versionsSection(data.versions),
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
  sections.push(aboutSection(report));
  const subtitle = [
    `Scenario ${report.scenario.id}${report.at ? `, BATNAs as of ${report.at}` : ''}.`,
    `Preferences, red lines and BATNAs are ${report.basis}.`,
  ];
  return htmlPage(report.scenario.title, subtitle, sections);
}

function aboutSection(report: AnalysisReport): Section {
  const space = `${report.space.issues} issues, ${escapeHtml(
    report.space.exact
      ? report.space.outcomes.toLocaleString('en-US')
      : report.space.outcomes.toExponential(2),
  )} complete outcomes; ${escapeHtml(frontierCount(report))}. Signatories: ${escapeHtml(
    report.parties
      .filter((p) => p.signatory)
      .map((p) => p.name)
      .join(', '),
  )}.`;
  return {
    id: 'about',
    title: 'About this analysis: sources, methods and timings',
    html: `${report.scenario.disclaimer ? `<p class="disclaimer">${escapeHtml(report.scenario.disclaimer)}</p>` : ''}<p>${space}</p>
<details class="fold"><summary>Timings of each step</summary>${htmlTable(
      ['step', 'milliseconds'],
      Object.entries(report.timings).map(([step, ms]) => [step, ms]),
    )}</details>`,
  };
}
