import type { OutcomeSpace } from '../model/outcome-space.js';
import { roundLabel, roundsPlayed, shownRound } from './round-label.js';
import type { Run, TraceEvent } from './trace.js';

export interface FormatTraceOptions {
  /** To print option ids instead of option indices. */
  space?: OutcomeSpace;
  /** Print at most this many events (the first and the last halves); the omission is stated. */
  maxEvents?: number;
  /**
   * 'full' (default) prints every offer or text completely; 'changes' prints a party's first offer (the
   * mediator's first text) completely and afterwards only the issues that differ from its previous one, which
   * keeps the account readable on scenarios with many issues.
   */
  outcomes?: 'full' | 'changes';
  /** Print the result, utilities, metrics, faults and notes after the events (default true). */
  summary?: boolean;
}

const num = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : String(x));

function optionText(i: number, k: number, run: Run, space?: OutcomeSpace): string {
  return `${run.issues[i]}=${space ? space.issues[i].optionIds[k] : k}`;
}

function outcomeText(outcome: readonly number[], run: Run, space?: OutcomeSpace): string {
  return outcome.map((k, i) => optionText(i, k, run, space)).join(' ');
}

/** A plain-text, round-by-round account of a run: one line per event, then the result and metrics. */
export function formatTrace(run: Run, options: FormatTraceOptions = {}): string {
  const lines: string[] = [];
  const strategies = run.results.map((r) => `${r.party} (${r.strategy})`).join(', ');
  lines.push(
    `${run.scenario}: ${run.protocol}, ${run.deadlineRounds} rounds, seed ${run.seed}, preferences ${run.preferences}, conventions ${run.conventions}`,
  );
  lines.push(
    `parties: ${strategies}${run.mediator ? `; mediator ${run.mediator.party} (${run.mediator.strategy})` : ''}`,
  );
  const events = run.events;
  if (!events) {
    lines.push('(trace not recorded)');
  } else {
    const max = options.maxEvents ?? Number.POSITIVE_INFINITY;
    const head = events.length > max ? Math.ceil(max / 2) : events.length;
    const tail = events.length > max ? Math.floor(max / 2) : 0;
    const partyWidth = Math.max(5, ...run.parties.map((p) => p.length), run.mediator?.party.length ?? 0);
    // Rounds print from 1, as the header line's "N rounds" counts them; JSON keeps the 0-based index.
    const roundWidth = Math.max('round'.length, String(run.deadlineRounds).length);
    lines.push(
      'round'.padEnd(roundWidth) +
        `  ${'party'.padEnd(partyWidth)}  ${'action'.padEnd(14)}  utilities (${run.parties.join(' / ')})`,
    );
    const previous = new Map<string, number[]>();
    const describe = (e: TraceEvent, outcome: number[]): string => {
      if (options.outcomes !== 'changes') return outcomeText(outcome, run, options.space);
      const before = previous.get(e.party);
      previous.set(e.party, outcome);
      if (!before) return outcomeText(outcome, run, options.space);
      const changed = outcome.flatMap((k, i) => (k === before[i] ? [] : [i]));
      if (changed.length === 0)
        return `(same as ${e.action === 'text' ? 'the previous text' : 'its previous offer'})`;
      return `changed: ${changed.map((i) => optionText(i, outcome[i], run, options.space)).join(' ')}`;
    };
    events.forEach((e, k) => {
      // Every offer is described, shown or not, so that 'changes' compares with the true previous offer.
      const text =
        e.outcome && (e.action === 'offer' || e.action === 'text') ? describe(e, e.outcome) : undefined;
      if (k === head && tail < events.length - head) {
        lines.push(`... ${events.length - head - tail} events omitted ...`);
      }
      if (k >= head && k < events.length - tail) return;
      let line = `${String(shownRound(e.round)).padStart(roundWidth)}  ${e.party.padEnd(partyWidth)}  ${e.action.padEnd(14)}`;
      if (e.utilities) line += `  ${e.utilities.map(num).join(' / ')}`;
      if (e.outcome) line += `  ${text ?? outcomeText(e.outcome, run, options.space)}`;
      if (e.objections)
        line += `  objects to: ${e.objections.length ? e.objections.join(', ') : '(nothing specific)'}`;
      if (e.note) line += `  (${e.note})`;
      lines.push(line.trimEnd());
    });
  }
  if (options.summary === false) return `${lines.join('\n')}\n`;
  const o = run.outcome;
  const when = `${roundLabel(o.round, run.deadlineRounds)}${o.date ? ` (${o.date})` : ''}, ${roundsPlayed(run.metrics.rounds)}`;
  if (o.agreement && o.outcome) {
    lines.push(`result: agreement in ${when}: ${outcomeText(o.outcome, run, options.space)}`);
  } else {
    lines.push(`result: no agreement (${o.endedBy}${o.by ? ` by ${o.by}` : ''}) in ${when}`);
  }
  const m = run.metrics;
  lines.push(
    `utilities: ${run.results
      .map(
        (r) =>
          `${r.party} ${num(r.utility)} (discounted ${num(r.discountedUtility)}, BATNA ${num(r.batna)}, concession ${
            r.concessionRate === null ? 'n/a' : r.concessionRate.toFixed(2)
          })`,
      )
      .join('; ')}`,
  );
  const extra = [
    `welfare ${num(m.socialWelfare)}`,
    m.paretoDistance === undefined ? '' : `Pareto distance ${m.paretoDistance.toFixed(2)}`,
    m.nashDistance === undefined ? '' : `Nash distance ${m.nashDistance.toFixed(2)}`,
    m.kalaiDistance === undefined ? '' : `Kalai distance ${m.kalaiDistance.toFixed(2)}`,
  ].filter(Boolean);
  lines.push(extra.join(', '));
  for (const f of run.faults)
    lines.push(`fault: ${f.party} in ${roundLabel(f.round, run.deadlineRounds)}: ${f.kind}: ${f.message}`);
  for (const note of run.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}
