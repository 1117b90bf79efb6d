import { fileURLToPath } from 'node:url';
import type { SolverModule } from '../../core/analysis/robustness/monte-carlo-task.js';

export {
  egalitarianOutcome,
  kalaiSmorodinskyOutcome,
  nashOutcome,
  utilitarianOutcome,
} from '../../core/analysis/robustness/enumerated-solutions.js';

/** The enumerated bargaining solutions as modules that Monte Carlo workers can load by path. */
export function enumeratedSolverModules(): SolverModule[] {
  const module = fileURLToPath(import.meta.url);
  return [
    { name: 'nash', module, exportName: 'nashOutcome' },
    { name: 'kalai-smorodinsky', module, exportName: 'kalaiSmorodinskyOutcome' },
    { name: 'egalitarian', module, exportName: 'egalitarianOutcome' },
    { name: 'utilitarian', module, exportName: 'utilitarianOutcome' },
  ];
}
