import { useState } from 'react';
import { Button } from '../../app/ui/button.js';
import {
  type Choice,
  type ConflictField,
  changedFields,
  fieldLabel,
  mergeFields,
  takeSide,
} from './edit-conflict.js';
import type { PreferencesDraft } from './preferences-form.js';
import { sameValue } from './same-value.js';

const shown = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

/**
 * Someone saved these preferences after this edit began. Field by field: what each side has, which merge by
 * themselves, and a choice where both changed the same field. The result goes back into the form, to be checked
 * and saved on the newer revision.
 */
export function ConflictView({
  fields,
  revision,
  onResolve,
}: {
  fields: readonly ConflictField[];
  revision: number;
  onResolve: (draft: PreferencesDraft) => void;
}) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const changed = changedFields(fields);
  const conflicting = changed.filter((f) => f.conflicting).length;
  return (
    <section className="card conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Someone saved these preferences first (revision {revision})</h2>
      <p>
        Your edit is kept below, next to what is saved now. {changed.length} field(s) differ;{' '}
        {conflicting === 0
          ? 'none was changed on both sides, so merging keeps every change.'
          : `${conflicting} changed on both sides: choose which to keep.`}
      </p>
      <table className="table conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Yours</th>
            <th scope="col">Saved now</th>
            <th scope="col">Merge takes</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((f) => (
            <tr key={f.key}>
              <th scope="row">{fieldLabel(f.key)}</th>
              <td>
                <code>{shown(f.mine)}</code>
              </td>
              <td>
                <code>{shown(f.theirs)}</code>
              </td>
              <td>
                {f.conflicting ? (
                  <fieldset className="choice">
                    <legend className="visually-hidden">Keep which {fieldLabel(f.key)}</legend>
                    {(['mine', 'theirs'] as const).map((side) => (
                      <label key={side} className="check">
                        <input
                          type="radio"
                          name={f.key}
                          checked={(choices[f.key] ?? 'mine') === side}
                          onChange={() => setChoices({ ...choices, [f.key]: side })}
                        />
                        <span>{side === 'mine' ? 'yours' : 'saved'}</span>
                      </label>
                    ))}
                  </fieldset>
                ) : sameValue(f.mine, f.base) ? (
                  'saved (only they changed it)'
                ) : (
                  'yours (only you changed it)'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <Button variant="primary" onClick={() => onResolve(mergeFields(fields, choices, 'mine'))}>
          Merge
        </Button>
        <Button onClick={() => onResolve(takeSide(fields, 'mine'))}>Keep mine</Button>
        <Button onClick={() => onResolve(takeSide(fields, 'theirs'))}>Take theirs</Button>
      </div>
    </section>
  );
}
