import { Link } from 'react-router';
import { downloadUrls, listMembers, listRevisions } from '../../api/workspaces.js';
import { paths } from '../../app/paths.js';
import { editableParties } from '../../app/role-context.js';
import { Card } from '../../app/ui/card.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';
import { useLoad } from '../../app/use-load.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { roleText } from '../workspaces/workspace-list-screen.js';
import { PartyTable } from './party-table.js';
import { ReportDownload } from './report-download.js';

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/** Who is at the table, the documents and packages, the latest revisions, and where to go next. */
export function OverviewScreen() {
  const { id, detail } = useWorkspace();
  const { scenario, membership } = detail;
  const members = useLoad((signal) => listMembers(id, signal), [id]);
  const revisions = useLoad((signal) => listRevisions(id, signal), [id, detail.revision]);
  const preferenceParties = editableParties(
    membership,
    scenario.parties.map((p) => p.id),
  );
  const partyName = new Map(scenario.parties.map((p) => [p.id, p.name]));
  const downloads = downloadUrls(id);

  return (
    <>
      <div className="screen-head">
        <div>
          <h1>{detail.name}</h1>
          <p className="meta">
            Your role: {roleText(membership)} · revision {detail.revision}
            {scenario.asOf && <> · as of {scenario.asOf}</>}
          </p>
        </div>
        <nav aria-label="Workspace" className="actions">
          <Link className="btn btn-primary" to={paths.builder(id)}>
            Package builder
          </Link>
          <Link className="btn btn-secondary" to={paths.analysis(id)}>
            Analysis
          </Link>
        </nav>
      </div>
      {scenario.disclaimer && <p className="notice">{scenario.disclaimer}</p>}

      <div className="grid">
        <Card title="At the table">
          <PartyTable parties={scenario.parties} members={members.state === 'ready' ? members.data : []} />
          {members.state === 'failed' && <ErrorNotice error={members.error} />}
        </Card>

        <Card title={membership.role === 'mediator' ? 'Preferences of each party' : 'Your preferences'}>
          {preferenceParties.length === 0 ? (
            <p>
              Observers see the shared scenario and what the mediator discloses; they enter no preferences.
            </p>
          ) : (
            <ul className="links">
              {preferenceParties.map((party) => (
                <li key={party}>
                  <Link to={paths.preferences(id, party)}>
                    Preferences of {partyName.get(party) ?? party}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Documents">
          {scenario.documents.length === 0 ? (
            <p>No documents.</p>
          ) : (
            <ul className="plain">
              {scenario.documents.map((doc) => (
                <li key={doc.id}>
                  <strong>{doc.title}</strong>
                  <ul className="versions">
                    {doc.versions.map((v) => (
                      <li key={v.id}>
                        {v.label} <span className="meta">({v.date})</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Packages">
          {scenario.packages.length === 0 ? (
            <p>No packages.</p>
          ) : (
            <ul className="links">
              {scenario.packages.map((pkg) => (
                <li key={pkg.id}>
                  <Link to={paths.builder(id, { package: pkg.id })}>{pkg.label}</Link>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Latest revisions">
          {revisions.state === 'failed' && <ErrorNotice error={revisions.error} />}
          {revisions.state === 'ready' && (
            <ol className="plain" reversed>
              {revisions.data.slice(0, 8).map((r) => (
                <li key={r.revision}>
                  <span className="meta">
                    #{r.revision} · {when(r.at)} · {r.author}
                  </span>{' '}
                  {r.summary}
                </li>
              ))}
            </ol>
          )}
        </Card>

        {scenario.events.length > 0 && (
          <Card title="Latest events">
            <ol className="plain" reversed>
              {[...scenario.events]
                .sort((a, b) => b.date.localeCompare(a.date))
                .slice(0, 5)
                .map((event) => (
                  <li key={event.id}>
                    <span className="meta">{event.date}</span> {event.title}
                  </li>
                ))}
            </ol>
          </Card>
        )}

        <Card title="Downloads">
          <p>As your role may see them.</p>
          <ul className="links">
            <li>
              <a href={downloads.scenario} download={`${scenario.id}.yaml`}>
                Scenario (YAML)
              </a>
            </li>
          </ul>
          <ReportDownload workspace={id} fileName={`${scenario.id}-report.html`} />
        </Card>
      </div>
    </>
  );
}
