import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type OutcomeSelection, parseOutcome, paths } from '../../app/paths.js';
import { Button } from '../../app/ui/button.js';
import { Card } from '../../app/ui/card.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { type NearestAnswer, postNearest, postWhatIf, type WhatIfAnswer } from './builder-api.js';
import './builder.css';
import { BuilderSummary, LoadedNotice } from './builder-summary.js';
import { EMPTY_DRAFT, hypothesisOf } from './hypothesis-draft.js';
import { groupIssues } from './issue-groups.js';
import { IssuePicker } from './issue-picker.js';
import { NearestPanel } from './nearest-panel.js';
import { type OutcomeChange, outcomeChanges } from './outcome-changes.js';
import { PartyVerdicts } from './party-verdicts.js';
import { saveVariant } from './save-variant.js';
import { StartFrom } from './start-from.js';
import { WhatIfPanel } from './what-if-panel.js';

interface Target {
  package?: string;
  outcome: OutcomeSelection;
  at?: string;
}

function targetOf(query: URLSearchParams): Target {
  const pkg = query.get('package');
  const at = query.get('at');
  return {
    ...(pkg ? { package: pkg } : {}),
    outcome: parseOutcome(query.get('outcome')),
    ...(at ? { at } : {}),
  };
}

/** The package builder: choose options, see each party's utility against its BATNA and the verdict at once. */
export default function BuilderScreen() {
  const { id, detail, reload } = useWorkspace();
  const { scenario, membership } = detail;
  const [query] = useSearchParams();
  const navigate = useNavigate();
  // The URL reflects the target; the screen's own state drives the request, so that a change does not wait
  // for the router's navigation (a transition) to reach the evaluation.
  const search = query.toString();
  const [target, setTarget] = useState<Target>(() => targetOf(query));
  const written = useRef(search);
  useEffect(() => {
    if (search === written.current) return;
    written.current = search;
    setTarget(targetOf(new URLSearchParams(search)));
  }, [search]);
  const { package: pkg, outcome, at } = target;
  const groups = useMemo(() => groupIssues(scenario), [scenario]);
  const issues = useMemo(() => groups.flatMap((g) => g.categories.flatMap((c) => c.issues)), [groups]);
  const issueTitles = useMemo(() => new Map(scenario.issues.map((i) => [i.id, i.title])), [scenario]);
  const partyNames = useMemo(() => new Map(scenario.parties.map((p) => [p.id, p.name])), [scenario]);

  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const hypothesis = hypothesisOf(draft);
  const [answer, setAnswer] = useState<WhatIfAnswer>();
  const [updates, setUpdates] = useState(0);
  const [error, setError] = useState<unknown>();
  const [loaded, setLoaded] = useState<{ title: string; changes: OutcomeChange[] }>();
  const [nearest, setNearest] = useState<{ answer?: NearestAnswer; busy: boolean; error?: string }>({
    busy: false,
  });
  const [saving, setSaving] = useState<{ busy: boolean; saved?: string; error?: unknown }>({ busy: false });

  const body = {
    ...(pkg ? { package: pkg } : {}),
    ...(Object.keys(outcome).length > 0 ? { outcome } : {}),
    ...(at ? { at } : {}),
    ...(hypothesis ? { hypothesis } : {}),
  };
  const requestKey = JSON.stringify(body);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request is keyed by its body
  useEffect(() => {
    const controller = new AbortController();
    postWhatIf(id, body, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setAnswer(result);
        setError(undefined);
        setUpdates((n) => n + 1);
      },
      (failure: unknown) => !controller.signal.aborted && setError(failure),
    );
    return () => controller.abort();
  }, [id, requestKey, detail.revision]);

  const go = (next: Target) => {
    setTarget(next);
    const url = paths.builder(id, next);
    written.current = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
    navigate(url, { replace: true });
  };
  // What the package or versions settle (points say so); pinned issues come from the URL.
  const settled = Object.fromEntries(
    (answer?.evaluation.settled ?? []).filter((s) => s.by.length > 0).map((s) => [s.issue, s.option]),
  );
  const chosen = { ...settled, ...outcome };

  const choose = (issue: string, option: string | undefined) => {
    const next = { ...outcome };
    if (option === undefined) delete next[issue];
    else next[issue] = option;
    setLoaded(undefined);
    go({ package: pkg, outcome: next, at });
  };
  const load = (assignment: OutcomeSelection, title: string) => {
    setLoaded({ title, changes: outcomeChanges(issues, chosen, assignment) });
    go({ outcome: { ...assignment }, at });
  };
  const ask = () => {
    setNearest({ busy: true });
    postNearest(id, body).then(
      (result) => setNearest({ answer: result, busy: false }),
      (failure: unknown) =>
        setNearest({ busy: false, error: failure instanceof Error ? failure.message : 'the search failed' }),
    );
  };
  const save = async () => {
    if (!hypothesis) return;
    setSaving({ busy: true });
    try {
      const saved = await saveVariant(id, detail, hypothesis);
      setSaving({ busy: false, saved });
      setDraft(EMPTY_DRAFT);
      reload();
    } catch (failure) {
      setSaving({ busy: false, error: failure });
    }
  };

  return (
    <div className="builder">
      <div className="screen-head">
        <div>
          <h1>Package builder</h1>
          <p className="meta">
            {detail.name} · revision {detail.revision}
            {at && <> · at {at}</>}
          </p>
        </div>
        <nav aria-label="Builder" className="actions">
          <Link className="btn btn-secondary" to={paths.overview(id)}>
            Overview
          </Link>
        </nav>
      </div>
      <StartFrom
        scenario={scenario}
        workspace={id}
        current={pkg}
        onPackage={(p) => go({ package: p, outcome: {}, at })}
        onOutcome={(o, title) => load(o, title)}
        onClear={() => go({ outcome: {}, at })}
      />
      {loaded && <LoadedNotice title={loaded.title} changes={loaded.changes} />}
      {answer && <BuilderSummary answer={answer} hypothesis={hypothesis !== undefined} />}
      <div className="builder-layout">
        <Card title="Options" className="builder-options">
          <IssuePicker
            groups={groups}
            chosen={chosen}
            settled={settled}
            changed={new Set(loaded?.changes.filter((c) => c.from).map((c) => c.issue) ?? [])}
            onChoose={choose}
          />
        </Card>
        <div className="builder-side">
          <Card
            title={hypothesis ? 'Who would accept (hypothesis)' : 'Who would accept'}
            className={hypothesis ? 'builder-result builder-is-hypothesis' : 'builder-result'}
          >
            <div data-updates={updates} data-testid="builder-result">
              {error !== undefined && <ErrorNotice error={error} title="Could not evaluate" />}
              {answer ? <PartyVerdicts answer={answer} /> : <p aria-live="polite">Evaluating…</p>}
            </div>
          </Card>
          <Card title="Nearest acceptable package">
            <NearestPanel
              answer={nearest.answer}
              busy={nearest.busy}
              error={nearest.error}
              hypothesis={hypothesis !== undefined}
              onAsk={ask}
              onLoad={load}
            />
          </Card>
          <Card title="What if">
            <WhatIfPanel
              parameters={answer?.parameters ?? []}
              partyNames={partyNames}
              issueTitles={issueTitles}
              draft={draft}
              onChange={setDraft}
              onReset={() => setDraft(EMPTY_DRAFT)}
              {...(membership.role !== 'observer' ? { onSave: () => void save() } : {})}
              saving={saving.busy}
              saved={saving.saved}
            />
            {saving.error !== undefined && <ErrorNotice error={saving.error} title="Not saved" />}
          </Card>
        </div>
      </div>
      <p className="meta">
        Utilities are analysts' estimates on each party's 0–100 scale, drawn here as 0–1.{' '}
        <Button onClick={() => go({ outcome: {}, at })}>Clear all choices</Button>
      </p>
    </div>
  );
}
