import type { Package } from '../../../../src/schema/scenario.js';
import { Card } from '../../app/ui/card.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';
import { VerdictBadge } from '../../app/ui/verdict-badge.js';
import { useLoad } from '../../app/use-load.js';
import { ownPackageRow } from './preferences-api.js';

const VERDICT = { yes: 'accept', no: 'reject', depends: 'open' } as const;
const WORDS = { yes: 'accepts', no: 'rejects', depends: 'depends on open issues' } as const;

/** What the party makes of each package under its saved preferences: acceptance and red lines crossed. */
export function PackageVerdicts({
  workspace,
  party,
  partyName,
  packages,
  revision,
}: {
  workspace: string;
  party: string;
  partyName: string;
  packages: readonly Package[];
  revision: number;
}) {
  const load = useLoad(
    (signal) => Promise.all(packages.map((p) => ownPackageRow(workspace, party, p.id, signal))),
    [workspace, party, revision],
  );
  return (
    <Card title={`The packages for ${partyName} (saved revision ${revision})`}>
      {load.state === 'loading' && <p aria-live="polite">Evaluating the packages…</p>}
      {load.state === 'failed' && <ErrorNotice error={load.error} />}
      {load.state === 'ready' && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Package</th>
              <th scope="col">{partyName}</th>
              <th scope="col">Red lines crossed</th>
            </tr>
          </thead>
          <tbody>
            {packages.map((p, k) => {
              const row = load.data[k].row;
              const crossed = row?.redLines.filter((r) => r.status === 'crossed') ?? [];
              return (
                <tr key={p.id} data-package={p.id}>
                  <th scope="row">{p.label}</th>
                  <td>
                    {row ? (
                      <VerdictBadge verdict={VERDICT[row.acceptable]} label={WORDS[row.acceptable]} />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{crossed.length === 0 ? 'none' : crossed.map((r) => r.id).join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
  );
}
