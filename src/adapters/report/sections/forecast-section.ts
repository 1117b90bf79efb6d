import { type ForecastResult, pointForecast } from '../../../app/forecast.js';
import { formatPosition } from '../../text/format-position.js';
import { roundLines } from '../charts.js';
import { escapeHtml, htmlTable, type Section } from '../html.js';

const TITLES = {
  mean: 'weighted mean',
  median: 'weighted median',
  condorcet: 'Condorcet',
  bdm: 'BDM',
  smp: 'SMP',
};

/**
 * The forecast section of the report: per contested issue, where each model puts the outcome (with the
 * nearest option), what happened in BDM's first round, and SMP's end positions. It renders a forecast
 * result; it computes nothing.
 */
export function forecastSection(result: ForecastResult): Section {
  const t = result.table;
  const rows = t.dimensions.map((d, k) => [
    d.title,
    ...result.models.map((m) =>
      formatPosition(d, pointForecast(result.forecast.dimensions[k], m), true, Number.POSITIVE_INFINITY),
    ),
  ]);
  const bdm = t.dimensions.flatMap((d, k) => {
    const run = result.forecast.dimensions[k].bdm;
    if (!run) return [];
    const first = run.rounds[0]?.moves ?? [];
    const verb = {
      conflict: 'loses confrontation to',
      compromise: 'compromises with',
      capitulation: 'capitulates to',
    };
    const moves = first.map((m) => `${t.actors[m.receiver].name} ${verb[m.kind]} ${t.actors[m.sender].name}`);
    return [
      [d.title, `${run.rounds.length} (${run.stop})`, moves.length > 0 ? moves.join('; ') : 'nobody moves'],
    ];
  });
  const smpFinal = result.forecast.smpFinalPositions;
  const smp = smpFinal
    ? htmlTable(
        ['actor', ...t.dimensions.map((d) => d.id)],
        t.actors.map((a, i) => [
          a.name,
          ...t.dimensions.map((d, k) => formatPosition(d, smpFinal[i][k], false)),
        ]),
      )
    : '';
  // SMP's trajectories, one chart per issue, positions as a percentage of the issue's scale (SMP's own units).
  const run = result.forecast.smp;
  const charts = run
    ? t.dimensions.map((d, k) =>
        roundLines(
          `${d.title}: positions turn by turn (SMP)`,
          '% of scale',
          t.actors.map((a, i) => ({
            name: a.name,
            points: [
              ...run.turns.map((turn): [number, number] => [turn.turn - 1, 100 * turn.positions[i][k]]),
              [run.turns.length, 100 * run.final.positions[i][k]] as [number, number],
            ],
          })),
        ),
      )
    : [];
  const html = [
    `<p class="disclaimer">A model output from ${escapeHtml(result.basis)}, not a prediction. Positions are on each issue's scale (numbers; the nearest option follows).</p>`,
    htmlTable(['issue', ...result.models.map((m) => TITLES[m])], rows),
    ...t.dimensions
      .filter((d) => d.ticks && d.ticks.length > 0)
      .map(
        (d) =>
          `<p class="note">${escapeHtml(d.title)}: ${(d.ticks ?? []).map((x) => `${escapeHtml(formatPosition(d, x.position, false))} ${escapeHtml(x.label)}`).join(' | ')}</p>`,
      ),
    bdm.length > 0
      ? `<h3>BDM challenge model: rounds and the first round's moves</h3>${htmlTable(['issue', 'rounds', 'round 1'], bdm)}`
      : '',
    smp ? `<h3>KTAB SMP: end positions after ${result.forecast.smp?.turns.length ?? 0} turns</h3>${smp}` : '',
    charts.length > 0
      ? `<p class="note">Turn 0 is the actors' starting positions; 0% and 100% are the ends of each issue's scale (the scale points are listed under the table above).</p><div class="charts">${charts.map((c) => `<div>${c}</div>`).join('')}</div>`
      : '',
    ...t.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    ...result.warnings.map((w) => `<p class="note">${escapeHtml(w)}</p>`),
  ];
  return { id: 'forecast', title: 'Forecast of the contested issues', html: html.join('\n') };
}
