import { findDomains } from '../../src/adapters/interop/shared-domains.js';

/** The folder of shared negotiation domains (see findDomains), or undefined if absent. */
export function sharedDomainsDir(): string | undefined {
  return findDomains().dir;
}
