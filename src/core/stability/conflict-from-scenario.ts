import type { ConflictSection } from '../../schema/scenario.js';
import type { Problem } from '../model/problem.js';
import { listIds, type Path, ProblemList } from '../model/problem-list.js';
import type { Conflict, ConflictPreference, Conjunction, Literal } from './conflict.js';
import { buildStateSpace, codeOfTaken, describeCode, MAX_OPTIONS, satisfies } from './state-space.js';

export interface ConflictReading {
  /** Undefined when there are errors. */
  conflict?: Conflict;
  /** Option ids and decision-maker ids in index order, for naming things in results. */
  optionIds: string[];
  decisionMakerIds: string[];
  problems: Problem[];
}

export interface KnownIds {
  partyIds: readonly string[];
  sourceIds: readonly string[];
}

/**
 * Reads a scenario's conflict section into a conflict in option form, checking what the schema cannot:
 * unique ids, options and decision makers that resolve (with "did you mean"), statements that say one thing,
 * rankings that list every feasible state once (a state listed twice would have to be preferred to itself: a
 * cycle), a feasible status quo and a partition for the coalitions. Paths start at `conflict`.
 */
export function readConflictSection(section: ConflictSection, known: KnownIds): ConflictReading {
  const problems = new ProblemList();
  const root: Path = ['conflict'];
  const optionIds: string[] = [];
  const options: Conflict['options'] = [];
  const decisionMakerIds = section.decisionMakers.map((dm) => dm.id);
  problems.requireUniqueIds(section.decisionMakers, 'decision maker', [...root, 'decisionMakers']);
  const optionIndex = new Map<string, number>();
  section.decisionMakers.forEach((dm, d) => {
    const path = [...root, 'decisionMakers', d];
    if (dm.party !== undefined) problems.requireKnown(dm.party, known.partyIds, 'party', [...path, 'party']);
    dm.options.forEach((option, k) => {
      if (optionIndex.has(option.id)) {
        problems.error(
          [...path, 'options', k, 'id'],
          `option id '${option.id}' is used twice; option ids must be unique across the conflict`,
        );
        return;
      }
      optionIndex.set(option.id, options.length);
      optionIds.push(option.id);
      options.push({ name: option.label ?? option.id, decisionMaker: d, direction: option.direction });
    });
  });
  if (options.length > MAX_OPTIONS) {
    problems.error(
      [...root, 'decisionMakers'],
      `the conflict has ${options.length} options, giving 2^${options.length} option vectors`,
      {
        expected: `at most ${MAX_OPTIONS} options in all`,
      },
    );
  }
  section.sources.forEach((id, k) => {
    problems.requireKnown(id, known.sourceIds, 'source', [...root, 'sources', k]);
  });

  const option = (id: string, path: Path): number | undefined =>
    problems.requireKnown(id, optionIds, 'option', path) ? optionIndex.get(id) : undefined;
  const conjunction = (condition: { yes?: string[]; no?: string[] }, path: Path): Conjunction => {
    const literals: Literal[] = [];
    for (const [field, taken] of [
      ['yes', true],
      ['no', false],
    ] as const) {
      (condition[field] ?? []).forEach((id, k) => {
        const index = option(id, [...path, field, k]);
        if (index !== undefined) literals.push([index, taken]);
      });
    }
    const contradiction = literals.find(([o, v]) => literals.some(([p, w]) => p === o && w !== v));
    if (contradiction) {
      problems.error(
        path,
        `option '${optionIds[contradiction[0]]}' is listed under both yes and no, so the condition never holds`,
      );
    }
    return literals;
  };

  const infeasible = section.infeasible.map((pattern, k) => conjunction(pattern, [...root, 'infeasible', k]));

  const preferences: Array<ConflictPreference | undefined> = section.decisionMakers.map((dm, d) => {
    const path: Path = [...root, 'decisionMakers', d, 'preferences'];
    const given = dm.preferences;
    if ((given.statements === undefined) === (given.ranking === undefined)) {
      problems.error(path, 'give either statements or a ranking', {
        expected: 'exactly one of statements, ranking',
      });
      return undefined;
    }
    if (given.ranking !== undefined) {
      return {
        kind: 'ranking',
        ranking: given.ranking.map((entry) => (typeof entry === 'number' ? [entry] : entry)),
      };
    }
    return {
      kind: 'statements',
      statements: given.statements!.map((statement, k) => {
        const at: Path = [...path, 'statements', k];
        const hasLiterals = statement.yes !== undefined || statement.no !== undefined;
        if (statement.anyOf !== undefined && hasLiterals) {
          problems.error(at, 'a statement has either yes/no or anyOf, not both', {
            expected: 'yes/no for one condition, or anyOf for alternatives',
          });
        }
        if (statement.anyOf === undefined && !hasLiterals) {
          problems.error(at, 'the statement names no option', { expected: 'yes, no or anyOf' });
        }
        return statement.anyOf
          ? statement.anyOf.map((c, j) => conjunction(c, [...at, 'anyOf', j]))
          : [conjunction(statement, at)];
      }),
    };
  });

  const statusQuo = section.statusQuo?.flatMap((id, k) => {
    const index = option(id, [...root, 'statusQuo', k]);
    return index === undefined ? [] : [index];
  });

  let coalitions: number[][] | undefined;
  if (section.coalitions !== undefined) {
    const seen = new Map<string, number>();
    coalitions = section.coalitions.map((block, b) =>
      block.flatMap((id, k) => {
        const path: Path = [...root, 'coalitions', b, k];
        if (!problems.requireKnown(id, decisionMakerIds, 'decision maker', path)) return [];
        if (seen.has(id)) {
          problems.error(
            path,
            `decision maker '${id}' is already in coalition ${seen.get(id)}; the coalitions must not overlap`,
          );
          return [];
        }
        seen.set(id, b);
        return [decisionMakerIds.indexOf(id)];
      }),
    );
    const missing = decisionMakerIds.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      problems.error([...root, 'coalitions'], `decision makers ${missing.join(', ')} are in no coalition`, {
        expected: 'every decision maker in exactly one coalition (a coalition may have one member)',
      });
    }
  }

  if (problems.errorCount > 0) return { optionIds, decisionMakerIds, problems: problems.problems };

  const conflict: Conflict = {
    ...(section.title === undefined ? {} : { title: section.title }),
    options,
    decisionMakers: section.decisionMakers.map((dm) => ({
      name: dm.name ?? dm.id,
      options: dm.options.map((o) => optionIndex.get(o.id)!),
    })),
    infeasible,
    preferences: preferences as ConflictPreference[],
    ...(statusQuo === undefined ? {} : { statusQuo }),
    ...(coalitions === undefined ? {} : { coalitions }),
  };
  checkAgainstStates(conflict, optionIds, problems);
  return problems.errorCount > 0
    ? { optionIds, decisionMakerIds, problems: problems.problems }
    : { conflict, optionIds, decisionMakerIds, problems: problems.problems };
}

/** Checks that need the feasible states: rankings, the status quo, and that any state is feasible at all. */
export function checkAgainstStates(
  conflict: Conflict,
  optionIds: readonly string[],
  problems: ProblemList,
  root: Path = ['conflict'],
): void {
  const space = buildStateSpace(conflict);
  const n = space.codes.length;
  if (n === 0) {
    problems.error([...root, 'infeasible'], 'the infeasible patterns rule out every state', {
      expected: 'patterns that leave at least one state',
    });
    return;
  }
  conflict.preferences.forEach((preference, d) => {
    if (preference.kind !== 'ranking') return;
    const path: Path = [...root, 'decisionMakers', d, 'preferences', 'ranking'];
    const firstAt = new Map<number, number>();
    preference.ranking.forEach((tieClass, position) => {
      for (const state of tieClass) {
        if (state > n) {
          problems.error(
            [...path, position],
            `there is no state ${state}: the conflict has ${n} feasible states`,
            {
              expected: `state numbers 1..${n}`,
            },
          );
          continue;
        }
        const earlier = firstAt.get(state);
        if (earlier !== undefined) {
          problems.error(
            [...path, position],
            earlier === position
              ? `state ${state} is listed twice in the same tie class`
              : `state ${state} is ranked at positions ${earlier + 1} and ${position + 1}: the ranking is cyclic (state ${state} would be preferred to itself)`,
            { expected: 'every feasible state exactly once' },
          );
          continue;
        }
        firstAt.set(state, position);
      }
    });
    const missing = Array.from({ length: n }, (_, s) => s + 1).filter((s) => !firstAt.has(s));
    if (missing.length > 0) {
      problems.error(
        path,
        `the ranking leaves out state${missing.length === 1 ? '' : 's'} ${listIds(missing.map(String))}`,
        {
          expected: `every feasible state 1..${n} exactly once`,
        },
      );
    }
  });
  if (conflict.statusQuo !== undefined) {
    const code = codeOfTaken(conflict.statusQuo);
    if (space.indexOf[code] < 0) {
      const pattern = conflict.infeasible.findIndex((p) => satisfies(code, p));
      const names = (taken: boolean) =>
        conflict.infeasible[pattern]
          .filter(([, v]) => v === taken)
          .map(([o]) => optionIds[o])
          .join(', ');
      problems.error(
        [...root, 'statusQuo'],
        `the status quo (${describeCode(code, conflict.options.length)}) is infeasible: it matches infeasible pattern ${pattern} (yes: ${names(true) || '-'}; no: ${names(false) || '-'})`,
        { expected: 'a feasible combination of options' },
      );
    }
  }
}
