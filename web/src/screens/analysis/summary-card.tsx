import { Card } from '../../app/ui/card.js';
import { type Verdict, VerdictBadge } from '../../app/ui/verdict-badge.js';
import type { AnalysisResult } from './disclosure.js';
import { type KnownRules, summaryModel } from './summary-model.js';
import { Shown } from './withheld-note.js';

const VERDICT: Record<'yes' | 'no' | 'depends', Verdict> = { yes: 'accept', no: 'reject', depends: 'open' };
const VERDICT_TEXT = { yes: 'acceptable', no: 'rejected', depends: 'depends on open issues' };

/** The executive summary: is there a deal, what blocks it, what opens it, and the tabled packages' verdicts. */
export function SummaryCard({ result, known }: { result: AnalysisResult; known?: KnownRules }) {
  const summary = summaryModel(result, known);
  return (
    <Card title="Summary" className="dashboard-summary">
      <Shown part={summary.deal}>
        {(deal) => (
          <p className={deal.exists ? 'deal-yes' : 'deal-no'}>
            <strong>{deal.headline}</strong>
          </p>
        )}
      </Shown>
      <h3>What blocks it</h3>
      <Shown part={summary.blockers}>
        {(blockers) =>
          blockers.kind === 'own' ? (
            <>
              <p>Your red lines and BATNA that take part in a conflict:</p>
              <ul className="conflicts">
                {blockers.conflicts.map((c) => (
                  <li key={c.rules[0]?.id ?? c.text}>
                    <strong>{c.rules[0]?.id}</strong>
                    {c.rules[0]?.description ? `: “${c.rules[0].description}”` : ''}
                  </li>
                ))}
              </ul>
              {blockers.note && <p className="muted">{blockers.note}</p>}
            </>
          ) : blockers.conflicts.length === 0 ? (
            <p>Nothing: no set of red lines and BATNAs conflicts.</p>
          ) : (
            <>
              <p>
                {blockers.conflicts.length} minimal conflicting set
                {blockers.conflicts.length === 1 ? '' : 's'} of red lines and BATNAs
                {blockers.complete ? '' : ' (the search may not have listed every one)'}:
              </p>
              <ol className="conflicts">
                {blockers.conflicts.map((c) => (
                  <li key={c.text}>
                    <strong>{c.text}</strong>
                    {c.issues.length > 0 && <span className="muted"> — on {c.issues.join(', ')}</span>}
                    <ul>
                      {c.rules
                        .filter((r) => r.description)
                        .map((r) => (
                          <li key={r.id}>
                            {r.label}: “{r.description}”
                          </li>
                        ))}
                    </ul>
                  </li>
                ))}
              </ol>
              {blockers.note && <p className="muted">{blockers.note}</p>}
            </>
          )
        }
      </Shown>
      <h3>What opens it</h3>
      <Shown part={summary.opening}>
        {(opening) =>
          opening ? (
            <>
              <p>
                Smallest relaxation: drop <strong>{opening.rules.map((r) => r.label).join(' and ')}</strong>
                {opening.rules[0]?.description
                  ? ` (“${opening.rules[0].description.replace(/\.$/, '')}”)`
                  : ''}
                .
              </p>
              {opening.alternatives.length > 1 && (
                <p>Other smallest ways: {opening.alternatives.map((a) => a.join(' and ')).join('; ')}.</p>
              )}
              {opening.note && <p className="muted">{opening.note}</p>}
            </>
          ) : (
            <p>No relaxation is needed or none was found.</p>
          )
        }
      </Shown>
      <h3>Tabled packages</h3>
      <ul className="plain">
        {summary.packages.map((p) => (
          <li key={p.id}>
            {p.label}:{' '}
            <Shown part={p.verdict} inline>
              {(v) => <VerdictBadge verdict={VERDICT[v]} label={VERDICT_TEXT[v]} />}
            </Shown>
            {p.own && (
              <span>
                {' '}
                your party:{' '}
                <VerdictBadge verdict={VERDICT[p.own.acceptable]} label={VERDICT_TEXT[p.own.acceptable]} />{' '}
                <span className="muted">
                  (utility{' '}
                  {p.own.min === p.own.max
                    ? p.own.min.toFixed(1)
                    : `${p.own.min.toFixed(1)}–${p.own.max.toFixed(1)}`}
                  )
                </span>
              </span>
            )}
            {p.rejectedBy.disclosed && p.rejectedBy.value.length > 0 && (
              <span className="muted"> rejected by {p.rejectedBy.value.join(', ')}</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
