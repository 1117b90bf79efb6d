import type { ActorTable, ForecastActor } from '../../../schema/forecast.js';
import { type CsvField, csvRows, numberField } from './csv-rows.js';
import type { TableProblem, TableRead } from './table-problem.js';

/** KTAB's bound on capability ("Power"). */
const MAX_CAPABILITY = 1e8;

/** Tolerance on KTAB's "saliences sum to at most 100" (files are written with two decimals). */
const SALIENCE_SUM_TOLERANCE = 1e-9;

/**
 * Reads KTAB's SMP actor table: line 1 `name, description, number of actors, number of dimensions`;
 * line 2 `Actor, Description, Power, <dimension 1>, <salience 1>, …`; then one line per actor. Positions
 * lie in [0, 100], saliences in [0, 100] with at most 100 per actor across dimensions, capability in
 * (0, 1e8]. Every dimension gets the scale [0, 100]; saliences are divided by 100.
 */
export function readKtabCsv(text: string): TableRead {
  const { rows, problems } = csvRows(text);
  if (problems.length > 0) return { ok: false, problems };
  const [head, header, ...body] = rows;
  const fail = (p: TableProblem): TableRead => ({ ok: false, problems: [p] });
  if (!head || head.length < 4) {
    return fail({
      line: head?.[0]?.line ?? 1,
      path: '',
      message: 'the first line must be: name, description, number of actors, number of dimensions',
      expected: 'four fields',
    });
  }
  const count = (field: CsvField, what: string) => {
    const n = Number(field.text);
    if (!Number.isInteger(n) || n < 1) {
      problems.push({
        line: field.line,
        column: field.column,
        path: what,
        message: `'${field.text}' is not a positive whole number`,
        expected: `the ${what.replace(/([A-Z])/g, ' $1').toLowerCase()}`,
      });
      return undefined;
    }
    return n;
  };
  const actorCount = count(head[2], 'numberOfActors');
  const dimensionCount = count(head[3], 'numberOfDimensions');
  if (actorCount === undefined || dimensionCount === undefined) return { ok: false, problems };
  const columns = 3 + 2 * dimensionCount;
  if (!header || header.length !== columns) {
    return fail({
      line: header?.[0]?.line ?? head[0].line + 1,
      path: 'header',
      message: `the header has ${header?.length ?? 0} fields, but ${dimensionCount} dimensions need ${columns}`,
      expected: 'Actor, Description, Power, then a position and a salience column per dimension',
    });
  }
  if (body.length !== actorCount) {
    problems.push({
      line: (body[body.length - 1] ?? header)[0].line,
      path: 'actors',
      message: `line 1 announces ${actorCount} actors, but ${body.length} actor lines follow`,
      expected: `${actorCount} actor lines`,
    });
  }
  const dimensions = Array.from({ length: dimensionCount }, (_, k) => {
    const name = header[3 + 2 * k].text || `Dimension ${k + 1}`;
    return { id: name, title: name, min: 0, max: 100 };
  });
  const actors: ForecastActor[] = [];
  body.forEach((row, a) => {
    const path = `actors[${a}]`;
    if (row.length !== columns) {
      problems.push({
        line: row[0].line,
        column: row[row.length - 1].column,
        path,
        message: `${row.length} fields where the header has ${columns}`,
        expected: `${columns} fields`,
      });
      return;
    }
    const capability = numberField(row[2], `${path}.power`, problems);
    if (capability !== undefined && !(capability > 0 && capability <= MAX_CAPABILITY)) {
      problems.push({
        line: row[2].line,
        column: row[2].column,
        path: `${path}.power`,
        message: `power ${capability} is outside (0, 1e8]`,
        expected: 'a number above 0 and at most 100,000,000',
      });
    }
    const positions: number[] = [];
    const saliences: number[] = [];
    let salienceSum = 0;
    for (let k = 0; k < dimensionCount; k++) {
      const p = numberField(row[3 + 2 * k], `${path}.position[${k}]`, problems);
      const s = numberField(row[4 + 2 * k], `${path}.salience[${k}]`, problems);
      if (p !== undefined && (p < 0 || p > 100)) {
        const f = row[3 + 2 * k];
        problems.push({
          line: f.line,
          column: f.column,
          path: `${path}.position[${k}]`,
          message: `position ${p} is outside the scale [0, 100]`,
          expected: 'a position from 0 to 100',
        });
      }
      if (s !== undefined && (s < 0 || s > 100)) {
        const f = row[4 + 2 * k];
        problems.push({
          line: f.line,
          column: f.column,
          path: `${path}.salience[${k}]`,
          message: `salience ${s} is outside [0, 100]`,
          expected: 'a salience from 0 to 100',
        });
      }
      positions.push(p ?? 0);
      saliences.push((s ?? 0) / 100);
      salienceSum += s ?? 0;
    }
    if (salienceSum > 100 + SALIENCE_SUM_TOLERANCE) {
      problems.push({
        line: row[4].line,
        column: row[4].column,
        path: `${path}.salience`,
        message: `the saliences of '${row[0].text}' sum to ${Number(salienceSum.toFixed(6))}, above 100`,
        expected:
          "saliences that sum to at most 100 across the dimensions (KTAB's rule: the sum is the chance the actor resists)",
      });
    }
    actors.push({ id: row[0].text, name: row[0].text, capability: capability ?? 0, positions, saliences });
  });
  if (problems.length > 0) return { ok: false, problems };
  const table: ActorTable = {
    name: head[0].text,
    description: head[1].text || undefined,
    dimensions,
    actors,
    notes: ['KTAB actor table: positions on [0, 100]; saliences divided by 100.'],
  };
  return { ok: true, table };
}
