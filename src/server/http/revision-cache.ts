import type { DisclosurePolicy } from '../../core/privacy/disclosure-policy.js';
import { partyView } from '../../core/privacy/party-view.js';
import type { Viewer } from '../../core/privacy/viewer.js';
import type { Scenario } from '../../schema/scenario.js';
import type { Store } from '../db/store.js';

/** A small map that forgets the least recently used entry beyond `limit`. */
class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}

function viewerKey(viewer: Viewer): string {
  return viewer.role === 'delegate' ? `delegate:${viewer.party}` : viewer.role;
}

/**
 * Revisions never change once written, so a revision's scenario, and each role's view of it under a given
 * policy, can be kept in memory: a read of the head costs lookups, not a parse and a split of the scenario.
 * Views are keyed by the policy's text too, so a new policy is never served an old view.
 */
export class RevisionCache {
  private readonly scenarios = new Lru<Promise<Scenario | undefined>>(32);
  private readonly views = new Lru<Scenario>(128);

  constructor(private readonly store: Store) {}

  /** The scenario of one revision (undefined when the workspace has no such revision). */
  scenario(workspaceId: string, revision: number): Promise<Scenario | undefined> {
    const key = `${workspaceId}\n${revision}`;
    let found = this.scenarios.get(key);
    if (!found) {
      // A miss or a failure is not remembered: only revisions that exist are.
      found = this.store.revisions.get(workspaceId, revision).then(
        (r) => {
          if (!r) this.scenarios.delete(key);
          return r?.scenario;
        },
        (error: unknown) => {
          this.scenarios.delete(key);
          throw error;
        },
      );
      this.scenarios.set(key, found);
    }
    return found;
  }

  /**
   * Keeps a revision just written, so that the reads that follow do not load and hash it again. The scenario
   * must be what was stored (the schema's output); callers must not change it afterwards.
   */
  remember(workspaceId: string, revision: number, scenario: Scenario): void {
    this.scenarios.set(`${workspaceId}\n${revision}`, Promise.resolve(scenario));
  }

  /** The scenario as `viewer` may see it (a shared object: callers must not change it). */
  async view(
    workspaceId: string,
    revision: number,
    viewer: Viewer,
    policy: DisclosurePolicy,
  ): Promise<Scenario | undefined> {
    const key = `${workspaceId}\n${revision}\n${viewerKey(viewer)}\n${JSON.stringify(policy)}`;
    const cached = this.views.get(key);
    if (cached) return cached;
    const scenario = await this.scenario(workspaceId, revision);
    if (!scenario) return undefined;
    const view = partyView(scenario, viewer, policy);
    this.views.set(key, view);
    return view;
  }
}
