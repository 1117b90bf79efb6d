import { FieldProblems, fieldId } from './field-problems.js';
import { EMPTY_NUMBER } from './number-field.js';
import { NumberInput } from './number-input.js';
import type { BatnaForm } from './preferences-form.js';
import type { FieldProblem } from './validate-preferences.js';

/** The BATNA: one estimate, or a dated series read at the analysis date. */
export function BatnaSection({
  batna,
  problems,
  onChange,
}: {
  batna: BatnaForm;
  problems: readonly FieldProblem[];
  onChange: (batna: BatnaForm) => void;
}) {
  const toSeries = (): BatnaForm => ({
    kind: 'series',
    interpolation: 'step',
    source: '',
    points: [{ date: '', value: batna.kind === 'constant' ? batna.value : { ...EMPTY_NUMBER }, note: '' }],
  });
  const toConstant = (): BatnaForm => ({
    kind: 'constant',
    value: batna.kind === 'series' ? (batna.points.at(-1)?.value ?? { ...EMPTY_NUMBER }) : batna.value,
  });
  return (
    <>
      <p className="hint">
        The utility of no agreement, 0 to 100; a deal is acceptable only if it reaches the BATNA.
      </p>
      <div className="field">
        <label htmlFor={fieldId('batna.kind')}>Form</label>
        <select
          id={fieldId('batna.kind')}
          value={batna.kind}
          onChange={(e) => onChange(e.target.value === 'series' ? toSeries() : toConstant())}
        >
          <option value="constant">one value</option>
          <option value="series">a dated series</option>
        </select>
      </div>
      {batna.kind === 'constant' ? (
        <NumberInput
          label="BATNA"
          path="batna"
          field={batna.value}
          problems={problems}
          onChange={(value) => onChange({ ...batna, value })}
        />
      ) : (
        <Series batna={batna} problems={problems} onChange={onChange} />
      )}
    </>
  );
}

function Series({
  batna,
  problems,
  onChange,
}: {
  batna: Extract<BatnaForm, { kind: 'series' }>;
  problems: readonly FieldProblem[];
  onChange: (batna: BatnaForm) => void;
}) {
  const points = batna.points;
  const set = (next: typeof points) => onChange({ ...batna, points: next });
  return (
    <>
      <div className="field">
        <label htmlFor={fieldId('batna.interpolation')}>Between dates</label>
        <select
          id={fieldId('batna.interpolation')}
          value={batna.interpolation}
          onChange={(e) => onChange({ ...batna, interpolation: e.target.value as 'step' | 'linear' })}
        >
          <option value="step">the latest value holds (step)</option>
          <option value="linear">interpolate (linear)</option>
        </select>
      </div>
      <ul className="rows">
        {points.map((p, j) => {
          const path = `batna.series[${j}]`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries are identified by their place
            <li key={j} className="row batna-point">
              <div className="field">
                <label htmlFor={fieldId(`${path}.date`)}>Date {j + 1} (YYYY-MM-DD)</label>
                <input
                  id={fieldId(`${path}.date`)}
                  value={p.date}
                  placeholder="YYYY-MM-DD"
                  onChange={(e) => set(points.map((q, i) => (i === j ? { ...q, date: e.target.value } : q)))}
                />
                <FieldProblems problems={problems} path={`${path}.date`} />
              </div>
              <NumberInput
                label={`BATNA from date ${j + 1}`}
                path={`${path}.value`}
                field={p.value}
                problems={problems}
                onChange={(value) => set(points.map((q, i) => (i === j ? { ...q, value } : q)))}
              />
              <div className="field">
                <label htmlFor={fieldId(`${path}.note`)}>Why it changes</label>
                <input
                  id={fieldId(`${path}.note`)}
                  value={p.note}
                  onChange={(e) => set(points.map((q, i) => (i === j ? { ...q, note: e.target.value } : q)))}
                />
              </div>
              <FieldProblems problems={problems} path={path} exact />
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => set(points.filter((_, i) => i !== j))}
              >
                Remove date {j + 1}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => set([...points, { date: '', value: { ...EMPTY_NUMBER }, note: '' }])}
      >
        Add a date
      </button>
      <div className="field">
        <label htmlFor={fieldId('batna.source')}>Source of the series</label>
        <input
          id={fieldId('batna.source')}
          value={batna.source}
          onChange={(e) => onChange({ ...batna, source: e.target.value })}
        />
      </div>
      <FieldProblems problems={problems} path="batna" exact />
      <FieldProblems problems={problems} path="batna.series" exact />
    </>
  );
}
