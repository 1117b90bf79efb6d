import { type AnalysisReport, analyze } from '../../../app/analyze.js';
import type { BargainingResult } from '../../../core/analysis/bargaining/bargaining-types.js';
import type { NegmasPoint, NegmasPointsResult } from '../../../core/analysis/bargaining/negmas-points.js';
import type { AgreementZone } from '../../../core/analysis/zone/agreement-zone.js';
import { AnalysisError, type OutcomeView } from '../../../core/analysis/zone/analysis-options.js';
import type { Tristate } from '../../../core/evaluate/evaluate.js';
import { outcomeCountText } from '../../../core/model/outcome-count.js';
import { checkOutputFile, openAtomicStream } from '../../node/atomic-files.js';
import { nodeComputePorts } from '../../node/node-ports.js';
import { progressDisplay, stderrStream } from '../../text/progress.js';
import { FLAG_BOUNDS } from '../flag-bounds.js';
import { loadOrExit, usageError } from '../load.js';
import { integerFlag, threadsFlag, timeLimitFlag } from '../numeric-flags.js';
import { OPTION_IDS, type OptionNames, optionNames, outcomeLines } from '../option-labels.js';
import { EXIT_OK, type Io, json, num, range, styler, table } from '../output.js';
import { validateDate } from '../parse-arguments.js';

export interface AnalyzeOptions {
  package?: string;
  version?: string[];
  parties?: string;
  at?: string;
  samples?: string;
  seed?: string;
  threads?: string;
  method?: 'auto' | 'enumerate' | 'decompose' | 'milp';
  maxFrontier?: string;
  countTies?: string;
  frontierOver?: 'all' | 'acceptable';
  frontierOut?: string;
  /** Replace an existing --frontier-out file. */
  force?: boolean;
  /** Print how long each step took (left out by default, so the same input gives the same bytes). */
  timings?: boolean;
  conventions?: 'parley' | 'negmas';
  timeLimit?: string;
  progress?: boolean;
  json?: boolean;
}

export interface ParsedAnalyzeOptions {
  package?: string;
  versions?: string[];
  parties?: string[];
  at?: string;
  samples: number;
  seed: number | string;
  threads?: number;
  /** For the zone and bargaining ('decompose' applies to the frontier only and means 'auto' there). */
  method: 'auto' | 'enumerate' | 'milp';
  frontierMethod: 'auto' | 'enumerate' | 'decompose' | 'milp';
  maxFrontierPoints: number;
  countTies?: number;
  frontierOver: 'all-outcomes' | 'acceptable-outcomes';
  conventions: 'parley' | 'negmas';
  /** Budget of the whole analysis in seconds (undefined: none). */
  timeLimitSeconds?: number;
}

/** One frontier in two lines: how many points over which outcomes, then the method and any cut. */
function printFrontierLine(
  frontier: AnalysisReport['frontier'],
  scopeOf: (f: Exclude<AnalysisReport['frontier'], { skipped: string }>) => string,
  io: Io,
): void {
  const s = styler(io);
  if ('skipped' in frontier) {
    io.out(`not computed: ${frontier.skipped}\n`);
    return;
  }
  const f = frontier;
  const count =
    f.outcomes === undefined
      ? `${f.distinctVectors.toLocaleString('en-US')} distinct utility vectors`
      : `${f.outcomes.toLocaleString('en-US')} Pareto-optimal outcomes (${f.distinctVectors.toLocaleString('en-US')} distinct utility vectors)`;
  io.out(
    `${count} over ${scopeOf(f)}, for ${f.parties.join(', ')}; ${f.exact ? 'exact' : `bounded (${f.note})`}\n`,
  );
  io.out(`${s.dim(`method: ${f.method} (${f.reason})${f.truncated ? `; ${f.note}` : ''}`)}\n`);
}

/** Checks the options shared by `analyze` and `report` against the scenario, stopping with exit 2 on a problem. */
export function parseAnalyzeOptions(
  options: AnalyzeOptions,
  scenario: { parties: Array<{ id: string }>; packages: Array<{ id: string }> },
  io: Io,
): ParsedAnalyzeOptions {
  if (options.at !== undefined) validateDate(options.at, io);
  const parties = options.parties
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const [k, party] of (parties ?? []).entries()) {
    if (!scenario.parties.some((p) => p.id === party)) {
      usageError(io, `unknown party '${party}'`, `parties: ${scenario.parties.map((p) => p.id).join(', ')}`);
    }
    if (parties?.indexOf(party) !== k) usageError(io, `party '${party}' appears twice in --parties`);
  }
  if (options.package && !scenario.packages.some((p) => p.id === options.package)) {
    usageError(
      io,
      `unknown package '${options.package}'`,
      `packages: ${scenario.packages.map((p) => p.id).join(', ') || 'none'}`,
    );
  }
  const bounds = FLAG_BOUNDS.analyze;
  const samples =
    options.samples === undefined ? 0 : integerFlag(options.samples, '--samples', bounds['--samples'], io);
  const seedText = options.seed ?? '1';
  const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
  return {
    package: options.package,
    versions: options.version?.flatMap((v) => v.split(',')),
    parties,
    at: options.at,
    samples,
    seed,
    threads: threadsFlag(options.threads, io),
    method: options.method === 'decompose' ? 'auto' : (options.method ?? 'auto'),
    frontierMethod: options.method ?? 'auto',
    maxFrontierPoints:
      options.maxFrontier === undefined || options.maxFrontier === 'all'
        ? options.maxFrontier === 'all'
          ? Number.POSITIVE_INFINITY
          : 2000
        : integerFlag(options.maxFrontier, '--max-frontier', bounds['--max-frontier'], io),
    countTies:
      options.countTies === undefined
        ? undefined
        : integerFlag(options.countTies, '--count-ties', bounds['--count-ties'], io),
    frontierOver: options.frontierOver === 'acceptable' ? 'acceptable-outcomes' : 'all-outcomes',
    conventions: options.conventions ?? 'parley',
    timeLimitSeconds: timeLimitFlag(options.timeLimit, io, DEFAULT_TIME_LIMIT_SECONDS),
  };
}

/** Budget of `analyze` and `report` without --time-limit: long enough for every bundled scenario. */
export const DEFAULT_TIME_LIMIT_SECONDS = 300;

/**
 * The warning a partial answer prints on stderr (the exit code stays 0: a partial answer is an answer, and
 * `completeness.partial` says so in JSON).
 */
export function warnIfPartial(completeness: AnalysisReport['completeness'], io: Io): void {
  if (!completeness.partial) return;
  const limit = completeness.timeLimitSeconds === null ? '' : ` of ${completeness.timeLimitSeconds} s`;
  io.err(
    `parley: warning: partial answer${completeness.limitReached ? `: the time limit${limit} was reached` : ''}; not proven:
${completeness.unproven
  .map(
    (u) => `  - ${u}
`,
  )
  .join('')}  raise --time-limit (or give --time-limit none) for a full answer
`,
  );
}

const word = (t: Tristate, s: ReturnType<typeof styler>) =>
  t === 'yes' ? s.green('yes') : t === 'no' ? s.red('no') : s.yellow('depends');

/** An outcome as one "Issue: option label (id)" line per issue. */
function outcomeText(outcome: OutcomeView, names: OptionNames, indent = ''): string {
  return outcomeLines(names, outcome.assignment)
    .map((line) => `${indent}${line}`)
    .join('\n');
}

function zoneText(zone: AgreementZone): string {
  const size = zone.size === undefined ? '' : ` (${zone.size.toLocaleString('en-US')} outcomes)`;
  return zone.empty ? 'empty' : `not empty${size}`;
}

const NEGMAS_NAMES: Record<NegmasPoint['concept'], string> = {
  nash: 'nash',
  'kalai-smorodinsky': 'kalai',
  'modified-kalai-smorodinsky': 'modified kalai',
  utilitarian: 'max welfare',
};

function printNegmasPoints(result: NegmasPointsResult | { skipped: string }, io: Io): void {
  const s = styler(io);
  io.out(`\n${s.bold('Bargaining points, NegMAS conventions')} (--conventions negmas)\n`);
  if ('skipped' in result) {
    io.out(`not computed: ${result.skipped}\n`);
    return;
  }
  io.out(
    table(
      ['party', 'reservation', 'minimum', 'disagreement', 'ideal'],
      result.parties.map((p) => [
        p.name,
        num(p.reservation),
        num(p.minimum),
        num(p.disagreement),
        num(p.ideal),
      ]),
      io,
    ),
  );
  io.out(
    table(
      ['point', `utilities (${result.parties.map((p) => p.name).join(' / ')})`, 'ties', 'definition'],
      result.points.map((p) => [
        NEGMAS_NAMES[p.concept],
        p.status === 'solved' ? p.outcomes[0].utilities.map((u) => num(u)).join(' / ') : 'none',
        p.outcomes.length > 1 ? String(p.outcomes.length) : '',
        p.definition,
      ]),
      io,
    ),
  );
  io.out(
    `${s.dim(`over the Pareto frontier (${result.frontierSize.toLocaleString('en-US')} outcomes) of ${result.candidates.toLocaleString('en-US')} outcomes; method: ${result.method}`)}\n`,
  );
  for (const note of result.notes) io.out(`${s.dim(note)}\n`);
}

function printBargaining(result: BargainingResult, io: Io, labels: OptionNames, indent = ''): void {
  const s = styler(io);
  if (result.empty) {
    io.out(`${indent}No bargaining solution: no outcome gives every bargaining party at least its BATNA.\n`);
    return;
  }
  if (result.solutions.length === 0) {
    io.out(`${indent}${result.methodReason}\n`);
    return;
  }
  const names = result.parties.map((p) => p.name);
  const rows = result.solutions.map((solution) => {
    const best = solution.discrete?.outcomes[0];
    const ties = solution.discrete?.tieCount ?? solution.discrete?.outcomes.length ?? 0;
    const lottery = solution.lottery
      ? `lottery of ${solution.lottery.mixture.length}: ${solution.lottery.expectedUtilities.map((u) => num(u)).join(' / ')}`
      : '';
    return [
      solution.concept,
      solution.status === 'solved' && best ? best.utilities.map((u) => num(u)).join(' / ') : solution.status,
      ties > 1 ? String(ties) : '',
      solution.tolerance
        ? `≤${solution.tolerance.toExponential(1)}`
        : solution.discrete?.proven
          ? 'exact'
          : '',
      lottery,
    ];
  });
  io.out(
    table(['solution', `utilities (${names.join(' / ')})`, 'ties', 'optimality', 'over lotteries'], rows, io),
  );
  const first = result.solutions.find((x) => x.discrete && x.discrete.outcomes.length > 0);
  if (first?.discrete) {
    io.out(`${indent}${s.dim(`${first.concept} outcome:`)}\n`);
    io.out(`${outcomeText(first.discrete.outcomes[0].outcome, labels, `${indent}  `)}\n`);
  }
  io.out(`${indent}${s.dim(`method: ${result.method} (${result.methodReason})`)}\n`);
}

export function printAnalysis(report: AnalysisReport, io: Io, names: OptionNames = OPTION_IDS): void {
  const s = styler(io);
  io.out(`${s.bold(report.scenario.title)}${report.at ? ` at ${report.at}` : ''}\n`);
  io.out(`${s.dim(`Preferences, red lines and BATNAs are ${report.basis}.`)}\n`);
  const size = outcomeCountText({ decimal: report.space.count, log10: report.space.log10 });
  io.out(`${report.space.issues} issues, ${size} complete outcomes.\n\n`);

  io.out(`${s.bold('Agreement zone')} (outcomes every signatory accepts): ${zoneText(report.zone)}\n`);
  io.out(
    `${s.dim(`method: ${report.zone.method} (${report.zone.methodReason}); ${report.zone.sizeNote}`)}\n`,
  );
  if (!report.zone.empty && report.zone.bestFor.length > 0) {
    io.out(
      table(
        ['best for', 'utility', 'BATNA', 'outcome'],
        report.zone.bestFor.map((b) => [b.name, num(b.utility), num(b.batna), outcomeText(b.outcome, names)]),
        io,
      ),
    );
  }
  if (report.explanation) {
    io.out(
      `\n${s.bold('Why no deal exists')}: every minimal set of constraints that no outcome satisfies together\n`,
    );
    report.explanation.subsets.forEach((subset, k) => {
      io.out(
        `  ${k + 1}. ${subset.text}\n     ${s.dim(`issues: ${subset.issues.map((i) => i.id).join(', ')}`)}\n`,
      );
    });
    io.out(`  ${s.dim(report.explanation.note)}\n`);
  }
  if (report.relaxation) {
    const r = report.relaxation;
    io.out(
      `\n${s.bold('Smallest relaxation')}: dropping ${r.labels.join(' and ')} would open the zone (${zoneText(r.zone)}).\n`,
    );
    if (r.alternatives.length > 1) {
      io.out(`  ${s.dim(`equally small: ${r.alternatives.map((a) => a.join(' + ')).join('; ')}`)}\n`);
    }
    io.out(`  Bargaining solutions under that hypothesis:\n`);
    printBargaining(r.bargaining, io, names, '  ');
  }

  io.out(`\n${s.bold('Pareto frontier')}: `);
  printFrontierLine(
    report.frontier,
    (f) => (f.over === 'acceptable-outcomes' ? 'the acceptable outcomes' : 'all outcomes'),
    io,
  );

  io.out(`\n${s.bold('Bargaining solutions')} (gains over the BATNAs, within the agreement zone)\n`);
  printBargaining(report.bargaining, io, names);
  if (report.negmas) printNegmasPoints(report.negmas, io);

  if (report.packages.length > 0) {
    io.out(`\n${s.bold('Packages')}\n`);
    const parties = report.parties;
    io.out(
      table(
        ['package', ...parties.map((p) => p.name), 'all signatories'],
        report.packages.map((p) => [
          p.id,
          ...p.evaluation.parties.map(
            (e) =>
              `${range(e.utility.min, e.utility.max)} ${e.role === 'signatory' ? word(e.acceptable, s) : ''}`,
          ),
          word(p.evaluation.verdict, s),
        ]),
        io,
      ),
    );
  }

  if (report.focus) {
    const { improvement, whatWouldItTake, target } = report.focus;
    io.out(`\n${s.bold(`What it would take: ${target}`)}\n`);
    if (!whatWouldItTake.possible) {
      io.out('  Nothing: no outcome is acceptable to every signatory (see "Why no deal exists").\n');
    } else if (whatWouldItTake.fewestChanges) {
      const answer = whatWouldItTake.fewestChanges;
      const first = answer.alternatives[0];
      if (answer.value === 0 && (first?.changes.length ?? 0) === 0) {
        io.out(
          '  Nothing to change in what it settles: it can be made acceptable to every signatory as it stands.\n',
        );
      } else {
        io.out(
          `  Fewest changes to settled issues: ${answer.value}${answer.count && answer.count > 1 ? ` (${answer.count} equally small ways)` : ''}\n`,
        );
      }
      for (const change of first?.changes ?? []) {
        const effects = change.perParty
          .map((p) => `${p.party} ${p.change >= 0 ? '+' : ''}${num(p.change)}`)
          .join(', ');
        io.out(`  - ${change.issue}: ${change.from} → ${change.to}  ${s.dim(effects)}\n`);
      }
      if (first && first.openChoices.length > 0) {
        io.out(
          `  ${s.dim(`with the open issues settled as ${first.openChoices.map((c) => `${names.issueTitle(c.issue)}: ${names.option(c.issue, c.option)}`).join('; ')}`)}\n`,
        );
      }
    }
    io.out(
      `  Pareto improvement: ${improvement.paretoOptimal ? 'none (the package is Pareto-optimal for what it guarantees)' : `${improvement.best.length > 0 ? 'possible' : 'none'}`}\n`,
    );
    const better = improvement.best[0];
    if (!improvement.paretoOptimal && better) {
      io.out(`  ${s.dim(improvement.note)}\n`);
      io.out(`  ${s.dim('for example:')}\n${outcomeText(better.outcome, names, '    ')}\n`);
    }
  }

  for (const pf of report.packageFrontiers ?? []) {
    const completions = `${pf.completions.toLocaleString('en-US')} completions`;
    const open = `open: ${pf.openIssues.join(', ') || 'none'}`;
    const relaxed = pf.dropped.length > 0;
    io.out(
      `\n${s.bold(`Frontier of what '${pf.package}' leaves open${relaxed ? ', under the relaxation' : ''}`)}: `,
    );
    if (relaxed && !('skipped' in pf.frontier) && pf.frontier.distinctVectors === 0) {
      io.out(
        `none: not one of its ${completions} is acceptable to every signatory even with ${pf.dropped.join(', ')} dropped (${open})\n`,
      );
      continue;
    }
    printFrontierLine(
      pf.frontier,
      () =>
        relaxed
          ? `those of its ${completions} acceptable to every signatory with ${pf.dropped.join(', ')} dropped (${open})`
          : `its ${completions} (${open})`,
      io,
    );
  }

  if (report.robustness) {
    io.out(`\n${s.bold('Robustness')} under the estimates' ranges\n`);
    if ('skipped' in report.robustness) io.out(`  ${report.robustness.skipped}\n`);
    else {
      const r = report.robustness;
      io.out(
        table(
          [
            'rank',
            'package',
            'P(all signatories accept)',
            '95% CI',
            ...r.parties.filter((p) => p.signatory).map((p) => `P(${p.name})`),
          ],
          r.packages.map((p) => [
            String(p.rank),
            p.id,
            num(p.allAccept.guaranteed.p, 3),
            `${num(p.allAccept.guaranteed.ci95[0], 3)}..${num(p.allAccept.guaranteed.ci95[1], 3)}`,
            ...p.parties.filter((q) => q.signatory).map((q) => num(q.accept.guaranteed.p, 3)),
          ]),
          io,
        ),
      );
      for (const solution of r.solutions) {
        io.out(
          `  ${solution.name}: same outcome as at the estimates in ${num(solution.stability.p * 100)}% of draws (95% CI ${num(solution.stability.ci95[0] * 100)}..${num(solution.stability.ci95[1] * 100)}%), ${solution.distinctOutcomes} distinct outcomes\n`,
        );
      }
      io.out(
        `  ${s.dim(`${r.samples.toLocaleString('en-US')} draws, ${r.distribution} distribution, seed ${r.seed}`)}\n`,
      );
    }
  }

  io.out(`\n${s.bold('Widest gaps between the signatories')} (utility points given up, summed over pairs)\n`);
  io.out(
    table(
      ['issue', 'gap', 'least costly settlement'],
      report.gaps
        .slice(0, 8)
        .map((g) => [
          g.title,
          num(g.total),
          `${g.leastCostly.options.map((o) => names.option(g.issue, o)).join(', ')} (${num(g.leastCostly.loss)})`,
        ]),
      io,
    ),
  );
}

function printTimings(timings: Record<string, number>, io: Io): void {
  io.out(`\n${styler(io).bold('Timings')} (milliseconds; they vary from run to run)\n`);
  io.out(
    table(
      ['step', 'ms'],
      Object.entries(timings).map(([step, ms]) => [step, String(ms)]),
      io,
    ),
  );
}

/** `parley analyze <file>`: the agreement zone, why it is empty, frontier, bargaining solutions, packages, robustness. */
export async function analyzeCommand(file: string, options: AnalyzeOptions, io: Io): Promise<number> {
  const scenario = loadOrExit(file, io, options.json === true);
  const parsed = parseAnalyzeOptions(options, scenario, io);
  const stream = options.frontierOut
    ? openFrontierStream(options.frontierOut, options.force === true)
    : undefined;
  const progress = progressDisplay(stderrStream(io.err), options.progress);
  let report: AnalysisReport;
  try {
    report = await analyze(
      { scenario, ...parsed, onFrontierPoint: stream?.write },
      nodeComputePorts({ threads: parsed.threads, progress }),
    );
  } catch (error) {
    stream?.abort();
    // A method that cannot run on this scenario (e.g. enumerating 10^21 outcomes) is a choice the user can change.
    if (error instanceof AnalysisError) usageError(io, error.message);
    throw error;
  } finally {
    progress.stop();
  }
  stream?.finish(report.frontier);
  const { timings, ...timeless } = report;
  if (options.json) io.out(json(options.timings ? report : timeless));
  else {
    printAnalysis(report, io, optionNames(scenario, styler(io).dim));
    if (options.timings) printTimings(timings, io);
  }
  warnIfPartial(report.completeness, io);
  return EXIT_OK;
}

/**
 * A JSON-lines file receiving every frontier point as it is known: one object per line
 * ({"outcome": [...], "index": n, "utilities": [...]}), then a last line {"summary": {...}} with the method,
 * what the frontier is over, whether it is exact and the point count. The file appears, atomically, when the
 * analysis ends; an interrupted run leaves any earlier file as it was.
 */
function openFrontierStream(path: string, force: boolean) {
  checkOutputFile(path, { force });
  const file = openAtomicStream(path, { force });
  let count = 0;
  return {
    write: (point: { outcome: number[]; index?: number; utilities: number[] }) => {
      file.write(`${JSON.stringify(point)}\n`);
      count++;
    },
    abort: () => file.abort(),
    finish: (frontier: AnalysisReport['frontier']) => {
      const body =
        'skipped' in frontier
          ? { skipped: frontier.skipped, points: count }
          : {
              method: frontier.method,
              over: frontier.over,
              parties: frontier.parties,
              exact: frontier.exact,
              coverage: frontier.coverage,
              points: count,
              note: frontier.note,
            };
      file.write(`${JSON.stringify({ summary: body })}\n`);
      file.commit();
    },
  };
}
