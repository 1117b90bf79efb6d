import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Environment variable that points at a folder of negotiation domains, overriding the default place. */
export const DOMAINS_ENV = 'PARLEY_DOMAINS';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The shared negotiation domains (GENIUS, GeniusWeb and NegMAS test data): $PARLEY_DOMAINS if set, else
 * ../shared/negotiation-domains beside the package root, else beside the main checkout when the package is a
 * git worktree (its `.git` file names the main checkout). `looked` lists every place tried.
 */
export function findDomains(root: string = packageRoot): { dir?: string; looked: string[] } {
  const fromEnv = process.env[DOMAINS_ENV];
  if (fromEnv) {
    const dir = resolve(fromEnv);
    return existsSync(dir) ? { dir, looked: [dir] } : { looked: [`${dir} (from ${DOMAINS_ENV})`] };
  }
  const looked = [resolve(root, '../shared/negotiation-domains')];
  const dotGit = join(root, '.git');
  if (existsSync(dotGit) && statSync(dotGit).isFile()) {
    const gitdir = /gitdir:\s*(.+)/.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    // gitdir is <main checkout>/.git/worktrees/<name>
    if (gitdir) looked.push(resolve(root, gitdir, '../../../../shared/negotiation-domains'));
  }
  return { dir: looked.find((d) => existsSync(d)), looked };
}
