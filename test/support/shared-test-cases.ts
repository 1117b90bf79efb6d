import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findDomains } from '../../src/adapters/interop/shared-domains.js';

/** The shared worked examples (`test-cases/`, beside the shared negotiation domains), or undefined if absent. */
export function sharedTestCasesDir(): string | undefined {
  return findDomains()
    .looked.map((domains) => join(dirname(domains.replace(/ \(from .*\)$/, '')), 'test-cases'))
    .find((dir) => existsSync(dir));
}
