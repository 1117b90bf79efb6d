import { createContext, type ReactNode, useContext } from 'react';
import type { Membership } from '../api/workspaces.js';

/** The caller's role in the open workspace: screens show what the role may do (the server enforces it). */
export interface RoleValue {
  workspace: string;
  membership: Membership;
}

const RoleContext = createContext<RoleValue | null>(null);

export function RoleProvider({ value, children }: { value: RoleValue; children: ReactNode }) {
  return <RoleContext.Provider value={value}>{children}</RoleContext.Provider>;
}

/** The role in the open workspace, or null outside one. */
export function useRole(): RoleValue | null {
  return useContext(RoleContext);
}

/** Parties whose preferences the caller may open: every party for the mediator, its own for a delegate. */
export function editableParties(membership: Membership, parties: readonly string[]): string[] {
  if (membership.role === 'mediator') return [...parties];
  if (membership.role === 'delegate' && membership.party) return [membership.party];
  return [];
}
