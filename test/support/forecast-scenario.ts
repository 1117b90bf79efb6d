import type { Scenario } from '../../src/schema/scenario.js';
import { tinyScenario } from './tiny-scenario.js';

/**
 * The tiny scenario with what forecasting needs: capabilities (Alpha with a range) and a position scale
 * for the unordered land issue. Alpha wants to keep the land (0) and 100k troops; Beta wants the land
 * ceded (100) and no troops. Saliences as shares: Alpha 3/4 land, 1/4 troops; Beta 1/4 and 1/4.
 */
export function forecastScenario(): Scenario {
  const scenario = tinyScenario();
  scenario.parties[0].capability = { estimate: 0.6, low: 0.5, high: 0.7 };
  scenario.parties[1].capability = 0.4;
  scenario.forecast = { scales: [{ issue: 'land', positions: { keep: 0, share: 50, cede: 100 } }] };
  return scenario;
}
