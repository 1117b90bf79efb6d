import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findDomains } from '../../src/adapters/interop/shared-domains.js';

export const DOMAINS_DIR: string | undefined = findDomains().dir;

export const SKIP_MESSAGE = 'shared negotiation domains not found at ../shared/negotiation-domains: skipping';

export function domainFolders(): string[] {
  if (!DOMAINS_DIR) return [];
  const root = DOMAINS_DIR;
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
}
