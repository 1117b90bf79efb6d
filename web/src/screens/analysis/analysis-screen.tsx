import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type AnalysisOutcome, runAnalysis } from '../../api/analysis.js';
import type { JobView } from '../../api/jobs.js';
import { paths } from '../../app/paths.js';
import { useRole } from '../../app/role-context.js';
import { Button } from '../../app/ui/button.js';
import { Card } from '../../app/ui/card.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';
import { useWorkspace } from '../../app/workspace-context.js';
import './analysis.css';
import { DashboardDetails } from './dashboard-details.js';
import { SummaryCard } from './summary-card.js';
import { knownRules } from './summary-model.js';
import { UtilitySpaceCard } from './utility-space-card.js';

type Run =
  | { state: 'running'; step?: string; done?: number; total?: number }
  | { state: 'ready'; outcome: AnalysisOutcome<'analyze'> }
  | { state: 'failed'; error: unknown }
  | { state: 'cancelled' };

/** Monte Carlo draws when robustness is asked for. */
const ROBUSTNESS_SAMPLES = 300;

/**
 * The analysis dashboard: runs the analysis of the head revision (answered at once when computed before,
 * else followed as a job with its progress, cancellable), then shows the summary first and the details after.
 */
export default function AnalysisScreen() {
  const { id, detail } = useWorkspace();
  const role = useRole();
  const navigate = useNavigate();
  const [samples, setSamples] = useState(0);
  const [generation, setGeneration] = useState(0);
  const [run, setRun] = useState<Run>({ state: 'running' });
  const controller = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation restarts the run after a cancel
  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    setRun({ state: 'running' });
    const onProgress = (job: JobView) => setRun({ state: 'running', ...job.progress });
    runAnalysis(id, 'analyze', { samples, seed: 1 }, { signal: abort.signal, onProgress }).then(
      (outcome) => !abort.signal.aborted && setRun({ state: 'ready', outcome }),
      (error: unknown) => {
        if (abort.signal.aborted) setRun({ state: 'cancelled' });
        else setRun({ state: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [id, samples, generation]);

  const result = run.state === 'ready' ? run.outcome.result : undefined;
  const pick = useMemo(() => (href: string) => navigate(href), [navigate]);

  return (
    <div className="analysis-dashboard">
      <header>
        <h1>Analysis — {detail.name}</h1>
        <p className="muted">
          Signed in as {role?.membership.role ?? 'member'}
          {role?.membership.party ? ` of ${role.membership.party}` : ''}. Computed with every party’s private
          data; you see what your role and the disclosure policy allow.{' '}
          <Link to={paths.overview(id)}>Overview</Link> · <Link to={paths.builder(id)}>Package builder</Link>
        </p>
      </header>
      {run.state === 'running' && (
        <Card title="Analysing">
          <div className="progress-line" aria-live="polite">
            <span role="status">
              {run.step ? `Step: ${run.step}` : 'Starting the analysis…'}
              {run.total ? ` (${run.done ?? 0} of ${run.total})` : ''}
            </span>
            <Button variant="danger" onClick={() => controller.current?.abort()}>
              Cancel
            </Button>
          </div>
        </Card>
      )}
      {run.state === 'cancelled' && (
        <Card title="Analysis cancelled">
          <Button variant="primary" onClick={() => setGeneration((g) => g + 1)}>
            Run it again
          </Button>
        </Card>
      )}
      {run.state === 'failed' && <ErrorNotice error={run.error} title="The analysis failed" />}
      {run.state === 'ready' && result && (
        <>
          <p className="muted" aria-live="polite">
            Revision {run.outcome.revision}
            {run.outcome.cached ? ', computed earlier for this revision (cached)' : ', computed now'}.{' '}
            {samples === 0 ? (
              <Button onClick={() => setSamples(ROBUSTNESS_SAMPLES)}>
                Add robustness ({ROBUSTNESS_SAMPLES} draws)
              </Button>
            ) : null}
          </p>
          <SummaryCard result={result} known={knownRules(detail.scenario.preferences)} />
          <UtilitySpaceCard result={result} workspace={id} onPick={pick} />
          <DashboardDetails result={result} workspace={id} />
        </>
      )}
    </div>
  );
}
