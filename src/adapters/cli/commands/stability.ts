import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { analyzeStability, type StabilityResult } from '../../../app/stability.js';
import { closestId } from '../../../core/model/closest-id.js';
import type { Conflict } from '../../../core/stability/conflict.js';
import { readConflictSection } from '../../../core/stability/conflict-from-scenario.js';
import type { CoalitionSanctionRule } from '../../../core/stability/graph-model.js';
import { type RankingWindow, TooManyCombinationsError } from '../../../core/stability/inverse-gmcr.js';
import type { SequenceRule } from '../../../core/stability/move-sequences.js';
import { buildStateSpace } from '../../../core/stability/state-space.js';
import { looksLikeGmcr, readGmcrText } from '../../interop/read-gmcr.js';
import { formatDiagnostics } from '../../load/format-diagnostics.js';
import { CONCEPT_LABELS, describePath, narrations } from '../../text/stability-narration.js';
import { FLAG_BOUNDS } from '../flag-bounds.js';
import { loadOrExit, usageError } from '../load.js';
import { integerFlag } from '../numeric-flags.js';
import { CliExit, EXIT_INPUT, EXIT_OK, type Io, json, styler, table } from '../output.js';

export interface StabilityCommandOptions {
  sanctionRule?: SequenceRule;
  coalitionSanction?: CoalitionSanctionRule;
  coalitions?: string;
  improvements?: boolean;
  statusQuo?: string;
  explain?: string;
  inverse?: string;
  window?: string[];
  maxCombinations?: string;
  json?: boolean;
}

/** Decision-maker and option ids (scenario) or names (.gmcr) that flags may use. */
interface Loaded {
  conflict: Conflict;
  dmIds: string[];
  optionIds: string[];
}

function readInput(file: string, io: Io, asJson: boolean): Loaded {
  let gmcrText: string | undefined;
  if (extname(file).toLowerCase() === '.gmcr') gmcrText = readFileSync(file, 'utf8');
  else if (extname(file).toLowerCase() === '.json') {
    const text = readFileSync(file, 'utf8');
    try {
      if (looksLikeGmcr(JSON.parse(text))) gmcrText = text;
    } catch {
      // Not JSON: the scenario loader reports it with its position.
    }
  }
  if (gmcrText !== undefined) {
    const read = readGmcrText(gmcrText, file);
    if (!read.ok) {
      if (asJson) io.out(json({ ok: false, file, diagnostics: read.diagnostics }));
      else io.err(formatDiagnostics(read.diagnostics, { color: io.color }));
      throw new CliExit(EXIT_INPUT);
    }
    return {
      conflict: read.conflict,
      dmIds: read.conflict.decisionMakers.map((d) => d.name),
      optionIds: read.conflict.options.map((o) => o.name),
    };
  }
  const scenario = loadOrExit(file, io, asJson);
  if (!scenario.conflict) {
    usageError(
      io,
      `${file} has no conflict section`,
      'add a conflict: block (see docs/guide/stability.md) or pass a .gmcr file',
    );
  }
  const reading = readConflictSection(scenario.conflict, {
    partyIds: scenario.parties.map((p) => p.id),
    sourceIds: scenario.sources.map((s) => s.id),
  });
  return { conflict: reading.conflict!, dmIds: reading.decisionMakerIds, optionIds: reading.optionIds };
}

function lookup(name: string, ids: readonly string[], what: string, flag: string, io: Io): number {
  const k = ids.findIndex((id) => id.toLowerCase() === name.toLowerCase());
  if (k >= 0) return k;
  const near = closestId(name, ids);
  return usageError(
    io,
    `unknown ${what} '${name}' in ${flag}${near ? ` (did you mean '${near}'?)` : ''}`,
    `known: ${ids.join(', ')}`,
  );
}

function parsePartition(text: string, loaded: Loaded, io: Io): number[][] {
  const blocks = text
    .split(',')
    .map((b) =>
      b.split('+').map((id) => lookup(id.trim(), loaded.dmIds, 'decision maker', '--coalitions', io)),
    );
  const seen = blocks.flat();
  if (new Set(seen).size !== seen.length) usageError(io, 'a decision maker appears twice in --coalitions');
  loaded.dmIds.forEach((_, d) => {
    if (!seen.includes(d)) blocks.push([d]);
  });
  return blocks;
}

function parseWindows(texts: readonly string[], loaded: Loaded, states: number, io: Io): RankingWindow[] {
  const windows = loaded.dmIds.map(() => ({ from: 0, to: states }));
  for (const text of texts) {
    const match = /^([^=]+)=(\d+):(\d+)$/.exec(text.trim());
    if (!match)
      usageError(
        io,
        `'${text}' in --window is not of the form decision-maker=from:to`,
        'example: --window us=1:4 (ranking positions 1 to 4, 1 = most preferred)',
      );
    const d = lookup(match[1].trim(), loaded.dmIds, 'decision maker', '--window', io);
    const from = Number(match[2]);
    const to = Number(match[3]);
    if (from < 1 || to < from || to > states)
      usageError(io, `--window ${text}: positions must satisfy 1 <= from <= to <= ${states}`);
    windows[d] = { from: from - 1, to };
  }
  return windows;
}

function renderText(result: StabilityResult, loaded: Loaded, explain: number[] | undefined, io: Io): void {
  const s = styler(io);
  const dms = result.individual.players;
  io.out(
    `${s.bold(result.title ?? 'Conflict')}: ${result.states.length} feasible states, ${dms.length} decision makers, ${result.options.length} options\n`,
  );
  io.out(
    s.dim(
      `Sanction sequences: ${result.sequenceRule}; coalition sanctions: ${result.coalitionSanction}. ${result.method}.\n\n`,
    ),
  );
  io.out(`Options, in the order of the Y/N letters: ${loaded.optionIds.join(', ')}\n`);
  io.out(
    `\n${s.bold('Stability')} per state and concept: one mark per decision maker (${dms.map((d) => d.name).join(', ')}); + stable, - not; * equilibrium\n`,
  );
  const shown = result.concepts;
  io.out(
    table(
      ['state', 'options', ...shown.map((c) => CONCEPT_LABELS[c])],
      result.states.map((st) => [
        String(st.number),
        st.vector,
        ...shown.map((c) => {
          const marks = dms
            .map((_, p) => (result.individual.stable[c][p][st.number - 1] ? '+' : '-'))
            .join('');
          return result.individual.equilibria[c].includes(st.number) ? `${marks} *` : marks;
        }),
      ]),
      io,
    ),
  );
  io.out(`\n${s.bold('Equilibria')}\n`);
  for (const c of shown)
    io.out(`  ${CONCEPT_LABELS[c].padEnd(20)} ${result.individual.equilibria[c].join(', ') || 'none'}\n`);
  const lines = narrations(result, explain);
  if (lines.length > 0) {
    io.out(
      `\n${s.bold('Why')}${explain ? '' : ' (the status quo and the SEQ equilibria that are not Nash; --explain for other states)'}\n`,
    );
    for (const line of lines) io.out(`  ${line}\n`);
  }
  if (result.partition) {
    const p = result.partition;
    io.out(
      `\n${s.bold('Coalitions acting as one decision maker')}: ${p.players.map((x) => x.name).join(' | ')}\n`,
    );
    for (const c of shown)
      io.out(`  ${CONCEPT_LABELS[c].padEnd(20)} ${p.equilibria[c].join(', ') || 'none'}\n`);
  }
  if (result.coalitions) {
    const c = result.coalitions;
    io.out(
      `\n${s.bold('Coalition improvements')} (every coalition of two or more; sanction rule ${result.coalitionSanction})\n`,
    );
    io.out(`  coalition Nash equilibria: ${c.equilibria.cnash.join(', ') || 'none'}\n`);
    io.out(`  coalition GMR equilibria:  ${c.equilibria.cgmr.join(', ') || 'none'}\n`);
    io.out(`  coalition SEQ equilibria:  ${c.equilibria.cseq.join(', ') || 'none'}\n`);
    const eq = new Set(result.individual.equilibria.nash);
    for (const v of c.verdicts.filter((v) => eq.has(v.state))) {
      const names = v.coalition.map((d) => dms[d].name).join(' + ');
      for (const imp of v.improvements) {
        const answer = imp.sanction.cgmr
          ? `answered by ${describePath(imp.sanction.cgmr, dms)}`
          : 'not answered by the others';
        io.out(
          `  from Nash equilibrium ${v.state}, ${names} can jointly reach ${imp.to} (${describePath(imp.path, dms)}); ${answer}\n`,
        );
      }
    }
  }
  if (result.statusQuo) {
    const sq = result.statusQuo;
    io.out(
      `\n${s.bold('From the status quo')} (state ${sq.state}), by unilateral improvements, no one moving twice in a row:\n`,
    );
    for (const r of sq.reachable)
      io.out(
        `  ${String(r.state).padStart(3)}  ${r.path.length === 0 ? '(status quo)' : describePath(r.path, dms)}\n`,
      );
    io.out(
      `  reachable equilibria: Nash ${sq.reachableEquilibria.nash.join(', ') || 'none'}; GMR ${sq.reachableEquilibria.gmr.join(', ') || 'none'}; SEQ ${sq.reachableEquilibria.seq.join(', ') || 'none'}\n`,
    );
  }
  if (result.inverse) {
    const { enumeration: e, conditions } = result.inverse;
    io.out(
      `\n${s.bold('Inverse GMCR')} for state ${e.state}: ${e.combinations} combinations of rankings tried\n`,
    );
    io.out(
      `  an equilibrium in: Nash ${e.equilibriumCounts.nash}, GMR ${e.equilibriumCounts.gmr}, SMR ${e.equilibriumCounts.smr}, SEQ ${e.equilibriumCounts.seq}\n`,
    );
    for (const c of conditions) {
      const who = dms[c.player].name;
      io.out(
        `  Nash for ${who}: state ${e.state} at least as preferred as ${c.nash.join(', ') || '(no moves)'}\n`,
      );
      for (const g of c.gmr)
        io.out(
          `  GMR for ${who}: ${e.state} at least as preferred as ${g.move}${g.orOneOf.length ? `, or as one of ${g.orOneOf.join(', ')}` : ''}\n`,
        );
    }
  }
  for (const w of result.warnings) io.err(`note: ${w}\n`);
}

/** `parley stability <scenario|.gmcr>`: which states are stable for whom, and why. */
export function stabilityCommand(file: string, options: StabilityCommandOptions, io: Io): number {
  const asJson = Boolean(options.json);
  const loaded = readInput(file, io, asJson);
  // The state count is needed to check --window and --inverse before running.
  const statesCount = buildStateSpace(loaded.conflict).codes.length;
  const statusQuo =
    options.statusQuo === undefined
      ? undefined
      : options.statusQuo
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
          .map((id) => lookup(id, loaded.optionIds, 'option', '--status-quo', io));
  let inverse: { state: number; windows?: RankingWindow[]; maxCombinations?: number } | undefined;
  if (options.inverse !== undefined) {
    const state = integerFlag(options.inverse, '--inverse', FLAG_BOUNDS.stability['--inverse'], io);
    if (state > statesCount) usageError(io, `--inverse ${state}: there are ${statesCount} states`);
    inverse = {
      state,
      ...(options.window?.length ? { windows: parseWindows(options.window, loaded, statesCount, io) } : {}),
      ...(options.maxCombinations
        ? {
            maxCombinations: integerFlag(
              options.maxCombinations,
              '--max-combinations',
              FLAG_BOUNDS.stability['--max-combinations'],
              io,
            ),
          }
        : {}),
    };
  }
  const explain =
    options.explain === undefined
      ? undefined
      : options.explain === 'all'
        ? Array.from({ length: statesCount }, (_, s) => s + 1)
        : options.explain
            .split(',')
            .map((x) => integerFlag(x.trim(), '--explain', FLAG_BOUNDS.stability['--explain'], io));
  let result: StabilityResult;
  try {
    result = analyzeStability({
      conflict: loaded.conflict,
      ...(options.sanctionRule ? { sequenceRule: options.sanctionRule } : {}),
      ...(options.coalitionSanction ? { coalitionSanction: options.coalitionSanction } : {}),
      ...(options.coalitions ? { partition: parsePartition(options.coalitions, loaded, io) } : {}),
      coalitionImprovements: options.improvements !== false,
      ...(statusQuo ? { statusQuo } : {}),
      ...(inverse ? { inverse } : {}),
    });
  } catch (error) {
    if (error instanceof TooManyCombinationsError)
      usageError(
        io,
        error.message,
        'use --window dm=from:to to permute part of a ranking, or --max-combinations',
      );
    if (error instanceof RangeError) usageError(io, error.message);
    throw error;
  }
  if (asJson)
    io.out(
      json({ ok: true, file, ids: { decisionMakers: loaded.dmIds, options: loaded.optionIds }, ...result }),
    );
  else renderText(result, loaded, explain, io);
  return EXIT_OK;
}
