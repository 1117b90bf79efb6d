import {
  DEFAULT_POLICY,
  type DisclosurePolicy,
  type PartyDisclosure,
} from '../../../core/privacy/disclosure-policy.js';
import { type StoreContext, within, writeAudit } from '../context.js';
import type { DisclosurePolicyRepository } from '../store.js';

/** The row key of the entry for parties not listed (party ids never contain '*'). */
const OTHERWISE = '*';

/** Only the known flags, as booleans: nothing else is stored or returned. */
function disclosureJson(disclosure: PartyDisclosure): string {
  return JSON.stringify({
    zoneEmptiness: disclosure.zoneEmptiness === true,
    constraintsInConflict: disclosure.constraintsInConflict === true,
    bargainingOutcomes: disclosure.bargainingOutcomes === true,
    packageVerdicts: disclosure.packageVerdicts === true,
  } satisfies PartyDisclosure);
}

function disclosureFromJson(text: string): PartyDisclosure {
  const stored = JSON.parse(text) as Partial<PartyDisclosure>;
  return {
    zoneEmptiness: stored.zoneEmptiness === true,
    constraintsInConflict: stored.constraintsInConflict === true,
    bargainingOutcomes: stored.bargainingOutcomes === true,
    packageVerdicts: stored.packageVerdicts === true,
  };
}

export function createDisclosurePolicyRepository(context: StoreContext): DisclosurePolicyRepository {
  const { db } = context;

  async function upsert(ctx: StoreContext, workspaceId: string, party: string, disclosure: PartyDisclosure) {
    const json = disclosureJson(disclosure);
    await ctx.db
      .insertInto('disclosure_policies')
      .values({ workspace_id: workspaceId, party, disclosure_json: json })
      .onConflict((oc) => oc.columns(['workspace_id', 'party']).doUpdateSet({ disclosure_json: json }))
      .execute();
  }

  return {
    async get(workspaceId) {
      const [rows, workspace] = await Promise.all([
        db.selectFrom('disclosure_policies').selectAll().where('workspace_id', '=', workspaceId).execute(),
        db
          .selectFrom('workspaces')
          .select('private_positions')
          .where('id', '=', workspaceId)
          .executeTakeFirst(),
      ]);
      const policy: DisclosurePolicy = {
        parties: {},
        otherwise: { ...DEFAULT_POLICY.otherwise },
        privatePositions: workspace
          ? Number(workspace.private_positions) === 1
          : DEFAULT_POLICY.privatePositions,
      };
      for (const row of rows) {
        const disclosure = disclosureFromJson(row.disclosure_json);
        if (row.party === OTHERWISE) policy.otherwise = disclosure;
        else policy.parties[row.party] = disclosure;
      }
      return policy;
    },

    async set(workspaceId, policy, actor) {
      await db.transaction().execute(async (trx) => {
        const ctx = within(context, trx);
        await trx.deleteFrom('disclosure_policies').where('workspace_id', '=', workspaceId).execute();
        await upsert(ctx, workspaceId, OTHERWISE, policy.otherwise);
        for (const [party, disclosure] of Object.entries(policy.parties)) {
          await upsert(ctx, workspaceId, party, disclosure);
        }
        await trx
          .updateTable('workspaces')
          .set({ private_positions: policy.privatePositions ? 1 : 0 })
          .where('id', '=', workspaceId)
          .execute();
        await writeAudit(ctx, { actorId: actor, workspaceId, action: 'policy.set' });
      });
    },

    async setParty(workspaceId, party, disclosure, actor) {
      await db.transaction().execute(async (trx) => {
        const ctx = within(context, trx);
        await upsert(ctx, workspaceId, party, disclosure);
        await writeAudit(ctx, { actorId: actor, workspaceId, action: 'policy.set-party', target: party });
      });
    },
  };
}
