import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findDomains } from '../../src/adapters/interop/shared-domains.js';

/** The shared worked examples (../shared/test-cases beside the shared domains), or undefined if absent. */
export function sharedTestCasesDir(): string | undefined {
  const domains = findDomains().dir;
  if (!domains) return undefined;
  const dir = join(dirname(domains), 'test-cases');
  return existsSync(dir) ? dir : undefined;
}

/** Reads one shared test case as text, or undefined when the shared data is absent. */
export function readSharedTestCase(name: string): string | undefined {
  const dir = sharedTestCasesDir();
  if (!dir || !existsSync(join(dir, name))) return undefined;
  return readFileSync(join(dir, name), 'utf8');
}
