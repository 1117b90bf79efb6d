import type { Scenario } from '../../schema/scenario.js';
import { buildOutcomeSpace, type OutcomeSpace } from './outcome-space.js';
import { compilePartyModel, type PartyModel } from './party-model.js';

/** A scenario compiled for computation: the outcome space and every party's preferences against it. */
export interface CompiledScenario {
  scenario: Scenario;
  space: OutcomeSpace;
  /** One model per party that has preferences, in the order of scenario.parties. */
  models: PartyModel[];
  /** Indices into `models` of the signatories, whose consent a deal needs. */
  signatories: number[];
  /** The date dated BATNAs were read at. */
  at?: string;
}

export interface CompileOptions {
  /** Date for dated BATNAs (YYYY-MM-DD); defaults to the scenario's asOf, else each series' last entry. */
  at?: string;
}

export function compileScenario(scenario: Scenario, options: CompileOptions = {}): CompiledScenario {
  const space = buildOutcomeSpace(scenario);
  const at = options.at ?? scenario.asOf;
  const byParty = new Map(scenario.preferences.map((p) => [p.party, p]));
  const models: PartyModel[] = [];
  for (const party of scenario.parties) {
    const preferences = byParty.get(party.id);
    if (preferences) models.push(compilePartyModel(preferences, scenario, space, at));
  }
  const signatories = models.flatMap((m, k) => (m.role === 'signatory' ? [k] : []));
  return { scenario, space, models, signatories, at };
}
