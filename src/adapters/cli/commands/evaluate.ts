import { type Evaluation, evaluateSubspace, type Tristate } from '../../../core/evaluate/evaluate.js';
import { type CompiledScenario, compileScenario } from '../../../core/model/compile.js';
import {
  parseVersionRef,
  type Resolution,
  ResolveError,
  resolvePackage,
  resolveVersions,
  subspaceFromAssignments,
} from '../../../core/model/resolve.js';
import { fullSubspace, type Subspace } from '../../../core/model/subspace.js';
import type { Scenario } from '../../../schema/scenario.js';
import { loadOrExit, usageError } from '../load.js';
import { EXIT_NOT_ACCEPTABLE, EXIT_OK, type Io, json, num, range, styler, table } from '../output.js';
import { parseAssignments, validateDate } from '../parse-arguments.js';

export interface EvaluateOptions {
  package?: string;
  version?: string[];
  outcome?: string;
  at?: string;
  json?: boolean;
}

export interface Target {
  description: string;
  subspace: Subspace;
  resolution?: Resolution;
  notes: string[];
}

/** Turns --package / --version / --outcome into the sub-space to evaluate; --outcome may refine the others. */
export function resolveTarget(compiled: CompiledScenario, options: EvaluateOptions, io: Io): Target {
  const { scenario, space } = compiled;
  const notes: string[] = [];
  if (options.package && options.version && options.version.length > 0) {
    usageError(io, 'give either --package or --version, not both');
  }
  let resolution: Resolution | undefined;
  let description = 'the whole outcome space';
  try {
    if (options.package) {
      resolution = resolvePackage(scenario, space, options.package);
      const pack = scenario.packages.find((p) => p.id === options.package);
      description = `package '${options.package}' (${pack?.versions.join(' + ')})`;
    } else if (options.version && options.version.length > 0) {
      const refs = options.version.flatMap((v) => v.split(',')).map(parseVersionRef);
      resolution = resolveVersions(scenario, space, refs);
      description = refs.map((r) => `${r.document}:${r.version}`).join(' + ');
    }
    let subspace = resolution ? resolution.subspace : fullSubspace(space);
    if (options.outcome !== undefined) {
      const assignments = parseAssignments(options.outcome, io);
      const pinned = subspaceFromAssignments(space, assignments);
      if (resolution) {
        // Points no longer decide the issues --outcome pins.
        const base = resolution;
        resolution = {
          ...base,
          settledBy: base.settledBy.map((s, i) => (space.issues[i].id in assignments ? [] : s)),
          conflicts: base.conflicts.filter((c) => !(c.issue in assignments)),
        };
      }
      subspace = {
        allowed: subspace.allowed.map((a, i) => {
          if (!(space.issues[i].id in assignments)) return a;
          if (a.length === 1 && a[0] !== pinned.allowed[i][0]) {
            notes.push(`--outcome overrides what the text settles for '${space.issues[i].id}'`);
          }
          return pinned.allowed[i];
        }),
      };
      description = resolution ? `${description}, with ${options.outcome}` : `the outcome ${options.outcome}`;
    }
    return { description, subspace, resolution, notes };
  } catch (error) {
    if (error instanceof ResolveError) usageError(io, error.message);
    throw error;
  }
}

function pointRef(p: { document: string; version: string; point: number }): string {
  return `${p.document}:${p.version}#${p.point}`;
}

/** The --json shape of `parley evaluate` (documented in docs/cli-json.md). */
export function evaluationData(compiled: CompiledScenario, target: Target, evaluation: Evaluation) {
  const { space } = compiled;
  const settled = space.issues.flatMap((issue, i) => {
    const allowed = target.subspace.allowed[i];
    if (allowed.length !== 1) return [];
    const by = target.resolution?.settledBy[i].map(pointRef) ?? [];
    return [{ issue: issue.id, option: issue.optionIds[allowed[0]], label: issue.labels[allowed[0]], by }];
  });
  return {
    target: target.description,
    at: evaluation.at ?? null,
    basis: "analysts' estimates, not facts",
    settled,
    open: space.issues.filter((_, i) => target.subspace.allowed[i].length > 1).map((i) => i.id),
    conflicts: (target.resolution?.conflicts ?? []).map((c) => ({
      issue: c.issue,
      settlements: c.settlements.map((s) => ({
        option: space.issues[s.issue].optionIds[s.option],
        by: pointRef(s),
      })),
    })),
    notes: target.notes,
    parties: evaluation.parties.map((p) => ({
      party: p.party,
      name: p.name,
      role: p.role,
      utility: p.utility,
      band: p.band,
      batna: { ...p.batna, at: p.batnaDate ?? null },
      redLines: p.redLines.map((r) => ({
        id: r.id,
        description: r.description,
        status: r.status,
        points: [...new Set(r.points.map(pointRef))],
        source: r.source,
      })),
      acceptable: p.acceptable,
      acceptableUnderUncertainty: p.acceptableUnderUncertainty,
      reasons: p.reasons,
    })),
    verdict: evaluation.verdict,
    verdictUnderUncertainty: evaluation.verdictUnderUncertainty,
    reasons: evaluation.reasons,
  };
}

function verdictWord(t: Tristate, s: ReturnType<typeof styler>): string {
  return t === 'yes' ? s.green('yes') : t === 'no' ? s.red('no') : s.yellow('depends');
}

/** `parley evaluate <file> --package id | --version doc:ver | --outcome issue=option,…` */
export function evaluateCommand(file: string, options: EvaluateOptions, io: Io): number {
  if (options.at !== undefined) validateDate(options.at, io);
  const scenario: Scenario = loadOrExit(file, io, options.json === true);
  const compiled = compileScenario(scenario, { at: options.at });
  const target = resolveTarget(compiled, options, io);
  const evaluation = evaluateSubspace(compiled, target.subspace, target.resolution);
  const data = evaluationData(compiled, target, evaluation);
  const code = evaluation.verdict === 'yes' ? EXIT_OK : EXIT_NOT_ACCEPTABLE;
  if (options.json) {
    io.out(json(data));
    return code;
  }
  const s = styler(io);
  io.out(`${s.bold('Evaluating')} ${data.target}${data.at ? ` at ${data.at}` : ''}\n`);
  io.out(`${s.dim("Utilities are on 0..100 and rest on analysts' estimates, not facts.")}\n`);
  io.out(`Settled: ${data.settled.length} of ${compiled.space.issues.length} issues.`);
  io.out(data.open.length > 0 ? ` Open: ${data.open.join(', ')}.\n` : '\n');
  for (const c of data.conflicts) {
    io.out(
      `${s.yellow('Conflict')}: '${c.issue}' is settled differently by ${c.settlements.map((x) => `${x.by} (${x.option})`).join(' and ')}; both stay open.\n`,
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
