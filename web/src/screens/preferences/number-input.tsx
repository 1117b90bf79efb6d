import { FieldProblems, fieldId, hasProblems, problemsId } from './field-problems.js';
import type { NumberField } from './number-field.js';
import type { FieldProblem } from './validate-preferences.js';

/**
 * One estimate: its value and, when it has a stated range, low and high, and where it comes from. The inputs
 * are text so that what is typed is kept and checked, not silently dropped.
 */
export function NumberInput({
  label,
  path,
  field,
  problems,
  onChange,
  rangeLabel = 'range',
}: {
  label: string;
  path: string;
  field: NumberField;
  problems: readonly FieldProblem[];
  onChange: (field: NumberField) => void;
  rangeLabel?: string;
}) {
  const invalid = hasProblems(problems, path);
  const set = (patch: Partial<NumberField>) => onChange({ ...field, ...patch });
  const part = (name: 'estimate' | 'low' | 'high', text: string) => (
    <label className="num-part">
      <span>{text}</span>
      <input
        id={name === 'estimate' ? fieldId(path) : fieldId(`${path}.${name}`)}
        inputMode="decimal"
        value={field[name]}
        aria-label={`${label}: ${text}`}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? problemsId(path) : undefined}
        onChange={(e) => set({ [name]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="num-field">
      <legend className="visually-hidden">{label}</legend>
      <div className="num-parts">
        {part('estimate', 'estimate')}
        {field.ranged && part('low', 'low')}
        {field.ranged && part('high', 'high')}
        <label className="num-toggle">
          <input
            type="checkbox"
            checked={field.ranged}
            onChange={(e) =>
              set(
                e.target.checked
                  ? { ranged: true, low: field.low || field.estimate, high: field.high || field.estimate }
                  : { ranged: false },
              )
            }
          />
          <span>{rangeLabel}</span>
        </label>
      </div>
      <label className="num-source">
        <span>source</span>
        <input
          id={fieldId(`${path}.source`)}
          value={field.source}
          aria-label={`${label}: source of the estimate`}
          placeholder="where this estimate comes from"
          onChange={(e) => set({ source: e.target.value })}
        />
      </label>
      <FieldProblems problems={problems} path={path} />
    </fieldset>
  );
}
