import { useId } from 'react';
import { Button } from '../../app/ui/button.js';
import type { WhatIfAnswer } from './builder-api.js';
import {
  type HypothesisDraft,
  isEmptyDraft,
  setBatna,
  setWeight,
  toggleRedLine,
} from './hypothesis-draft.js';

export interface WhatIfPanelProps {
  parameters: WhatIfAnswer['parameters'];
  partyNames: ReadonlyMap<string, string>;
  issueTitles: ReadonlyMap<string, string>;
  draft: HypothesisDraft;
  onChange(draft: HypothesisDraft): void;
  onReset(): void;
  /** Absent when the role may not save a variant. */
  onSave?: () => void;
  saving: boolean;
  saved?: string;
}

/**
 * Red lines to switch off, BATNAs and weights to move within their estimate ranges, the date: each change is a
 * hypothesis evaluated at once and never saved unless the user saves it as a variant.
 */
export function WhatIfPanel(props: WhatIfPanelProps) {
  const { parameters, partyNames, issueTitles, draft, onChange, onReset, onSave, saving, saved } = props;
  const dateId = useId();
  const active = !isEmptyDraft(draft);
  return (
    <div className="builder-whatif">
      {active ? (
        <p className="builder-hypothesis" role="status">
          Hypothesis — not saved. The results assume the changes below.
        </p>
      ) : (
        <p className="meta">Change a red line, a BATNA, a weight or the date to see what would follow.</p>
      )}
      <div className="field">
        <label htmlFor={dateId}>Date for dated BATNAs</label>
        <input
          id={dateId}
          type="date"
          value={draft.at ?? ''}
          onChange={(e) => onChange({ ...draft, at: e.target.value || undefined })}
        />
      </div>
      {parameters.map((p) => (
        <fieldset key={p.party} className="builder-params" data-party={p.party}>
          <legend>{partyNames.get(p.party) ?? p.party}</legend>
          {p.redLines.map((r) => {
            const off = draft.redLinesOff.some((x) => x.party === p.party && x.redLine === r.id);
            return (
              <label key={r.id} className="builder-check">
                <input
                  type="checkbox"
                  checked={!off}
                  data-redline={`${p.party}:${r.id}`}
                  onChange={() => onChange(toggleRedLine(draft, p.party, r.id))}
                />{' '}
                Red line: {r.description}
              </label>
            );
          })}
          {p.batna.low < p.batna.high && (
            <Slider
              label="BATNA"
              low={p.batna.low}
              high={p.batna.high}
              value={draft.batna[p.party] ?? p.batna.estimate}
              onChange={(v) => onChange(setBatna(draft, p.party, v))}
            />
          )}
          {p.weights
            .filter((w) => w.low < w.high)
            .map((w) => (
              <Slider
                key={w.issue}
                label={`Weight of ${issueTitles.get(w.issue) ?? w.issue}`}
                low={w.low}
                high={w.high}
                value={draft.weights[p.party]?.[w.issue] ?? w.estimate}
                onChange={(v) => onChange(setWeight(draft, p.party, w.issue, v))}
              />
            ))}
        </fieldset>
      ))}
      <div className="actions">
        <Button onClick={onReset} disabled={!active}>
          Reset
        </Button>
        {onSave && (
          <Button variant="primary" onClick={onSave} disabled={!active} busy={saving}>
            Save as variant
          </Button>
        )}
      </div>
      {saved && <p className="notice">{saved}</p>}
    </div>
  );
}

function Slider(props: {
  label: string;
  low: number;
  high: number;
  value: number;
  onChange(v: number): void;
}) {
  const id = useId();
  const step = (props.high - props.low) / 100;
  return (
    <div className="field builder-slider">
      <label htmlFor={id}>
        {props.label}: {props.value.toFixed(1)}{' '}
        <span className="meta">
          (range {props.low}–{props.high})
        </span>
      </label>
      <input
        id={id}
        type="range"
        min={props.low}
        max={props.high}
        step={step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </div>
  );
}
