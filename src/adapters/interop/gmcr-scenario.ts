import type { Conflict, Conjunction } from '../../core/stability/conflict.js';
import { buildStateSpace } from '../../core/stability/state-space.js';
import type { ScenarioInput } from '../../schema/scenario.js';

/** A lower-case id from a name ("Prisoner One" → prisoner-one), made unique against `taken`. */
function idFrom(name: string, taken: Set<string>, fallback: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

/**
 * A scenario holding an imported conflict: the decision makers become parties (observers: a conflict has no
 * signatories), each option a yes/no issue (so that the file is a complete scenario), and the conflict section
 * carries the options, preferences and infeasible patterns unchanged.
 */
export function scenarioFromConflict(conflict: Conflict, id: string, title: string): ScenarioInput {
  const ids = new Set<string>();
  const partyIds = conflict.decisionMakers.map((dm, d) => idFrom(dm.name, ids, `dm-${d}`));
  const optionIds = conflict.options.map((o, i) => idFrom(o.name, ids, `option-${i}`));
  const condition = (c: Conjunction) => ({
    yes: c.filter(([, v]) => v).map(([o]) => optionIds[o]),
    no: c.filter(([, v]) => !v).map(([o]) => optionIds[o]),
  });
  const states = buildStateSpace(conflict).codes.length;
  return {
    parley: 1,
    id,
    title,
    parties: conflict.decisionMakers.map((dm, d) => ({
      id: partyIds[d],
      name: dm.name,
      kind: 'other',
      role: 'observer',
    })),
    issues: conflict.options.map((o, i) => ({
      id: `${optionIds[i]}-issue`,
      title: o.name,
      category: 'other',
      options: [
        { id: 'taken', label: 'Taken' },
        { id: 'not-taken', label: 'Not taken' },
      ],
    })),
    conflict: {
      decisionMakers: conflict.decisionMakers.map((dm, d) => {
        const preference = conflict.preferences[d];
        return {
          id: partyIds[d],
          name: dm.name,
          party: partyIds[d],
          options: dm.options.map((o) => ({
            id: optionIds[o],
            label: conflict.options[o].name,
            direction: conflict.options[o].direction,
          })),
          preferences:
            preference.kind === 'ranking'
              ? { ranking: preference.ranking.map((c) => (c.length === 1 ? c[0] : c)) }
              : preference.statements.length === 0
                ? { ranking: [Array.from({ length: states }, (_, s) => s + 1)] }
                : {
                    statements: preference.statements.map((st) =>
                      st.length === 1 ? condition(st[0]) : { anyOf: st.map(condition) },
                    ),
                  },
        };
      }),
      infeasible: conflict.infeasible.map(condition),
    },
  };
}
