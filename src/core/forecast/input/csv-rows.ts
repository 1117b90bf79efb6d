import type { TableProblem } from './table-problem.js';

/** One field of a CSV line, with the 1-based line and column where it starts. */
export interface CsvField {
  text: string;
  line: number;
  column: number;
}

/**
 * Splits CSV text into rows of fields, each located by line and column. Strict and small: commas separate
 * fields, a field may be double-quoted ("" is a quote inside), spaces around fields are dropped, blank
 * lines and a UTF-8 byte-order mark are skipped, and a quoted field cannot span lines.
 */
export function csvRows(text: string): { rows: CsvField[][]; problems: TableProblem[] } {
  const rows: CsvField[][] = [];
  const problems: TableProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const fields: CsvField[] = [];
    let position = 0;
    for (;;) {
      while (raw[position] === ' ' || raw[position] === '\t') position++;
      const column = position + 1;
      let value = '';
      if (raw[position] === '"') {
        position++;
        let closed = false;
        while (position < raw.length) {
          if (raw[position] === '"') {
            if (raw[position + 1] === '"') {
              value += '"';
              position += 2;
              continue;
            }
            closed = true;
            position++;
            break;
          }
          value += raw[position++];
        }
        if (!closed) {
          problems.push({
            line,
            column,
            path: '',
            message: 'a quoted field is not closed on its line',
            expected: 'a closing "',
          });
          return;
        }
        while (raw[position] === ' ' || raw[position] === '\t') position++;
        if (position < raw.length && raw[position] !== ',') {
          problems.push({
            line,
            column: position + 1,
            path: '',
            message: 'text after a closing quote',
            expected: 'a comma',
          });
          return;
        }
      } else {
        const end = raw.indexOf(',', position);
        value = (end < 0 ? raw.slice(position) : raw.slice(position, end)).trim();
        position = end < 0 ? raw.length : end;
      }
      fields.push({ text: value, line, column });
      if (position >= raw.length) break;
      position++; // the comma
    }
    // Spreadsheets often pad rows with empty trailing fields.
    while (fields.length > 1 && fields[fields.length - 1].text === '') fields.pop();
    rows.push(fields);
  });
  return { rows, problems };
}

/** A finite number from a field, or a located problem. */
export function numberField(field: CsvField, path: string, problems: TableProblem[]): number | undefined {
  const value = field.text === '' ? Number.NaN : Number(field.text);
  if (!Number.isFinite(value)) {
    problems.push({
      line: field.line,
      column: field.column,
      path,
      message: field.text === '' ? 'empty field' : `'${field.text}' is not a number`,
      expected: 'a finite number',
    });
    return undefined;
  }
  return value;
}
