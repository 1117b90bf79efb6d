import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The shared test data lives beside the main checkout, at ../shared/negotiation-domains. A git worktree
 * elsewhere finds the main checkout through its `.git` file.
 */
function candidates(): string[] {
  const list = [resolve(repoRoot, '../shared/negotiation-domains')];
  const dotGit = join(repoRoot, '.git');
  if (existsSync(dotGit) && statSync(dotGit).isFile()) {
    const gitdir = /gitdir:\s*(.+)/.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    // gitdir is <main checkout>/.git/worktrees/<name>
    if (gitdir) list.push(resolve(gitdir, '../../../../shared/negotiation-domains'));
  }
  return list;
}

export const DOMAINS_DIR: string | undefined = candidates().find((dir) => existsSync(dir));

export const SKIP_MESSAGE = 'shared negotiation domains not found at ../shared/negotiation-domains: skipping';

export function domainFolders(): string[] {
  if (!DOMAINS_DIR) return [];
  const root = DOMAINS_DIR;
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
}
