import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiRequestError } from '../../api/errors.js';
import { createWorkspace } from '../../api/workspaces.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../app/ui/button.js';
import { Card } from '../../app/ui/card.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';
import { TextField } from '../../app/ui/field.js';

/** A new workspace from a scenario file (YAML or JSON); problems are shown by line and column. */
export function ImportScreen() {
  const navigate = useNavigate();
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
      const text = await file.text();
      const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
      const created = await createWorkspace({
        scenario: text,
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

  return (
    <>
      <h1>New workspace from a file</h1>
      <Card title="Scenario file">
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="import-file">Scenario (YAML or JSON)</label>
            <input
              id="import-file"
              name="file"
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
          {error !== null && (
            <ErrorNotice
              error={error}
              title={
                error instanceof ApiRequestError && error.issues.length
                  ? `${file?.name} has problems`
                  : 'Not imported'
              }
            />
          )}
          <Button type="submit" variant="primary" busy={busy}>
            Create workspace
          </Button>
        </form>
      </Card>
    </>
  );
}
