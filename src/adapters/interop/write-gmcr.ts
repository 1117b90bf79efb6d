import type { Conflict, Conjunction } from '../../core/stability/conflict.js';

const DIRECTION_NAMES = { both: 'both', forward: 'fwd', backward: 'back' } as const;

const pairs = (conjunction: Conjunction) => conjunction.map(([o, taken]) => [o, taken ? 'Y' : 'N']);

/**
 * Writes a conflict as gmcr-py `.gmcr` JSON. Rankings go to `preferenceVector` (and switch the file to
 * manual preference vectors, as gmcr-py has one switch for all decision makers, so that statement-based
 * decision makers are then written as rankings too). Returns the text and what the format cannot hold.
 */
export function writeGmcrText(
  conflict: Conflict,
  rankings: number[][][],
): { text: string; losses: string[] } {
  const manual = conflict.preferences.some((p) => p.kind === 'ranking');
  const losses: string[] = [];
  if (conflict.statusQuo !== undefined) losses.push('the status quo (gmcr-py files have no place for it)');
  if (conflict.coalitions !== undefined) losses.push('the coalition partition');
  if (conflict.title !== undefined) losses.push('the title');
  const file = {
    program: 'gmcr-py',
    useManualPreferenceVectors: manual,
    options: conflict.options.map((o) => ({
      name: o.name,
      permittedDirection: DIRECTION_NAMES[o.direction],
    })),
    decisionMakers: conflict.decisionMakers.map((dm, d) => {
      const preference = conflict.preferences[d];
      return {
        name: dm.name,
        options: dm.options,
        preferences:
          preference.kind === 'statements'
            ? preference.statements.map((statement) =>
                statement.length === 1
                  ? pairs(statement[0])
                  : { compound: true, members: statement.map(pairs) },
              )
            : [],
        ...(manual ? { preferenceVector: rankings[d].map((c) => (c.length === 1 ? c[0] : c)) } : {}),
      };
    }),
    infeasibles: conflict.infeasible.map(pairs),
  };
  return { text: `${JSON.stringify(file, null, 1)}\n`, losses };
}
