import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Worker threads load compiled JavaScript from dist/. When this module itself runs from compiled code the
 * worker sits beside it; when it runs from TypeScript sources (tests), the worker is looked up in dist/.
 */
export function compiledWorkerFile(name: string): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts')
    ? new URL(`../../../dist/adapters/simulation/${name}`, here)
    : new URL(`./${name}`, here);
  const path = fileURLToPath(url);
  if (!existsSync(path)) {
    throw new Error(
      `the compiled worker ${name} is missing (looked for dist/adapters/simulation/${name}); run "npm run build" first`,
    );
  }
  return path;
}
