import { type ForecastResult, pointForecast } from '../../../app/forecast.js';
import { formatPosition } from '../../text/forecast-text.js';
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
  const html = [
    `<p class="disclaimer">A model output from ${escapeHtml(result.basis)}, not a prediction. Positions are on each issue's scale (numbers; the nearest option follows).</p>`,
    htmlTable(['issue', ...result.models.map((m) => TITLES[m])], rows),
    bdm.length > 0
      ? `<h3>BDM challenge model: rounds and the first round's moves</h3>${htmlTable(['issue', 'rounds', 'round 1'], bdm)}`
      : '',
    smp ? `<h3>KTAB SMP: end positions after ${result.forecast.smp?.turns.length ?? 0} turns</h3>${smp}` : '',
    ...t.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    ...result.warnings.map((w) => `<p class="note">${escapeHtml(w)}</p>`),
  ];
  return { id: 'forecast', title: 'Forecast of the contested issues', html: html.join('\n') };
}
