import { type Verdict, VerdictBadge } from '../../app/ui/verdict-badge.js';
import type { WhatIfAnswer } from './builder-api.js';
import type { OutcomeChange } from './outcome-changes.js';

type Tristate = 'yes' | 'no' | 'depends';
const BADGE: Record<Tristate, Verdict> = { yes: 'accept', no: 'reject', depends: 'open' };

/** A one-line verdict that stays in view on a phone, where the full result sits below the options. */
export function BuilderSummary({ answer, hypothesis }: { answer: WhatIfAnswer; hypothesis: boolean }) {
  const verdict = answer.evaluation.verdict as Tristate | undefined;
  return (
    <p className="builder-summary" aria-hidden="true">
      {hypothesis && <strong>Hypothesis · </strong>}
      Verdict{' '}
      <VerdictBadge
        verdict={verdict ? BADGE[verdict] : 'withheld'}
        label={verdict === 'yes' ? 'deal' : verdict === 'no' ? 'no deal' : verdict ? 'open' : 'not disclosed'}
      />
      {answer.evaluation.parties.map((p) => (
        <span key={p.party}>
          {' '}
          · {p.name} <VerdictBadge verdict={BADGE[p.acceptable as Tristate]} />
        </span>
      ))}
    </p>
  );
}

/** What loading an answer changed: options replaced, and options chosen for issues that were open. */
export function LoadedNotice({ title, changes }: { title: string; changes: OutcomeChange[] }) {
  const replaced = changes.filter((c) => c.from);
  const chosen = changes.filter((c) => !c.from);
  return (
    <div className="notice builder-loaded" role="status">
      <strong>Loaded {title}.</strong>{' '}
      {replaced.length === 0
        ? 'No chosen option changed.'
        : `Changed: ${replaced.map((c) => `${c.title}: ${c.from} → ${c.to}`).join('; ')}.`}
      {chosen.length > 0 && (
        <details>
          <summary>
            {chosen.length} open issue{chosen.length === 1 ? '' : 's'} given an option
          </summary>
          <ul>
            {chosen.map((c) => (
              <li key={c.issue}>
                {c.title}: {c.to}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
