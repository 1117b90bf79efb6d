import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { type ImportedWorkspace, importDomain } from '../../api/imports.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../app/ui/button.js';
import { Card } from '../../app/ui/card.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';

/** A GENIUS, GeniusWeb or NegMAS domain with its profiles; what could not be carried over is listed. */
export function DomainImportForm() {
  const filesId = useId();
  const partialId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [allowPartial, setAllowPartial] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [imported, setImported] = useState<ImportedWorkspace | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return setError(new Error('choose the domain file and its profiles first'));
    setBusy(true);
    setError(null);
    setImported(null);
    try {
      const texts = await Promise.all(files.map(async (f) => ({ path: f.name, text: await f.text() })));
      setImported(await importDomain({ files: texts, allowPartial }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="GENIUS, GeniusWeb or NegMAS domain">
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={filesId}>Domain and profile files</label>
          <p className="hint" id={`${filesId}-hint`}>
            Select the domain and every profile together; the format is recognised from their content.
          </p>
          <input
            id={filesId}
            name="domain"
            type="file"
            multiple
            accept=".xml,.json,.yml,.yaml"
            aria-describedby={`${filesId}-hint`}
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </div>
        <div className="field checkbox">
          <input
            id={partialId}
            type="checkbox"
            checked={allowPartial}
            onChange={(e) => setAllowPartial(e.target.checked)}
          />
          <label htmlFor={partialId}>Import even if some profiles cannot be carried over exactly</label>
        </div>
        {error !== null && <ErrorNotice error={error} title="Not imported" />}
        <Button type="submit" variant="primary" busy={busy}>
          Import domain
        </Button>
      </form>
      {imported && (
        <div className="notice" role="status">
          <p>
            Imported <strong>{imported.name}</strong> from {imported.imported.format} files.{' '}
            <Link to={paths.overview(imported.id)}>Open the workspace</Link>
          </p>
          {imported.imported.losses.length === 0 ? (
            <p>Nothing was lost: utilities, BATNAs and red lines are exactly those of the files.</p>
          ) : (
            <>
              <p>Not carried over exactly:</p>
              <ul>
                {imported.imported.losses.map((loss) => (
                  <li key={loss}>{loss}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Card>
  );
}
