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

/**
 * The canonical JSON text of a scenario and its hash, after checking it against the schema, unless the caller
 * says it is the schema's own output (`validated`): the server's faces parse every scenario they accept with
 * the schema already, and a second pass over a large scenario costs as much as the first.
 */
export function scenarioText(scenario: Scenario, validated = false): { text: string; hash: string } {
  let data = scenario;
  if (!validated) {
    const checked = Scenario.safeParse(scenario);
    if (!checked.success) throw new InvalidStoredScenario(`invalid scenario: ${firstIssue(checked.error)}`);
    data = checked.data;
  }
  const text = canonicalJson(data);
  return { text, hash: sha256(text) };
}

/**
 * A stored scenario. It passed the schema when written; reading checks that the text is still what was written
 * (its SHA-256 against the stored hash) instead of running the schema again, which costs several times more
 * (about 18 ms against 4 ms for the flagship scenario, measured under load) on every read.
 */
export function scenarioFromText(text: string, contentHash: string): Scenario {
  if (sha256(text) !== contentHash) {
    throw new InvalidStoredScenario(
      'a stored scenario does not match its content hash: the database was altered',
    );
  }
  return JSON.parse(text) as Scenario;
}
