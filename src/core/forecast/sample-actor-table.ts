import type { ActorTable } from '../../schema/forecast.js';
import type { Rng } from '../random/rng.js';
import { triangular } from '../random/samplers.js';

/**
 * One draw of an actor table over the analyst's ranges: each capability and salience with a stated range
 * is drawn from the triangular distribution (low, estimate, high); positions stay as they are.
 */
export function sampleActorTable(table: ActorTable, rng: Rng): ActorTable {
  return {
    ...table,
    actors: table.actors.map((actor) => {
      const stream = rng.fork(actor.id);
      const c = actor.capabilityRange;
      const capability = c
        ? triangular(stream.fork('capability'), c.low, actor.capability, c.high)
        : actor.capability;
      const saliences = actor.saliences.map((s, k) => {
        const range = actor.salienceRanges?.[k];
        if (!range) return s;
        return triangular(stream.fork(`salience-${k}`), Math.min(range.low, s), s, Math.max(range.high, s));
      });
      // The one-issue reading moves with the drawn weight: its normalising constant stays at its estimate.
      const oneIssueSaliences = actor.oneIssueSaliences?.map((x, k) =>
        actor.saliences[k] > 0 ? Math.min(1, (x * saliences[k]) / actor.saliences[k]) : x,
      );
      // KTAB reads the sum of an actor's saliences as the chance it resists, so a draw keeps it at most 1.
      const sum = saliences.reduce((a, b) => a + b, 0);
      return {
        ...actor,
        capability,
        saliences: sum > 1 ? saliences.map((x) => x / sum) : saliences,
        ...(oneIssueSaliences ? { oneIssueSaliences } : {}),
      };
    }),
  };
}
