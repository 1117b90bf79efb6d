import type { Grant, Member, Role } from '../store.js';

/** The role and party columns of a grant. */
export function grantColumns(grant: Grant): { role: Role; party: string | null } {
  return { role: grant.role, party: grant.role === 'delegate' ? grant.party : null };
}

/** A grant back from its columns (the table's check constraint keeps party present exactly for delegates). */
export function grantFromColumns(role: string, party: string | null): Grant {
  if (role === 'delegate' && party !== null) return { role: 'delegate', party };
  if (role === 'mediator' || role === 'observer') return { role };
  throw new Error(`unexpected role "${role}" in the database`);
}

export function memberFromRow(row: {
  workspace_id: string;
  user_id: string;
  role: string;
  party: string | null;
  added_at: string;
}): Member {
  const grant = grantFromColumns(row.role, row.party);
  return {
    workspaceId: row.workspace_id,
    userId: row.user_id,
    role: grant.role,
    ...(grant.role === 'delegate' ? { party: grant.party } : {}),
    addedAt: row.added_at,
  };
}
