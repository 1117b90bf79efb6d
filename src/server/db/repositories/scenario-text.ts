import { Scenario } from '../../../schema/scenario.js';
import { canonicalJson, sha256 } from '../canonical-json.js';

/** A scenario failed the zod schema on its way into (or out of) the store. */
export class InvalidStoredScenario extends Error {
  override name = 'InvalidStoredScenario';
}

function firstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

/** The canonical JSON text of a scenario and its hash, after checking it against the schema. */
export function scenarioText(scenario: Scenario): { text: string; hash: string } {
  const checked = Scenario.safeParse(scenario);
  if (!checked.success) throw new InvalidStoredScenario(`invalid scenario: ${firstIssue(checked.error)}`);
  const text = canonicalJson(checked.data);
  return { text, hash: sha256(text) };
}

/** A stored scenario, checked again by the schema (a database edited by hand must not reach the analyses). */
export function scenarioFromText(text: string): Scenario {
  const checked = Scenario.safeParse(JSON.parse(text));
  if (!checked.success)
    throw new InvalidStoredScenario(`stored scenario is invalid: ${firstIssue(checked.error)}`);
  return checked.data;
}
