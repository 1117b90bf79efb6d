import { describe, expect, it } from 'vitest';
import { csvRows } from '../../../../src/core/forecast/input/csv-rows.js';
import { readActorCsv } from '../../../../src/core/forecast/input/read-actor-csv.js';
import { readKtabCsv } from '../../../../src/core/forecast/input/read-ktab-csv.js';

const KTAB = `Harbour,Three actors on two issues,3,2
Actor,Description,Power,Dredging,Sal1,Tolls,Sal2
Port,Port authority,100,80,50,20,30
City,City council,60,30,40,70,40
"Shippers, Ltd",Shipping lines,40,50,20,10,70
`;

describe('KTAB actor tables', () => {
  it('reads names, dimensions, capabilities, positions and saliences (divided by 100)', () => {
    const read = readKtabCsv(KTAB);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.table.name).toBe('Harbour');
    expect(read.table.dimensions.map((d) => [d.id, d.min, d.max])).toEqual([
      ['Dredging', 0, 100],
      ['Tolls', 0, 100],
    ]);
    expect(read.table.actors[2]).toEqual({
      id: 'Shippers, Ltd',
      name: 'Shippers, Ltd',
      capability: 40,
      positions: [50, 10],
      saliences: [0.2, 0.7],
    });
  });

  it('rejects saliences that sum above 100, at the line and column of the first salience', () => {
    const read = readKtabCsv(
      KTAB.replace('City,City council,60,30,40,70,40', 'City,City council,60,30,60,70,50'),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ line: 4, column: 25, path: 'actors[1].salience' });
    expect(read.problems[0].message).toContain('sum to 110, above 100');
  });

  it('rejects a position outside [0, 100] and a non-number, each located', () => {
    const read = readKtabCsv(
      KTAB.replace('Port,Port authority,100,80', 'Port,Port authority,1e9,180').replace(',10,70', ',ten,70'),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.line, p.column, p.path])).toEqual([
      [3, 21, 'actors[0].power'],
      [3, 25, 'actors[0].position[0]'],
      [5, 41, 'actors[2].position[1]'],
    ]);
  });

  it('checks the announced counts against the header and the actor lines', () => {
    const wrongDims = readKtabCsv(KTAB.replace('3,2', '3,3'));
    expect(wrongDims.ok === false && wrongDims.problems[0].message).toContain('3 dimensions need 9');
    const wrongActors = readKtabCsv(KTAB.replace('3,2', '4,2'));
    expect(wrongActors.ok === false && wrongActors.problems[0].message).toContain(
      'announces 4 actors, but 3',
    );
  });

  it('rejects an unclosed quote as malformed CSV, with its position', () => {
    const { problems } = csvRows('a,b\n"open,c\n');
    expect(problems).toEqual([
      {
        line: 2,
        column: 1,
        path: '',
        message: 'a quoted field is not closed on its line',
        expected: 'a closing "',
      },
    ]);
  });
});

describe('plain actor tables', () => {
  const PLAIN = 'actor,capability,position,salience\nA,0.5,4,80\nB,0.3,10,40\n';

  it('reads one dimension on the declared scale', () => {
    const read = readActorCsv(PLAIN, { scale: { min: 4, max: 10 }, name: 'eu' });
    if (!read.ok) throw new Error('unexpected');
    expect(read.table.dimensions).toEqual([{ id: 'eu', title: 'eu', min: 4, max: 10 }]);
    expect(read.table.actors[1]).toEqual({
      id: 'B',
      name: 'B',
      capability: 0.3,
      positions: [10],
      saliences: [0.4],
    });
  });

  it('rejects a position outside the scale and suggests a scale that holds it', () => {
    const read = readActorCsv(PLAIN, { scale: { min: 0, max: 5 }, name: 'eu' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]).toMatchObject({
      line: 3,
      column: 7,
      path: 'actors[1].position',
      suggestion: '--scale 0..10',
    });
  });

  it('rejects a wrong header, a short row, a duplicate actor and a salience above 100', () => {
    const header = readActorCsv('name,power\nA,1\n', { scale: { min: 0, max: 100 }, name: 'x' });
    expect(header.ok === false && header.problems[0].expected).toBe('actor,capability,position,salience');
    const rows = readActorCsv(`${PLAIN}C,1,5\nA,1,5,120\n`, { scale: { min: 0, max: 100 }, name: 'x' });
    expect(rows.ok).toBe(false);
    if (rows.ok) return;
    expect(rows.problems.map((p) => [p.line, p.path])).toEqual([
      [4, 'actors[2]'],
      [5, 'actors[3].actor'],
      [5, 'actors[3].salience'],
    ]);
  });
});
