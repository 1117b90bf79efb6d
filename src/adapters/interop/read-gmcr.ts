import { formatPath, type Problem } from '../../core/model/problem.js';
import { type Path, ProblemList } from '../../core/model/problem-list.js';
import type {
  Conflict,
  ConflictPreference,
  Conjunction,
  Literal,
  OptionDirection,
} from '../../core/stability/conflict.js';
import { checkAgainstStates } from '../../core/stability/conflict-from-scenario.js';
import { MAX_OPTIONS } from '../../core/stability/state-space.js';
import { type Diagnostic, sortDiagnostics } from '../load/diagnostic.js';
import { locate, type SourceMap } from '../load/locate.js';
import { readYaml } from '../load/read-yaml.js';

/**
 * gmcr-py's `.gmcr` files (GMCR+): JSON with `options` ({name, permittedDirection: both|fwd|back}),
 * `decisionMakers` ({name, options: [option index], preferences: prioritised statements, optional
 * preferenceVector}), `infeasibles` (patterns) and `useManualPreferenceVectors`. A statement is a list of
 * [option index, "Y"|"N"], or {compound: true, members: [statement…]} for alternatives.
 */
export type GmcrReading =
  | { ok: true; conflict: Conflict; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const DIRECTIONS: Record<string, OptionDirection> = { both: 'both', fwd: 'forward', back: 'backward' };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether parsed JSON looks like a `.gmcr` file rather than a scenario. */
export function looksLikeGmcr(value: unknown): boolean {
  return (
    isRecord(value) &&
    Array.isArray(value.decisionMakers) &&
    Array.isArray(value.options) &&
    !('parley' in value)
  );
}

function toDiagnostic(problem: Problem, file: string, source: SourceMap): Diagnostic {
  return {
    file,
    ...locate(source, problem.path, problem.at),
    path: formatPath(problem.path),
    message: problem.message,
    ...(problem.expected === undefined ? {} : { expected: problem.expected }),
    severity: problem.severity,
  };
}

/** Reads a `.gmcr` text into a conflict; every problem is located by line, column and field path. */
export function readGmcrText(text: string, file: string): GmcrReading {
  const read = readYaml(text.startsWith('\uFEFF') ? text.slice(1) : text, file, 'json');
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics };
  const data = read.data;
  const problems = new ProblemList();
  const rawOptions = Array.isArray(data.options) ? data.options : [];
  if (!Array.isArray(data.options) || rawOptions.length === 0) {
    problems.error(['options'], 'a .gmcr file needs a non-empty options list', {
      expected: 'options: [{name, permittedDirection}]',
    });
  }
  if (rawOptions.length > MAX_OPTIONS) {
    problems.error(['options'], `${rawOptions.length} options give 2^${rawOptions.length} option vectors`, {
      expected: `at most ${MAX_OPTIONS} options`,
    });
  }
  const optionCount = rawOptions.length;
  const options: Conflict['options'] = rawOptions.map((raw: unknown, i: number) => {
    const o = isRecord(raw) ? raw : {};
    const direction = DIRECTIONS[String(o.permittedDirection ?? 'both')];
    if (direction === undefined) {
      problems.error(
        ['options', i, 'permittedDirection'],
        `unknown direction ${JSON.stringify(o.permittedDirection)}`,
        {
          expected: 'both, fwd or back',
        },
      );
    }
    return {
      name: typeof o.name === 'string' ? o.name : `option ${i}`,
      decisionMaker: -1,
      direction: direction ?? 'both',
    };
  });
  const optionIndex = (value: unknown, path: Path): number | undefined => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < optionCount)
      return value;
    problems.error(
      path,
      `unknown option index ${JSON.stringify(value)}: the file has ${optionCount} options`,
      {
        expected: optionCount > 0 ? `an option index from 0 to ${optionCount - 1}` : 'an option index',
      },
    );
    return undefined;
  };
  const conjunction = (value: unknown, path: Path): Conjunction => {
    if (!Array.isArray(value)) {
      problems.error(path, 'a condition is a list of [option index, "Y" or "N"] pairs', {
        expected: '[[0, "Y"], [2, "N"]]',
      });
      return [];
    }
    return value.flatMap((pair, k): Literal[] => {
      if (!Array.isArray(pair) || pair.length !== 2 || (pair[1] !== 'Y' && pair[1] !== 'N')) {
        problems.error([...path, k], 'expected a pair [option index, "Y" or "N"]', { expected: '[0, "Y"]' });
        return [];
      }
      const o = optionIndex(pair[0], [...path, k, 0]);
      return o === undefined ? [] : [[o, pair[1] === 'Y']];
    });
  };
  const statement = (value: unknown, path: Path): Conjunction[] =>
    isRecord(value) && value.compound === true && Array.isArray(value.members)
      ? value.members.map((m, j) => conjunction(m, [...path, 'members', j]))
      : [conjunction(value, path)];

  const rawDms = Array.isArray(data.decisionMakers) ? data.decisionMakers : [];
  if (rawDms.length < 2)
    problems.error(['decisionMakers'], 'a conflict needs at least two decision makers', {
      expected: 'two or more decisionMakers',
    });
  const manual = data.useManualPreferenceVectors === true;
  const decisionMakers: Conflict['decisionMakers'] = [];
  const preferences: ConflictPreference[] = [];
  rawDms.forEach((raw: unknown, d: number) => {
    const dm = isRecord(raw) ? raw : {};
    const path: Path = ['decisionMakers', d];
    const owned = (Array.isArray(dm.options) ? dm.options : []).flatMap((v: unknown, k: number) => {
      const o = optionIndex(v, [...path, 'options', k]);
      if (o === undefined) return [];
      if (options[o].decisionMaker >= 0) {
        problems.error(
          [...path, 'options', k],
          `option ${o} already belongs to decision maker ${options[o].decisionMaker}`,
          {
            expected: 'each option controlled by one decision maker',
          },
        );
        return [];
      }
      options[o].decisionMaker = d;
      return [o];
    });
    decisionMakers.push({
      name: typeof dm.name === 'string' ? dm.name : `decision maker ${d}`,
      options: owned,
    });
    if (manual && Array.isArray(dm.preferenceVector)) {
      preferences.push({
        kind: 'ranking',
        ranking: dm.preferenceVector.map((entry: unknown) =>
          Array.isArray(entry) ? entry.map(Number) : [Number(entry)],
        ),
      });
    } else {
      const statements = Array.isArray(dm.preferences) ? dm.preferences : [];
      preferences.push({
        kind: 'statements',
        statements: statements.map((s: unknown, k: number) => statement(s, [...path, 'preferences', k])),
      });
    }
  });
  options.forEach((o, i) => {
    if (o.decisionMaker < 0 && optionCount <= MAX_OPTIONS) {
      problems.error(['options', i], `option ${i} ('${o.name}') belongs to no decision maker`, {
        expected: "listed in one decision maker's options",
      });
    }
  });
  const infeasible = (Array.isArray(data.infeasibles) ? data.infeasibles : []).map((p: unknown, k: number) =>
    conjunction(p, ['infeasibles', k]),
  );
  const conflict: Conflict = { options, decisionMakers, infeasible, preferences };
  if (problems.errorCount === 0) {
    checkAgainstStates(
      conflict,
      options.map((o) => o.name),
      problems,
      [],
    );
  }
  const diagnostics = sortDiagnostics(
    problems.problems.map((p) => {
      // Rankings are checked with scenario paths; map them back to the file's field names.
      const path = p.path
        .map((x) => (x === 'preferences' && p.path.includes('ranking') ? 'preferenceVector' : x))
        .filter((x) => x !== 'ranking');
      return toDiagnostic({ ...p, path }, file, read.source);
    }),
  );
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, conflict, warnings: [...read.warnings, ...diagnostics] };
}
