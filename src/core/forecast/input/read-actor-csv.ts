import type { ActorTable, ForecastActor } from '../../../schema/forecast.js';
import { csvRows, numberField } from './csv-rows.js';
import type { TableRead } from './table-problem.js';

/** Keeps sums of capability × salience and their products in the models far from overflow. */
const MAX_CAPABILITY = 1e12;

export const PLAIN_HEADER = ['actor', 'capability', 'position', 'salience'] as const;

export interface PlainCsvOptions {
  /** The dimension's scale; positions must lie on it. */
  scale: { min: number; max: number };
  /** Name of the table and of its one dimension. */
  name: string;
}

/**
 * Reads a one-dimension actor table with the header `actor,capability,position,salience`: capability
 * >= 0, position on the declared scale, salience from 0 to 100 (divided by 100).
 */
export function readActorCsv(text: string, options: PlainCsvOptions): TableRead {
  const { rows, problems } = csvRows(text);
  if (problems.length > 0) return { ok: false, problems };
  const [header, ...body] = rows;
  const names = header?.map((f) => f.text.toLowerCase()) ?? [];
  if (names.length !== 4 || names.some((n, k) => n !== PLAIN_HEADER[k])) {
    return {
      ok: false,
      problems: [
        {
          line: header?.[0]?.line ?? 1,
          column: 1,
          path: 'header',
          message: `the header is '${header?.map((f) => f.text).join(',') ?? ''}'`,
          expected: PLAIN_HEADER.join(','),
        },
      ],
    };
  }
  const { min, max } = options.scale;
  const actors: ForecastActor[] = [];
  const ids = new Map<string, number>();
  body.forEach((row, a) => {
    const path = `actors[${a}]`;
    if (row.length !== 4) {
      problems.push({
        line: row[0].line,
        column: row[row.length - 1].column,
        path,
        message: `${row.length} fields where the header has 4`,
        expected: 'actor,capability,position,salience',
      });
      return;
    }
    const name = row[0].text;
    if (name === '')
      problems.push({
        line: row[0].line,
        column: row[0].column,
        path: `${path}.actor`,
        message: 'empty actor name',
        expected: 'a name',
      });
    const earlier = ids.get(name);
    if (earlier !== undefined) {
      problems.push({
        line: row[0].line,
        column: row[0].column,
        path: `${path}.actor`,
        message: `actor '${name}' already appears on line ${earlier}`,
        expected: 'one line per actor',
      });
    }
    ids.set(name, row[0].line);
    const capability = numberField(row[1], `${path}.capability`, problems);
    const position = numberField(row[2], `${path}.position`, problems);
    const salience = numberField(row[3], `${path}.salience`, problems);
    if (capability !== undefined && (capability < 0 || capability > MAX_CAPABILITY)) {
      problems.push({
        line: row[1].line,
        column: row[1].column,
        path: `${path}.capability`,
        message: `capability ${capability} is ${capability < 0 ? 'negative' : 'above 1e12'}`,
        expected: 'a capability from 0 to 1e12 (only ratios between actors matter)',
      });
    }
    if (position !== undefined && (position < min || position > max)) {
      problems.push({
        line: row[2].line,
        column: row[2].column,
        path: `${path}.position`,
        message: `position ${position} is outside the scale [${min}, ${max}]`,
        expected: `a position from ${min} to ${max}`,
        suggestion: `--scale ${Math.min(min, position)}..${Math.max(max, position)}`,
      });
    }
    if (salience !== undefined && (salience < 0 || salience > 100)) {
      problems.push({
        line: row[3].line,
        column: row[3].column,
        path: `${path}.salience`,
        message: `salience ${salience} is outside [0, 100]`,
        expected: 'a salience from 0 to 100',
      });
    }
    actors.push({
      id: name,
      name,
      capability: capability ?? 0,
      positions: [position ?? min],
      saliences: [(salience ?? 0) / 100],
    });
  });
  if (body.length === 0)
    problems.push({
      line: header[0].line,
      path: 'actors',
      message: 'no actors after the header',
      expected: 'one line per actor',
    });
  if (problems.length > 0) return { ok: false, problems };
  const table: ActorTable = {
    name: options.name,
    dimensions: [{ id: options.name, title: options.name, min, max }],
    actors,
    notes: [`Positions on the scale [${min}, ${max}]; saliences divided by 100.`],
  };
  return { ok: true, table };
}
