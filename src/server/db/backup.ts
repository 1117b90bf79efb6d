/**
 * Consistent copies of a live database. SQLite: `VACUUM INTO`, which reads one snapshot of the database in a
 * single read transaction (WAL lets writers continue meanwhile) and writes a compact, self-contained file.
 * PostgreSQL: `pg_dump` in its custom format, which also reads one snapshot; restore with `pg_restore`.
 * Either way the copy is written under a temporary name beside the destination and renamed when complete.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { Connection } from './connect.js';
import { messageOf } from './connect.js';
import { BackupError, type BackupResult } from './store.js';

const run = promisify(execFile);

export async function backupDatabase(
  connection: Connection,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  const destination = resolve(file);
  if (!existsSync(dirname(destination))) {
    throw new BackupError(`cannot write the backup: the folder ${dirname(destination)} does not exist`);
  }
  if (existsSync(destination) && !options.force) {
    throw new BackupError(`${destination} already exists; pass --force to replace it`);
  }
  const partial = join(dirname(destination), `.${basename(destination)}.partial-${process.pid}`);
  rmSync(partial, { force: true });
  try {
    const method =
      connection.target.dialect === 'sqlite'
        ? await sqliteBackup(connection, partial)
        : await postgresBackup(connection.target.url, partial);
    renameSync(partial, destination);
    return { file: destination, bytes: statSync(destination).size, method };
  } finally {
    rmSync(partial, { force: true });
  }
}

async function sqliteBackup(connection: Connection, partial: string): Promise<string> {
  try {
    await sql`vacuum into ${partial}`.execute(connection.db);
  } catch (error) {
    throw new BackupError(`cannot write the backup: ${messageOf(error)}`);
  }
  return 'sqlite VACUUM INTO (one consistent snapshot)';
}

/** A PostgreSQL client program (pg_dump, pg_restore) on the PATH, else the newest Debian's packages install. */
export function findPostgresTool(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(':')) {
    if (folder && existsSync(join(folder, name))) return join(folder, name);
  }
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((v) => existsSync(join(debian, v, 'bin', name)))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(debian, versions[0], 'bin', name) : undefined;
}

async function postgresBackup(url: string, partial: string): Promise<string> {
  const pgDump = findPostgresTool('pg_dump');
  if (!pgDump) {
    throw new BackupError(
      'a PostgreSQL backup needs pg_dump (from the postgresql-client package, the same major version as the server or newer), which was not found',
    );
  }
  try {
    await run(pgDump, ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${url}`]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`pg_dump failed: ${stderr || messageOf(error)}`);
  }
  return 'pg_dump --format=custom (one consistent snapshot; restore with pg_restore)';
}
