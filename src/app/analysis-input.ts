import type { MethodChoice } from '../core/analysis/zone/analysis-options.js';
import type { Scenario } from '../schema/scenario.js';

/** What every analysis use case takes: a scenario (plain data) and the choices that shape the analysis. */
export interface AnalysisInput {
  scenario: Scenario;
  /** Date for dated BATNAs and estimates (YYYY-MM-DD). */
  at?: string;
  /** Parties compared (default: the signatories). */
  parties?: string[];
  method?: MethodChoice;
}
