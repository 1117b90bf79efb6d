import type { Issue } from '../../../../src/schema/scenario.js';
import { FieldProblems, fieldId } from './field-problems.js';
import type { RedLineRow } from './preferences-form.js';
import { RuleEditor } from './rule-editor.js';
import { leafFor } from './rule-model.js';
import type { FieldProblem } from './validate-preferences.js';

/** Red lines: what the party rejects whatever its utility, each a rule over issues and options. */
export function RedLinesSection({
  rows,
  issues,
  problems,
  onChange,
}: {
  rows: RedLineRow[];
  issues: readonly Issue[];
  problems: readonly FieldProblem[];
  onChange: (rows: RedLineRow[]) => void;
}) {
  const set = (k: number, patch: Partial<RedLineRow>) =>
    onChange(rows.map((r, j) => (j === k ? { ...r, ...patch } : r)));
  const fresh = (): RedLineRow => ({
    id: `red-line-${rows.length + 1}`,
    description: '',
    source: '',
    mode: 'crossedWhen',
    rule: leafFor(issues[0]),
  });
  return (
    <>
      {rows.map((row, k) => {
        const path = `redLines[${k}]`;
        const text = (key: 'id' | 'description' | 'source', label: string) => (
          <div className="field">
            <label htmlFor={fieldId(`${path}.${key}`)}>{label}</label>
            <input
              id={fieldId(`${path}.${key}`)}
              value={row[key]}
              onChange={(e) => set(k, { [key]: e.target.value })}
            />
            <FieldProblems problems={problems} path={`${path}.${key}`} />
          </div>
        );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a red line's id is being edited; its place identifies it
          <fieldset key={k} className="red-line" id={fieldId(path)}>
            <legend>Red line {k + 1}</legend>
            {text('id', 'Id')}
            {text('description', 'What the party will not accept')}
            {text('source', 'Source')}
            <div className="field">
              <label htmlFor={fieldId(`${path}.mode`)}>Crossed</label>
              <select
                id={fieldId(`${path}.mode`)}
                value={row.mode}
                onChange={(e) => set(k, { mode: e.target.value as RedLineRow['mode'] })}
              >
                <option value="crossedWhen">when this holds</option>
                <option value="requires">unless this holds</option>
              </select>
            </div>
            <RuleEditor
              rule={row.rule}
              path={`${path}.${row.mode}`}
              label={`Red line ${k + 1} rule`}
              issues={issues}
              problems={problems}
              onChange={(rule) => set(k, { rule })}
            />
            <FieldProblems problems={problems} path={path} exact />
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => onChange(rows.filter((_, j) => j !== k))}
            >
              Remove red line {k + 1}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="btn btn-secondary" onClick={() => onChange([...rows, fresh()])}>
        Add a red line
      </button>
    </>
  );
}
