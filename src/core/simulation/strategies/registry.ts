import { type ConventionSet, DEFAULT_CONVENTIONS } from '../../conventions.js';
import { suggest } from '../config.js';
import type { Strategy, StrategyModule, StrategySpec } from '../strategy.js';
import { aspiration } from './aspiration.js';
import { boulware, conceder, hardliner, linear, timeDependent } from './time-dependent.js';
import { titForTat } from './tit-for-tat.js';

export const builtInStrategies: readonly StrategyModule[] = [
  boulware,
  linear,
  conceder,
  timeDependent,
  hardliner,
  titForTat,
  aspiration,
];

export type StrategyRegistry = ReadonlyMap<string, StrategyModule>;

/** The built-in strategies plus any extra modules (an extra module may not reuse a built-in name). */
export function strategyRegistry(extra: readonly StrategyModule[] = []): StrategyRegistry {
  const registry = new Map(builtInStrategies.map((m) => [m.name, m]));
  for (const m of extra) {
    if (registry.has(m.name)) throw new RangeError(`strategy name '${m.name}' is already taken`);
    registry.set(m.name, m);
  }
  return registry;
}

export function createStrategy(
  spec: StrategySpec,
  registry: StrategyRegistry,
  conventions: ConventionSet = DEFAULT_CONVENTIONS,
): Strategy {
  const name = typeof spec === 'string' ? spec : spec.name;
  const module = registry.get(name);
  if (!module) throw new RangeError(`unknown strategy '${name}'${suggest(name, [...registry.keys()])}`);
  return module.create(typeof spec === 'string' ? undefined : spec.params, { conventions });
}
