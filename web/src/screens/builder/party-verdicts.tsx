import { UtilityBar } from '../../app/ui/utility-bar.js';
import { type Verdict, VerdictBadge } from '../../app/ui/verdict-badge.js';
import type { WhatIfAnswer } from './builder-api.js';

type Tristate = 'yes' | 'no' | 'depends';
const BADGE: Record<Tristate, Verdict> = { yes: 'accept', no: 'reject', depends: 'open' };
const WORDS: Record<Tristate, string> = { yes: 'deal', no: 'no deal', depends: 'depends on open issues' };

/** The verdict, then each party the caller may see: utility against BATNA, red lines crossed, acceptance. */
export function PartyVerdicts({ answer }: { answer: WhatIfAnswer }) {
  const { evaluation } = answer;
  const verdict = evaluation.verdict as Tristate | undefined;
  return (
    <div className="builder-verdicts">
      <p className="builder-verdict" data-verdict={verdict ?? 'withheld'}>
        Verdict:{' '}
        {verdict ? (
          <VerdictBadge verdict={BADGE[verdict]} label={WORDS[verdict]} />
        ) : (
          <VerdictBadge verdict="withheld" label="not disclosed" />
        )}
      </p>
      {evaluation.open.length > 0 && (
        <p className="meta">
          {evaluation.open.length} issue{evaluation.open.length === 1 ? '' : 's'} open: utilities are ranges
          over their options.
        </p>
      )}
      <ul className="builder-parties">
        {evaluation.parties.map((p) => {
          const crossed = p.redLines.filter((r) => r.status !== 'respected');
          return (
            <li key={p.party} data-party={p.party} className="builder-party">
              <div className="builder-party-head">
                <strong>{p.name}</strong>
                <VerdictBadge verdict={BADGE[p.acceptable as Tristate]} />
              </div>
              <UtilityBar
                label="Utility"
                utility={[p.utility.min / 100, p.utility.max / 100]}
                batna={p.batna.estimate / 100}
              />
              {crossed.length > 0 && (
                <ul className="builder-redlines">
                  {crossed.map((r) => (
                    <li key={r.id}>
                      Red line {r.status === 'crossed' ? 'crossed' : 'may be crossed'}: {r.description}
                      {r.points.length > 0 && <span className="meta"> (by {r.points.join(', ')})</span>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {evaluation.parties.length === 0 && <p className="meta">Observers see no party's utilities.</p>}
      {'withheld' in evaluation && (
        <p className="meta">Not shown to your role: {evaluation.withheld.join('; ')}.</p>
      )}
    </div>
  );
}
