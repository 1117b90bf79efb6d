import type { OutcomeSpace } from '../model/outcome-space.js';
import type { Run, TraceEvent } from './trace.js';

export interface FormatTraceOptions {
  /** To print option ids instead of option indices. */
  space?: OutcomeSpace;
  /** Print at most this many events (the first and the last halves); the omission is stated. */
  maxEvents?: number;
}

const num = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : String(x));

function outcomeText(outcome: readonly number[], run: Run, space?: OutcomeSpace): string {
  return outcome.map((k, i) => `${run.issues[i]}=${space ? space.issues[i].optionIds[k] : k}`).join(' ');
}

/** A plain-text, round-by-round account of a run: one line per event, then the result and metrics. */
export function formatTrace(run: Run, options: FormatTraceOptions = {}): string {
  const lines: string[] = [];
  const strategies = run.results.map((r) => `${r.party} (${r.strategy})`).join(', ');
  lines.push(
    `${run.scenario}: ${run.protocol}, ${run.deadlineRounds} rounds, seed ${run.seed}, preferences ${run.preferences}`,
  );
  lines.push(
    `parties: ${strategies}${run.mediator ? `; mediator ${run.mediator.party} (${run.mediator.strategy})` : ''}`,
  );
  const events = run.events;
  if (!events) {
    lines.push('(trace not recorded)');
  } else {
    const max = options.maxEvents ?? Number.POSITIVE_INFINITY;
    let shown: Array<TraceEvent | string> = events;
    if (events.length > max) {
      const head = Math.ceil(max / 2);
      const tail = Math.floor(max / 2);
      shown = [
        ...events.slice(0, head),
        `... ${events.length - head - tail} events omitted ...`,
        ...events.slice(events.length - tail),
      ];
    }
    const partyWidth = Math.max(5, ...run.parties.map((p) => p.length), run.mediator?.party.length ?? 0);
    lines.push(
      `round  ${'party'.padEnd(partyWidth)}  ${'action'.padEnd(14)}  utilities (${run.parties.join(' / ')})`,
    );
    for (const e of shown) {
      if (typeof e === 'string') {
        lines.push(e);
        continue;
      }
      let line = `${String(e.round).padStart(5)}  ${e.party.padEnd(partyWidth)}  ${e.action.padEnd(14)}`;
      if (e.utilities) line += `  ${e.utilities.map(num).join(' / ')}`;
      if (e.outcome) line += `  ${outcomeText(e.outcome, run, options.space)}`;
      if (e.objections)
        line += `  objects to: ${e.objections.length ? e.objections.join(', ') : '(nothing specific)'}`;
      if (e.note) line += `  (${e.note})`;
      lines.push(line.trimEnd());
    }
  }
  const o = run.outcome;
  const when = `round ${o.round}${o.date ? ` (${o.date})` : ''}`;
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
  for (const f of run.faults) lines.push(`fault: ${f.party} in round ${f.round}: ${f.kind}: ${f.message}`);
  for (const note of run.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}
