import type { Party } from '../../../../src/schema/scenario.js';
import type { Member } from '../../api/workspaces.js';

/** Each party, its role in the talks, and the members who speak for it. */
export function PartyTable({ parties, members }: { parties: readonly Party[]; members: readonly Member[] }) {
  const others = members.filter((m) => m.role !== 'delegate');
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col">Role</th>
            <th scope="col">Delegates</th>
          </tr>
        </thead>
        <tbody>
          {parties.map((party) => (
            <tr key={party.id}>
              <th scope="row">{party.name}</th>
              <td>{party.role}</td>
              <td>
                {members
                  .filter((m) => m.role === 'delegate' && m.party === party.id)
                  .map((m) => m.user)
                  .join(', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others.length > 0 && (
        <p className="meta">Also here: {others.map((m) => `${m.user} (${m.role})`).join(', ')}</p>
      )}
    </>
  );
}
