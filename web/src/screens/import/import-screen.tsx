import { Link } from 'react-router';
import { DomainImportForm } from './domain-import-form.js';
import { ScenarioImportForm } from './scenario-import-form.js';

/** A new workspace from a file: a Parley scenario, or a research-format domain with its profiles. */
export function ImportScreen() {
  return (
    <>
      <h1>New workspace from a file</h1>
      <p>
        You become the new workspace's mediator. Back to <Link to="/">your workspaces</Link>.
      </p>
      <div className="grid">
        <ScenarioImportForm />
        <DomainImportForm />
      </div>
    </>
  );
}
