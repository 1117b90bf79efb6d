import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SolveFn } from '../../core/analysis/robustness/monte-carlo.js';
import { ENUMERATED_SOLUTIONS, type SolverModule } from '../../core/analysis/robustness/monte-carlo-task.js';

function moduleUrl(module: string): string {
  if (module.startsWith('file:')) return module;
  if (isAbsolute(module)) return pathToFileURL(module).href;
  throw new Error(
    `solver module '${module}' must be a file: URL or an absolute path (workers resolve nothing else)`,
  );
}

/** Imports each solver module and checks that the named export is a function. */
export async function loadSolvers(solvers: SolverModule[] = []): Promise<Record<string, SolveFn>> {
  const loaded: Record<string, SolveFn> = {};
  for (const solver of solvers) {
    const exportName = solver.exportName ?? 'default';
    const namespace = (
      solver.module === ENUMERATED_SOLUTIONS
        ? await import('../../core/analysis/robustness/enumerated-solutions.js')
        : await import(moduleUrl(solver.module))
    ) as Record<string, unknown>;
    const solve = namespace[exportName];
    if (typeof solve !== 'function') {
      throw new Error(
        `solver '${solver.name}': module ${solver.module} has no function export '${exportName}'`,
      );
    }
    loaded[solver.name] = solve as SolveFn;
  }
  return loaded;
}
