import type { Scenario } from '../../schema/scenario.js';
import { DEFAULT_POLICY, type DisclosurePolicy } from './disclosure-policy.js';
import { joinScenario, splitScenario } from './split-scenario.js';
import { maySee, type Viewer } from './viewer.js';

/**
 * The scenario as `viewer` may see it: the shared part, plus the private preferences of the viewer's own
 * party (a delegate), of every party (the mediator), or of none (an observer).
 */
export function partyView(
  scenario: Scenario,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): Scenario {
  if (viewer.role === 'mediator') return structuredClone(scenario);
  const split = splitScenario(scenario, { privatePositions: policy.privatePositions });
  const visible = Object.values(split.private).filter((p) => maySee(viewer, p.party));
  return joinScenario(split.shared, visible);
}
