import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/auth/password.js';
import { SCHEMA_VERSION } from '../../src/server/db/migrations.js';
import { openStore } from '../../src/server/db/open-store.js';
import { repoRoot, runCli } from '../support/run-cli.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-store-'));
  dirs.push(dir);
  return dir;
}

/** The real binary with a password on stdin (the in-process runner has no stdin). */
function addUser(dir: string, login: string, password: string, extra: string[] = []) {
  const run = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'bin', 'parley.js'),
      'users',
      'add',
      login,
      '--password-stdin',
      '--data-dir',
      dir,
      ...extra,
    ],
    { input: password, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('parley users and parley db', () => {
  it('adds a user whose stored hash verifies the password from stdin, and lists it', async () => {
    const dir = dataDir();
    const added = addUser(dir, 'Alice', 'correct horse battery\n', ['--name', 'Alice Martin']);
    expect(added).toMatchObject({ code: 0, stdout: 'added user alice (Alice Martin)\n', stderr: '' });
    const store = await openStore({ dataDir: dir });
    const stored = await store.users.findByLogin('alice');
    await store.close();
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored?.passwordHash ?? '', 'correct horse battery')).toBe(true);
    const list = await runCli(['users', 'list', '--data-dir', dir, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      { login: 'alice', displayName: 'Alice Martin', disabled: false, createdAt: expect.any(String) },
    ]);
  });

  it.skipIf(!hasScript)('at a terminal, asks twice without echoing the password', async () => {
    const dir = dataDir();
    const command = `${process.execPath} ${join(repoRoot, 'bin', 'parley.js')} users add tty-user --data-dir ${dir}`;
    // util-linux `script` runs the command on a pseudo-terminal, as a person at a terminal would.
    const child = spawn('script', ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let answered = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const prompts = output.split('Password').length - 1;
      while (answered < prompts) {
        answered += 1;
        child.stdin.write('typed secret 42\r');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.end();
    expect(code).toBe(0);
    expect(output).toContain('Password: ');
    expect(output).toContain('Password again: ');
    expect(output).toContain('added user tty-user');
    expect(output).not.toContain('typed secret');
    const store = await openStore({ dataDir: dir });
    const stored = await store.users.findByLogin('tty-user');
    await store.close();
    expect(await verifyPassword(stored?.passwordHash ?? '', 'typed secret 42')).toBe(true);
  });

  it('refuses short passwords, bad logins, taken logins, passwords in arguments and a missing password', async () => {
    const dir = dataDir();
    expect(addUser(dir, 'bob', 'short')).toMatchObject({
      code: 2,
      stderr: 'parley: password refused: expected a password of at least 10 characters\n',
    });
    const badLogin = await runCli(['users', 'add', 'bad login!', '--password-stdin', '--data-dir', dir]);
    expect(badLogin).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^parley: invalid login "bad login!"/),
    });
    expect(addUser(dir, 'bob', 'long enough password').code).toBe(0);
    expect(addUser(dir, 'BOB', 'long enough password')).toMatchObject({
      code: 2,
      stderr: 'parley: the login "bob" is taken\n',
    });
    const inArgv = await runCli(['users', 'add', 'carol', '--password', 'hunter2hunter2', '--data-dir', dir]);
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).toContain("unknown option '--password'");
    // No TTY and no --password-stdin: the command says how to give one instead of waiting.
    const noPassword = spawnSync(
      process.execPath,
      [join(repoRoot, 'bin', 'parley.js'), 'users', 'add', 'carol', '--data-dir', dir],
      { input: '', encoding: 'utf8' },
    );
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain('parley: no password given');
  });

  it('disables and enables a user, suggesting the login meant', async () => {
    const dir = dataDir();
    addUser(dir, 'alice', 'correct horse battery');
    const typo = await runCli(['users', 'disable', 'alcie', '--data-dir', dir]);
    expect(typo).toMatchObject({ code: 2, stderr: 'parley: no user "alcie"\n  did you mean "alice"?\n' });
    const disabled = await runCli(['users', 'disable', 'alice', '--data-dir', dir]);
    expect(disabled).toMatchObject({ code: 0, stdout: 'disabled user alice (sessions ended)\n' });
    const listed = await runCli(['users', 'list', '--data-dir', dir]);
    expect(listed.stdout).toMatch(/alice\s+│\s+alice\s+│\s+disabled/);
    expect((await runCli(['users', 'enable', 'alice', '--data-dir', dir])).stdout).toBe(
      'enabled user alice\n',
    );
  });

  it('backs up to a new file, refuses to overwrite without --force, and the copy opens with the same users', async () => {
    const dir = dataDir();
    addUser(dir, 'alice', 'correct horse battery');
    const file = join(dir, 'copy.db');
    const first = await runCli(['db', 'backup', file, '--data-dir', dir, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      file,
      schemaVersion: SCHEMA_VERSION,
      method: expect.stringMatching(/VACUUM INTO/),
    });
    const again = await runCli(['db', 'backup', file, '--data-dir', dir]);
    expect(again).toMatchObject({
      code: 2,
      stderr: `parley: ${file} already exists; pass --force to replace it\n`,
    });
    expect((await runCli(['db', 'backup', file, '--data-dir', dir, '--force'])).code).toBe(0);
    const copy = await openStore({ url: file, dataDir: dir, migrate: false });
    expect((await copy.users.list()).map((u) => u.login)).toEqual(['alice']);
    await copy.close();
  });

  it('says where it looked when there is no database, and never creates one for a backup', async () => {
    const dir = dataDir();
    const run = await runCli(['db', 'backup', join(dir, 'x.db'), '--data-dir', join(dir, 'nowhere')]);
    expect(run).toMatchObject({
      code: 2,
      stderr: `parley: no Parley database at ${join(dir, 'nowhere', 'parley.db')} (check --db or --data-dir)\n`,
    });
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    const pg = await runCli(['users', 'list', '--db', 'postgres://u:pw@127.0.0.1:1/x']);
    expect(pg.code).toBe(2);
    expect(pg.stderr).toMatch(
      /^parley: cannot connect to PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x: /,
    );
    expect(pg.stderr).not.toContain('pw');
    expect((await runCli(['db', 'migrate', '--data-dir', dir])).stdout).toBe(
      `sqlite database at schema version ${SCHEMA_VERSION} (up to date)\n`,
    );
  });
});
