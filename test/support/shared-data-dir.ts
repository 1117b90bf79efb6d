import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The folder of shared negotiation domains: ../shared/negotiation-domains beside the repository. From a git
 * worktree, the main checkout (found through the worktree's `.git` file) is tried too. Undefined if absent.
 */
export function sharedDomainsDir(): string | undefined {
  const candidates = [resolve(repoRoot, '../shared/negotiation-domains')];
  const dotGit = join(repoRoot, '.git');
  if (existsSync(dotGit) && statSync(dotGit).isFile()) {
    const gitdir = /gitdir:\s*(.+)/.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    // gitdir is <main checkout>/.git/worktrees/<name>
    if (gitdir) candidates.push(resolve(gitdir, '../../../../shared/negotiation-domains'));
  }
  return candidates.find((dir) => existsSync(dir));
}
