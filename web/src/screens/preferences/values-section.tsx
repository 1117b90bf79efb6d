import type { Issue } from '../../../../src/schema/scenario.js';
import { FieldProblems, fieldId, hasProblems } from './field-problems.js';
import { EMPTY_NUMBER } from './number-field.js';
import { NumberInput } from './number-input.js';
import type { ValuesRow } from './preferences-form.js';
import type { FieldProblem } from './validate-preferences.js';

/** The party's value (0 to 100) of each option, issue by issue; a numeric issue's value function by its points. */
export function ValuesSection({
  rows,
  issues,
  problems,
  onChange,
}: {
  rows: ValuesRow[];
  issues: readonly Issue[];
  problems: readonly FieldProblem[];
  onChange: (rows: ValuesRow[]) => void;
}) {
  const replace = (k: number, row: ValuesRow) => onChange(rows.map((r, j) => (j === k ? row : r)));
  return (
    <>
      <p className="hint">
        0 is the worst outcome of an issue for the party, 100 the best. Every option of an issue with weight
        needs a value.
      </p>
      {rows.map((row, k) => {
        const issue = issues.find((i) => i.id === row.issue);
        const path = `values.${row.issue}`;
        return (
          <details key={row.issue} className="issue-values" open={hasProblems(problems, path) || undefined}>
            <summary id={fieldId(path)}>
              {issue?.title ?? row.issue}
              {hasProblems(problems, path) && <span className="badge badge-reject">needs a fix</span>}
            </summary>
            {row.kind === 'options' ? (
              <ul className="rows">
                {row.options.map((o, j) => (
                  <li key={o.option} className="row">
                    <span className="row-title">
                      {issue?.options?.find((x) => x.id === o.option)?.label ?? o.option}
                    </span>
                    <NumberInput
                      label={`Value of ${issue?.options?.find((x) => x.id === o.option)?.label ?? o.option}`}
                      path={`${path}.${o.option}`}
                      field={o.value}
                      problems={problems}
                      onChange={(value) =>
                        replace(k, {
                          ...row,
                          options: row.options.map((x, i) => (i === j ? { ...x, value } : x)),
                        })
                      }
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <FunctionPoints row={row} path={path} problems={problems} onChange={(r) => replace(k, r)} />
            )}
            <FieldProblems problems={problems} path={path} exact />
          </details>
        );
      })}
    </>
  );
}

function FunctionPoints({
  row,
  path,
  problems,
  onChange,
}: {
  row: Extract<ValuesRow, { kind: 'function' }>;
  path: string;
  problems: readonly FieldProblem[];
  onChange: (row: ValuesRow) => void;
}) {
  const points = row.points;
  const set = (next: typeof points) => onChange({ ...row, points: next });
  return (
    <>
      <p className="hint">Points [x, value], x increasing; values between points are interpolated.</p>
      <ul className="rows">
        {points.map((p, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: points are identified by their place
          <li key={j} className="row">
            <label className="num-part">
              <span>x</span>
              <input
                id={fieldId(`${path}.piecewiseLinear[${j}][0]`)}
                inputMode="decimal"
                value={p.x}
                onChange={(e) => set(points.map((q, i) => (i === j ? { ...q, x: e.target.value } : q)))}
              />
            </label>
            <NumberInput
              label={`Value at point ${j + 1}`}
              path={`${path}.piecewiseLinear[${j}][1]`}
              field={p.value}
              problems={problems}
              onChange={(value) => set(points.map((q, i) => (i === j ? { ...q, value } : q)))}
            />
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => set(points.filter((_, i) => i !== j))}
            >
              Remove point
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => set([...points, { x: '', value: { ...EMPTY_NUMBER } }])}
      >
        Add point
      </button>
    </>
  );
}
