import type { ForecastResult } from '../../app/forecast.js';
import { pointForecast } from '../../app/forecast.js';
import type { ForecastModel } from '../../core/forecast/models.js';
import type { ActorTable, ForecastDimension } from '../../schema/forecast.js';
import { digits, formatPosition } from '../text/format-position.js';
import { type Io, num, styler, table } from './output.js';

const MODEL_TITLES: Record<ForecastModel, string> = {
  mean: 'mean',
  median: 'median',
  condorcet: 'Condorcet',
  bdm: 'BDM',
  smp: 'SMP',
};

function actorName(t: ActorTable, i: number): string {
  return t.actors[i]?.name ?? `#${i}`;
}

/** The BDM rounds of one dimension: who challenged whom and what came of it. */
function bdmLines(result: ForecastResult, k: number, explain: boolean): string[] {
  const d = result.table.dimensions[k];
  const run = result.forecast.dimensions[k].bdm;
  if (!run) return [];
  const t = result.table;
  const lines = [
    `BDM on '${d.id}': ${run.rounds.length} round(s), ${run.stop}; forecast ${formatPosition(d, run.forecast)}`,
  ];
  if (run.stop === 'oscillating' && run.cycle) {
    const means = (run.cycleMeans ?? []).map((x) => num(x, digits(d)));
    lines.push(`  cycles through ${run.cycle.length} sets of positions (weighted means ${means.join(', ')})`);
  }
  const shown = explain ? run.rounds : run.rounds.slice(0, 3);
  for (const round of shown) {
    const moves = round.moves.map((m) => {
      const who = actorName(t, m.receiver);
      const whom = actorName(t, m.sender);
      const verb =
        m.kind === 'conflict'
          ? 'loses confrontation to'
          : m.kind === 'compromise'
            ? 'compromises with'
            : 'capitulates to';
      return `${who} ${verb} ${whom} (${num(m.from, digits(d))} → ${num(m.to, digits(d))}; EU ${num(m.senderEu, 3)} vs ${num(m.receiverEu, 3)})`;
    });
    lines.push(`  round ${round.round}: ${moves.length === 0 ? 'nobody moves' : moves.join('; ')}`);
  }
  if (shown.length < run.rounds.length)
    lines.push(
      `  … ${run.rounds.length - shown.length} more round(s) (--explain shows all, --json the full history)`,
    );
  if (explain) {
    lines.push('  by actor:');
    t.actors.forEach((actor, i) => {
      const moved = run.rounds.flatMap((r) =>
        r.moves
          .filter((m) => m.receiver === i)
          .map((m) => `r${r.round} ${m.kind} with ${actorName(t, m.sender)}`),
      );
      const won = run.rounds.flatMap((r) =>
        r.moves
          .filter((m) => m.sender === i)
          .map((m) => `r${r.round} ${actorName(t, m.receiver)} (${m.kind})`),
      );
      const end = formatPosition(d, run.finalPositions[i], false);
      lines.push(
        `    ${actor.name}: ${num(actor.positions[k], digits(d))} → ${end}; moved: ${moved.join(', ') || 'never'}; moved others: ${won.join(', ') || 'none'}`,
      );
    });
  }
  return lines;
}

function smpLines(result: ForecastResult, io: Io, explain: boolean): string[] {
  const run = result.forecast.smp;
  const final = result.forecast.smpFinalPositions;
  if (!run || !final) return [];
  const t = result.table;
  const s = styler(io);
  const lines = [
    `${s.bold('SMP')} (KTAB Spatial Model of Politics): ${run.turns.length} turn(s), ${run.stop}` +
      ` (last fractional change ${num(run.turns[run.turns.length - 1]?.fractionalChange ?? 0, 4)})`,
  ];
  const head = ['actor', ...t.dimensions.map((d) => d.id), 'P(position wins)'];
  const rows = t.actors.map((a, i) => [
    a.name,
    ...t.dimensions.map((d, k) => formatPosition(d, final[i][k], false)),
    num(run.final.winProbability[i], 4),
  ]);
  lines.push(table(head, rows, io).trimEnd());
  const turns = explain ? run.turns : run.turns.slice(0, 1);
  for (const turn of turns) {
    lines.push(`  turn ${turn.turn}:`);
    for (const c of turn.challenges) {
      lines.push(
        `    ${actorName(t, c.initiator)} challenges ${actorName(t, c.target)}: P(prevail) ${num(c.probability, 3)} by its own estimate, expected gain ${num(c.expectedGain, 4)} (${num(c.targetGain, 4)} for the target by its estimate)`,
      );
    }
    for (const i of turn.idle) lines.push(`    ${actorName(t, i)} has no advantageous target`);
    for (const c of turn.choices) {
      if (c.challenge === undefined) continue;
      const b = turn.challenges[c.challenge];
      const partner = b.initiator === c.actor ? b.target : b.initiator;
      lines.push(
        `    ${actorName(t, c.actor)} adopts the bargain with ${actorName(t, partner)} (probability ${num(c.probability, 3)})`,
      );
    }
  }
  if (turns.length < run.turns.length)
    lines.push(
      `  … ${run.turns.length - turns.length} more turn(s) (--explain shows all, --json the full history)`,
    );
  return lines;
}

/** The text rendering of `parley forecast`. */
export function renderForecast(result: ForecastResult, io: Io, options: { explain?: boolean } = {}): string {
  const s = styler(io);
  const t = result.table;
  const explain = options.explain === true;
  const out: string[] = [];
  out.push(`${s.bold('Forecast')}: ${t.name} — ${t.actors.length} actors, ${t.dimensions.length} issue(s)`);
  out.push(s.dim(`A model output from ${result.basis}, not a prediction of fact.`));
  for (const note of t.notes) out.push(s.dim(`Note: ${note}`));
  out.push('');
  const head = ['issue', 'scale', ...result.models.map((m) => MODEL_TITLES[m])];
  const rows = t.dimensions.map((d, k) => {
    const f = result.forecast.dimensions[k];
    return [
      d.id,
      `${num(d.min, digits(d))}..${num(d.max, digits(d))}`,
      ...result.models.map((m) => {
        const text = formatPosition(d, pointForecast(f, m), false);
        return m === 'condorcet' && f.condorcet?.fellBackToMedian && f.condorcet.value !== undefined
          ? `${text} (no winner: median)`
          : text;
      }),
    ];
  });
  out.push(table(head, rows, io).trimEnd());
  const labelled = t.dimensions.filter((d) => d.ticks && d.ticks.length > 0);
  if (labelled.length > 0) {
    out.push(s.dim('Scale points:'));
    for (const d of labelled) {
      const points = (d.ticks ?? []).map((x) => `${num(x.position, digits(d))} ${x.label}`);
      out.push(s.dim(`  ${d.id}: ${points.join(' | ')}`));
    }
  }
  for (let k = 0; k < t.dimensions.length; k++) {
    const lines = bdmLines(result, k, explain);
    if (lines.length > 0) out.push('', ...lines);
  }
  const smp = smpLines(result, io, explain);
  if (smp.length > 0) out.push('', ...smp);
  if (result.samples) {
    const { n, seed, completed, distributions } = result.samples;
    out.push(
      '',
      `${s.bold('Under uncertainty')}: ${completed} of ${n} draws (seed ${seed}) of capability and salience over their ranges`,
    );
    out.push(
      table(
        ['issue', 'model', '5%', 'median', '95%', 'mean'],
        distributions.map((x) => {
          const d = t.dimensions.find((dim) => dim.id === x.dimension) as ForecastDimension;
          return [
            x.dimension,
            MODEL_TITLES[x.model],
            formatPosition(d, x.q05, false),
            formatPosition(d, x.q50, false),
            formatPosition(d, x.q95, false),
            formatPosition(d, x.mean, false),
          ];
        }),
        io,
      ).trimEnd(),
    );
  }
  for (const w of result.warnings) out.push(s.yellow(`Warning: ${w}`));
  return `${out.join('\n')}\n`;
}
