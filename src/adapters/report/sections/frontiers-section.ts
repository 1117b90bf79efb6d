import type { AnalysisReport } from '../../../app/analyze.js';
import type { FrontierReport } from '../../../app/frontier.js';
import type { PackageFrontier } from '../../../app/package-frontiers.js';
import { type FrontierSet, frontierSetsChart } from '../../../views/charts/frontier-sets-chart.js';
import type { ColourScene } from '../../../views/charts/palette.js';
import { chartFigure } from '../chart-figure.js';
import { escapeHtml, htmlTable, type Section } from '../html.js';

type Frontier = FrontierReport | { skipped: string };

const int = (n: number) => n.toLocaleString('en-US');
const points = (x: number) => String(Number(x.toPrecision(3)));

/** "1,544 Pareto-optimal outcomes (1,544 distinct vectors)", or the distinct vectors alone when not counted. */
function countText(f: FrontierReport): string {
  const vectors = `${int(f.distinctVectors)} distinct utility vector${f.distinctVectors === 1 ? '' : 's'}`;
  return f.outcomes === undefined ? vectors : `${int(f.outcomes)} Pareto-optimal outcomes (${vectors})`;
}

/** Exact, or the certified bound: every frontier vector within δ of a listed one. */
export function exactness(f: FrontierReport): string {
  if (f.exact) return 'exact';
  if (f.coverage !== undefined && f.coverage > 0)
    return `bounded: every frontier vector lies within ${points(f.coverage)} utility points of a listed one (certified)`;
  return 'bounded, with no coverage bound certified before the search stopped';
}

function statement(name: string, frontier: Frontier): string {
  if ('skipped' in frontier) return `${name}: not computed (${frontier.skipped}).`;
  const cut = frontier.truncated ? `; ${int(frontier.listed)} listed` : '';
  return `${name}: ${countText(frontier)}, by ${frontier.method}, ${exactness(frontier)}${cut}.`;
}

const vectors = (frontier: Frontier) =>
  'skipped' in frontier ? [] : frontier.points.map((p) => p.utilities);

function chartParties(report: AnalysisReport, ids: string[]) {
  return ids.map((id) => {
    const party = report.parties.find((p) => p.id === id);
    return { id, name: party?.name ?? id, batna: party?.batna ?? 0 };
  });
}

function relaxedPart(report: AnalysisReport, scene: ColourScene): string {
  const relaxed = report.relaxedFrontier;
  if (!relaxed) return '';
  const hypothesis = `dropping ${relaxed.labels.join(' and ')}`;
  const f = relaxed.frontier;
  const head = `<h3>Frontier of the agreement zone under the smallest relaxation</h3><p class="note">A hypothesis: the outcomes every signatory would accept after ${escapeHtml(hypothesis)}. As modelled, no outcome is acceptable to all.</p>`;
  if ('skipped' in f) return `${head}<p>Not computed: ${escapeHtml(f.skipped)}.</p>`;
  const short = !f.exact && (f.coverage === undefined || f.coverage > relaxed.coverageTarget);
  const stopped = short
    ? ` The search stopped before certifying the ${points(relaxed.coverageTarget)} points asked for (a time limit or cancellation): the bound stated is the last one proven, and every listed vector is proven non-dominated.`
    : '';
  const text = `<p>${escapeHtml(countText(f))} over the acceptable outcomes, ${escapeHtml(exactness(f))}.${escapeHtml(stopped)} <span class="note">Method: ${escapeHtml(f.method)} (${escapeHtml(f.reason)})${f.solves === undefined ? '' : `; ${int(f.solves)} solves`}.</span></p>`;
  if (f.points.length === 0) return `${head}${text}`;
  const spec = frontierSetsChart(scene, {
    id: 'relaxed-zone-frontier',
    title: 'Frontier of the zone under the smallest relaxation',
    parties: chartParties(report, f.parties),
    context: [`Hypothesis: ${hypothesis}.`],
    sets: [
      {
        id: 'relaxed-zone',
        kind: 'zone',
        name: 'relaxed zone',
        points: vectors(f),
        statement: statement('relaxed zone', f),
      },
    ],
  });
  return `${head}${text}<div class="charts">${chartFigure(spec)}</div>`;
}

function packageRow(all: PackageFrontier, relaxed: PackageFrontier | undefined): string[] {
  const cell = (frontier: Frontier) =>
    'skipped' in frontier
      ? 'not computed'
      : `${countText(frontier)}, ${frontier.exact ? 'exact' : 'bounded'}`;
  return [
    all.label,
    all.openIssues.join(', '),
    int(all.completions),
    cell(all.frontier),
    relaxed ? cell(relaxed.frontier) : '',
  ];
}

function packageChart(
  report: AnalysisReport,
  scene: ColourScene,
  frontiers: PackageFrontier[],
  relaxed: boolean,
): string {
  const computed = frontiers.filter((pf) => !('skipped' in pf.frontier));
  const first = computed[0]?.frontier;
  if (!first || 'skipped' in first) return '';
  const sets: FrontierSet[] = frontiers.map((pf) => ({
    id: pf.package,
    kind: 'package',
    name: pf.package,
    points: vectors(pf.frontier),
    statement: statement(pf.package, pf.frontier),
  }));
  if (sets.every((s) => s.points.length === 0) && relaxed) return '';
  const dropped = frontiers[0]?.dropped ?? [];
  const spec = frontierSetsChart(scene, {
    id: relaxed ? 'package-frontiers-relaxed' : 'package-frontiers',
    title: relaxed
      ? "Packages' open issues: frontiers under the relaxation"
      : "Packages' open issues: frontiers",
    parties: chartParties(report, first.parties),
    context: [
      relaxed
        ? `Over each package's completions acceptable to every signatory with ${dropped.join(', ')} dropped (a hypothesis).`
        : "Over all of each package's completions: where the parties can still go once its texts stand.",
    ],
    sets,
  });
  return chartFigure(spec);
}

function packagesPart(report: AnalysisReport, scene: ColourScene): string {
  const frontiers = report.packageFrontiers ?? [];
  if (frontiers.length === 0) return '';
  const overAll = frontiers.filter((pf) => pf.dropped.length === 0);
  const underRelaxation = frontiers.filter((pf) => pf.dropped.length > 0);
  const columns = ['package', 'open issues', 'completions', 'frontier over all completions'];
  if (underRelaxation.length > 0) columns.push('over the acceptable ones, under the relaxation');
  const rows = overAll.map((pf) =>
    packageRow(
      pf,
      underRelaxation.find((r) => r.package === pf.package),
    ).slice(0, columns.length),
  );
  const skipped = frontiers.flatMap((pf) =>
    'skipped' in pf.frontier ? [`${pf.package}: ${pf.frontier.skipped}`] : [],
  );
  return `<h3>Frontiers of what each package leaves open</h3>
<div class="scroll">${htmlTable(columns, rows)}</div>${
    skipped.length > 0
      ? `<p class="note">Not computed: ${escapeHtml([...new Set(skipped)].join('; '))}.</p>`
      : ''
  }<div class="charts">${packageChart(report, scene, overAll, false)}${packageChart(report, scene, underRelaxation, true)}</div>`;
}

/**
 * The frontiers of the real talks: of the agreement zone under the smallest relaxation (exact, or with its
 * certified coverage bound) and of what each package leaves open. Absent when the analysis has neither.
 */
export function frontiersSection(report: AnalysisReport, scene: ColourScene): Section | undefined {
  if (!report.relaxedFrontier && (report.packageFrontiers ?? []).length === 0) return undefined;
  return {
    id: 'frontiers',
    title: 'Frontiers under the relaxation and of the packages',
    html: `${relaxedPart(report, scene)}${packagesPart(report, scene)}`,
  };
}
