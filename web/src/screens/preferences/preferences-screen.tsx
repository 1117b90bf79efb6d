import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Scenario } from '../../../../src/schema/scenario.js';
import { ApiRequestError, ConflictError } from '../../api/errors.js';
import { getWorkspace } from '../../api/workspaces.js';
import { paths } from '../../app/paths.js';
import { editableParties } from '../../app/role-context.js';
import { Button } from '../../app/ui/button.js';
import { Card } from '../../app/ui/card.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { AdjustmentsSection } from './adjustments-section.js';
import { BatnaSection } from './batna-section.js';
import { ConflictView } from './conflict-view.js';
import { type ConflictField, conflictFields } from './edit-conflict.js';
import { FieldProblems, fieldId, ProblemSummary } from './field-problems.js';
import { PackageVerdicts } from './package-verdicts.js';
import { savePreferences } from './preferences-api.js';
import {
  draftFromForm,
  draftOf,
  formFromPreferences,
  type PreferencesDraft,
  type PreferencesForm,
} from './preferences-form.js';
import { RedLinesSection } from './red-lines-section.js';
import { sameValue } from './same-value.js';
import { type FieldProblem, problemsFromServer, validatePreferences } from './validate-preferences.js';
import { ValuesSection } from './values-section.js';
import { WeightsSection } from './weights-section.js';
import './preferences.css';

/** A party's confidential preferences, for its delegate or the mediator: edit, check, save as a revision. */
export default function PreferencesScreen() {
  const { id, detail } = useWorkspace();
  const { party = '' } = useParams();
  const { scenario, membership } = detail;
  const info = scenario.parties.find((p) => p.id === party);
  const own = scenario.preferences.find((p) => p.party === party);
  const back = (
    <p>
      <Link to={paths.overview(id)}>Back to the overview</Link>
    </p>
  );
  if (!info || !own || !editableParties(membership, [party]).includes(party)) {
    return (
      <>
        <h1>Preferences</h1>
        <div className="notice notice-error" role="alert">
          {!info
            ? `There is no party '${party}' in this workspace.`
            : "You may not see or edit this party's preferences: a delegate edits only its own party's, and observers none."}
        </div>
        {back}
      </>
    );
  }
  return <Editor key={detail.revision} party={party} partyName={info.name} scenario={scenario} />;
}

interface Base {
  draft: PreferencesDraft;
  revision: number;
  view: Scenario;
}

function Editor({ party, partyName, scenario }: { party: string; partyName: string; scenario: Scenario }) {
  const { id, detail, reload } = useWorkspace();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const initial = useMemo(
    () => draftOf(scenario.preferences.find((p) => p.party === party)!),
    [scenario, party],
  );
  const [base, setBase] = useState<Base>({ draft: initial, revision: detail.revision, view: scenario });
  const [form, setForm] = useState<PreferencesForm>(() => formFromPreferences(initial, scenario.issues));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [summary, setSummary] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{
    fields: ConflictField[];
    revision: number;
    view: Scenario;
  } | null>(null);
  const issues = scenario.issues;
  const edited = !sameValue(draftFromForm(form), base.draft);

  // Checked as the command line checks a file, a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(
      () => setProblems(validatePreferences(base.view, party, draftFromForm(form))),
      300,
    );
    return () => clearTimeout(timer);
  }, [form, base.view, party]);

  const patch = (change: Partial<PreferencesForm>) => setForm({ ...form, ...change });

  async function save() {
    const draft = draftFromForm(form);
    const found = validatePreferences(base.view, party, draft);
    setProblems(found);
    setFailure(null);
    if (found.some((p) => p.severity === 'error')) {
      document.getElementById('problem-summary-title')?.scrollIntoView({ block: 'center' });
      return;
    }
    setSaving(true);
    try {
      const saved = await savePreferences(id, party, draft, summary, base.revision);
      navigate(`?saved=${saved.revision}`, { replace: true });
      reload();
    } catch (error) {
      if (error instanceof ConflictError) {
        const current = await getWorkspace(id);
        const theirs = current.scenario.preferences.find((p) => p.party === party);
        if (theirs) {
          const fields = conflictFields(base.draft, draft, draftOf(theirs));
          setConflict({ fields, revision: current.revision, view: current.scenario });
        } else setFailure(error);
      } else if (error instanceof ApiRequestError && error.issues.length > 0) {
        setProblems(problemsFromServer(error.issues));
      } else setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  function resolve(merged: PreferencesDraft) {
    if (!conflict) return;
    const theirs = conflict.view.preferences.find((p) => p.party === party)!;
    setBase({ draft: draftOf(theirs), revision: conflict.revision, view: conflict.view });
    setForm(formFromPreferences(merged, issues));
    setConflict(null);
  }

  const saved = search.get('saved');
  return (
    <>
      <div className="screen-head">
        <div>
          <h1>Preferences of {partyName}</h1>
          <p className="meta">
            Confidential: only {partyName}'s delegates and the mediator see them · editing revision{' '}
            {base.revision}
            {edited && ' · unsaved changes'}
          </p>
        </div>
        <nav aria-label="Preferences" className="actions">
          <Link className="btn btn-secondary" to={paths.overview(id)}>
            Overview
          </Link>
          <Link className="btn btn-secondary" to={paths.builder(id)}>
            Package builder
          </Link>
        </nav>
      </div>
      {saved && !edited && (
        <p className="notice" role="status">
          Saved as revision {saved}.
        </p>
      )}
      <ProblemSummary problems={problems} />
      {conflict && <ConflictView fields={conflict.fields} revision={conflict.revision} onResolve={resolve} />}
      <form
        id="preferences-form"
        className="preferences-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Card title="Where these preferences come from">
          <div className="field">
            <label htmlFor={fieldId('source')}>Source</label>
            <textarea
              id={fieldId('source')}
              value={form.source}
              onChange={(e) => patch({ source: e.target.value })}
            />
            <FieldProblems problems={problems} path="source" />
          </div>
          <div className="field">
            <label htmlFor={fieldId('basis')}>Basis</label>
            <select
              id={fieldId('basis')}
              value={form.basis}
              onChange={(e) => patch({ basis: e.target.value as PreferencesForm['basis'] })}
            >
              <option value="analyst-estimate">analysts' estimate</option>
              <option value="stated">stated by the party</option>
              <option value="elicited">elicited from the party</option>
              <option value="imported">imported</option>
            </select>
          </div>
          <FieldProblems problems={problems} path="" exact />
        </Card>
        <Card title="Weights">
          <WeightsSection
            rows={form.weights}
            issues={issues}
            problems={problems}
            onChange={(weights) => patch({ weights })}
          />
        </Card>
        <Card title="Values of the options">
          <ValuesSection
            rows={form.values}
            issues={issues}
            problems={problems}
            onChange={(values) => patch({ values })}
          />
        </Card>
        <Card title="Red lines">
          <RedLinesSection
            rows={form.redLines}
            issues={issues}
            problems={problems}
            onChange={(redLines) => patch({ redLines })}
          />
        </Card>
        {form.adjustments.length > 0 && (
          <Card title="Interactions between issues">
            <AdjustmentsSection
              rows={form.adjustments}
              issues={issues}
              problems={problems}
              onChange={(adjustments) => patch({ adjustments })}
            />
          </Card>
        )}
        <Card title="BATNA">
          <BatnaSection batna={form.batna} problems={problems} onChange={(batna) => patch({ batna })} />
        </Card>
        <Card title="Save as a new revision">
          <div className="field">
            <label htmlFor="revision-summary">What changed (the revision's summary)</label>
            <input
              id="revision-summary"
              value={summary}
              maxLength={500}
              onChange={(e) => setSummary(e.target.value)}
            />
          </div>
          <ErrorNotice error={failure} title="Not saved" />
          <div className="actions">
            <Button type="submit" variant="primary" busy={saving} disabled={!edited || conflict !== null}>
              Save preferences
            </Button>
            <Button disabled={!edited} onClick={() => setForm(formFromPreferences(base.draft, issues))}>
              Discard changes
            </Button>
          </div>
        </Card>
      </form>
      <PackageVerdicts
        workspace={id}
        party={party}
        partyName={partyName}
        packages={scenario.packages}
        revision={detail.revision}
      />
    </>
  );
}
