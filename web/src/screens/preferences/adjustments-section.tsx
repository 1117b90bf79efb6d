import type { Issue } from '../../../../src/schema/scenario.js';
import { NumberInput } from './number-input.js';
import type { AdjustmentRow } from './preferences-form.js';
import { RuleEditor } from './rule-editor.js';
import type { FieldProblem } from './validate-preferences.js';

/** Interactions between issues: utility points added when a rule holds. */
export function AdjustmentsSection({
  rows,
  issues,
  problems,
  onChange,
}: {
  rows: AdjustmentRow[];
  issues: readonly Issue[];
  problems: readonly FieldProblem[];
  onChange: (rows: AdjustmentRow[]) => void;
}) {
  const set = (k: number, patch: Partial<AdjustmentRow>) =>
    onChange(rows.map((r, j) => (j === k ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((row, k) => (
        <fieldset key={row.id} className="red-line adjustment">
          <legend>{row.description}</legend>
          <NumberInput
            label={`Points added by ${row.id}`}
            path={`adjustments[${k}].delta`}
            field={row.delta}
            problems={problems}
            onChange={(delta) => set(k, { delta })}
          />
          <RuleEditor
            rule={row.when}
            path={`adjustments[${k}].when`}
            label={`Adjustment ${row.id} applies when`}
            issues={issues}
            problems={problems}
            onChange={(when) => set(k, { when })}
          />
        </fieldset>
      ))}
    </>
  );
}
