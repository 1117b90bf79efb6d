import { type EvaluationData, evaluate } from '../../../app/evaluate.js';
import type { Tristate } from '../../../core/evaluate/evaluate.js';
import { ResolveError } from '../../../core/model/resolve.js';
import type { Scenario } from '../../../schema/scenario.js';
import { loadOrExit, usageError } from '../load.js';
import { optionNames } from '../option-labels.js';
import { EXIT_NOT_ACCEPTABLE, EXIT_OK, type Io, json, num, range, styler, table } from '../output.js';
import { parseAssignments, validateDate } from '../parse-arguments.js';

export interface EvaluateOptions {
  package?: string;
  version?: string[];
  outcome?: string;
  at?: string;
  json?: boolean;
}

function verdictWord(t: Tristate, s: ReturnType<typeof styler>): string {
  return t === 'yes' ? s.green('yes') : t === 'no' ? s.red('no') : s.yellow('depends');
}

/** `parley evaluate <file> --package id | --version doc:ver | --outcome issue=option,…` */
export async function evaluateCommand(file: string, options: EvaluateOptions, io: Io): Promise<number> {
  if (options.at !== undefined) validateDate(options.at, io);
  const scenario: Scenario = loadOrExit(file, io, options.json === true);
  if (options.package && options.version && options.version.length > 0) {
    usageError(io, 'give either --package or --version, not both');
  }
  const outcome = options.outcome === undefined ? undefined : parseAssignments(options.outcome, io);
  let data: EvaluationData;
  try {
    data = await evaluate({
      scenario,
      at: options.at,
      package: options.package,
      versions: options.version?.flatMap((v) => v.split(',')),
      outcome: outcome && options.outcome ? { assignments: outcome, text: options.outcome } : undefined,
    });
  } catch (error) {
    if (error instanceof ResolveError) usageError(io, error.message);
    throw error;
  }
  const evaluation = data;
  const code = evaluation.verdict === 'yes' ? EXIT_OK : EXIT_NOT_ACCEPTABLE;
  if (options.json) {
    io.out(json(data));
    return code;
  }
  const s = styler(io);
  io.out(`${s.bold('Evaluating')} ${data.target}${data.at ? ` at ${data.at}` : ''}\n`);
  io.out(`${s.dim("Utilities are on 0..100 and rest on analysts' estimates, not facts.")}\n`);
  io.out(`Settled: ${data.settled.length} of ${data.settled.length + data.open.length} issues.`);
  io.out(data.open.length > 0 ? ` Open: ${data.open.join(', ')}.\n` : '\n');
  const labels = optionNames(scenario, s.dim);
  for (const c of data.conflicts) {
    io.out(
      `${s.yellow('Conflict')}: '${c.issue}' is settled differently by ${c.settlements.map((x) => `${x.by} (${labels.option(c.issue, x.option)})`).join(' and ')}; both stay open.\n`,
    );
  }
  for (const note of data.notes) io.out(`${s.dim(`Note: ${note}`)}\n`);
  io.out('\n');
  io.out(
    table(
      ['party', 'role', 'utility', 'with uncertainty', 'BATNA', 'red lines', 'accepts'],
      data.parties.map((p) => {
        const crossed = p.redLines.filter((r) => r.status === 'crossed').length;
        const depends = p.redLines.filter((r) => r.status === 'depends').length;
        const lines =
          p.redLines.length === 0
            ? '-'
            : `${crossed} crossed${depends > 0 ? `, ${depends} open` : ''} of ${p.redLines.length}`;
        const batna =
          p.batna.low === p.batna.high
            ? num(p.batna.estimate)
            : `${num(p.batna.estimate)} (${range(p.batna.low, p.batna.high)})`;
        return [
          p.name,
          p.role,
          `${range(p.utility.min, p.utility.max)}${p.utility.exact ? '' : ' (bound)'}`,
          range(p.band.min, p.band.max),
          batna,
          lines,
          p.role === 'signatory' ? verdictWord(p.acceptable, s) : s.dim(p.acceptable),
        ];
      }),
      io,
    ),
  );
  const crossings = data.parties.flatMap((p) =>
    p.redLines.filter((r) => r.status !== 'respected').map((r) => ({ party: p.name, ...r })),
  );
  if (crossings.length > 0) {
    io.out(`\n${s.bold('Red lines')}\n`);
    for (const r of crossings) {
      const status = r.status === 'crossed' ? s.red('crossed') : s.yellow('may be crossed');
      const by =
        r.points.length > 0
          ? ` by ${r.points.join(', ')}`
          : r.status === 'depends'
            ? ' (issues left open)'
            : '';
      io.out(`  ${r.party} / ${r.id}: ${status}${by}\n    ${s.dim(r.description)}\n`);
    }
  }
  io.out(`\n${s.bold('Verdict')}: acceptable to every signatory? ${verdictWord(evaluation.verdict, s)}`);
  io.out(`  (allowing for the estimates' ranges: ${verdictWord(evaluation.verdictUnderUncertainty, s)})\n`);
  for (const reason of evaluation.reasons) io.out(`  - ${reason}\n`);
  return code;
}
