import { Button } from '../../app/ui/button.js';
import type { NearestAnswer } from './builder-api.js';

type Kind = 'fewestChanges' | 'leastLoss' | 'improvement';

interface Candidate {
  kind: Kind;
  title: string;
  assignment: Record<string, string>;
  detail: string;
}

/** The three answers in one shape (mediator's full result or a party's view). */
function candidates(answer: NearestAnswer): {
  list: Candidate[];
  proven: boolean;
  possible?: boolean;
  why: string[];
} {
  const full = 'nearest' in answer;
  const fewest = full ? answer.nearest.fewestChanges : answer.fewestChanges;
  const least = full ? answer.nearest.leastLoss : answer.leastLoss;
  const pick = (a: {
    outcome?: { assignment: Record<string, string> };
    assignment?: Record<string, string>;
  }) => a.outcome?.assignment ?? a.assignment ?? {};
  const list: Candidate[] = [];
  const first = fewest?.alternatives[0];
  if (fewest && first) {
    list.push({
      kind: 'fewestChanges',
      title: 'Nearest acceptable: fewest changes',
      assignment: pick(first),
      detail: `${fewest.value} change${fewest.value === 1 ? '' : 's'}${fewest.count !== undefined ? `, ${fewest.count} equally near` : ''}`,
    });
  }
  const leastFirst = least?.alternatives[0];
  if (least && leastFirst) {
    list.push({
      kind: 'leastLoss',
      title: 'Nearest acceptable: least loss',
      assignment: pick(leastFirst),
      detail: `${leastFirst.changes.length} change${leastFirst.changes.length === 1 ? '' : 's'}${least.value !== undefined ? `, total loss ${least.value.toFixed(1)}` : ''}`,
    });
  }
  const improvement = answer.improvement;
  const best = improvement?.best[0];
  if (improvement && best) {
    list.push({
      kind: 'improvement',
      title: 'Pareto improvement',
      assignment: 'outcome' in best ? best.outcome.assignment : best.assignment,
      detail:
        'totalGain' in best ? `total gain ${best.totalGain.toFixed(1)}` : 'every party at least as well off',
    });
  }
  const proven = [fewest?.proven, least?.proven].every((p) => p !== false);
  const possible = full ? answer.nearest.possible : answer.possible;
  const why = full ? (answer.whyNone?.subsets ?? []).map((s) => s.text) : (answer.whyNone ?? []);
  return { list, proven, possible, why };
}

export interface NearestPanelProps {
  answer: NearestAnswer | undefined;
  busy: boolean;
  error?: string;
  hypothesis: boolean;
  onAsk(): void;
  onLoad(assignment: Record<string, string>, title: string): void;
}

/** One click asks for the nearest acceptable package and a Pareto improvement; each loads into the builder. */
export function NearestPanel({ answer, busy, error, hypothesis, onAsk, onLoad }: NearestPanelProps) {
  const found = answer ? candidates(answer) : undefined;
  return (
    <div className="builder-nearest" aria-live="polite">
      <Button variant="primary" busy={busy} onClick={onAsk}>
        {busy ? 'Searching…' : 'Find the nearest acceptable package'}
      </Button>
      {hypothesis && <p className="meta">Searched under the hypothesis.</p>}
      {error && <p className="notice notice-error">{error}</p>}
      {found && (
        <>
          {found.possible === false && (
            <p className="notice">
              No outcome is acceptable to every signatory.
              {found.why.length > 0 && <> The constraints in conflict: {found.why.join('; ')}.</>}
            </p>
          )}
          {found.list.length === 0 && found.possible !== false && (
            <p className="meta">
              Nothing to show to your role:{' '}
              {answer && 'withheld' in answer ? answer.withheld.join('; ') : 'no answer'}.
            </p>
          )}
          <ul className="builder-candidates">
            {found.list.map((c) => (
              <li key={c.kind} data-candidate={c.kind}>
                <div>
                  <strong>{c.title}</strong>
                  <span className="meta"> · {c.detail}</span>
                </div>
                <Button onClick={() => onLoad(c.assignment, c.title)}>Load into the builder</Button>
              </li>
            ))}
          </ul>
          {!found.proven && (
            <p className="meta">Not proven optimal: the exact search stopped at its time limit.</p>
          )}
        </>
      )}
    </div>
  );
}
