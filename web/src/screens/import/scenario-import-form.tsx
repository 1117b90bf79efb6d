import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiRequestError } from '../../api/errors.js';
import { createWorkspace } from '../../api/workspaces.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../app/ui/button.js';
import { Card } from '../../app/ui/card.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';
import { TextField } from '../../app/ui/field.js';

/** A Parley scenario file (YAML or JSON), validated by the server as `parley validate` does. */
export function ScenarioImportForm() {
  const navigate = useNavigate();
  const fileId = useId();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError(new Error('choose a scenario file first'));
    setBusy(true);
    setError(null);
    try {
      const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
      const created = await createWorkspace({
        scenario: await file.text(),
        format,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      navigate(paths.overview(created.id));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const title =
    error instanceof ApiRequestError && error.issues.length > 0
      ? `${file?.name} was not imported`
      : 'Not imported';

  return (
    <Card title="Parley scenario">
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={fileId}>Scenario file (YAML or JSON)</label>
          <input
            id={fileId}
            name="scenario"
            type="file"
            accept=".yaml,.yml,.json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <TextField
          label="Workspace name (optional)"
          hint="Default: the scenario's title."
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {error !== null && <ErrorNotice error={error} title={title} />}
        <Button type="submit" variant="primary" busy={busy}>
          Create workspace
        </Button>
      </form>
    </Card>
  );
}
