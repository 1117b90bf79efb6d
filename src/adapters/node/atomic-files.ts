import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { asFileAccessError, FileAccessError, onPath } from './fs-errors.js';

/**
 * Every file Parley writes goes through here. A file is written beside its target under a temporary name,
 * flushed to disk, then renamed over the target (and the folder flushed), so a reader, or a run killed at any
 * instant, sees the old file or the new one, never part of one. A set of files (an export, a tournament's
 * results) is committed as a whole: all files are written under temporary names, then a small commit record
 * names them, then they are renamed into place and the record removed. A run killed before the record exists
 * leaves the old set (its temporary files are removed by the next write into the folder); a run killed after
 * it is completed by the next write into the folder or by `recoverFileSets`. Nothing is replaced without
 * `force`.
 */

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

export interface WriteOptions {
  /** Replace files that exist; without it an existing target is an error and nothing is written. */
  force?: boolean;
}

const TEMP_MARK = '.parley-';
const SET_RECORD = /^\.parley-set-(\d+)-([0-9a-z]+)\.json$/;
const TEMP_FILE = /\.parley-(\d+)-([0-9a-z]+)\.tmp$/;

let counter = 0;
function newId(): string {
  counter += 1;
  return `${process.pid}-${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

function tempPath(path: string, id: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_MARK}${id}.tmp`);
}

function statOrUndefined(path: string, action: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw asFileAccessError(error, action, path);
  }
}

/** The nearest folder that exists on the way up from `dir`; a file on the way is ENOTDIR. */
function nearestExistingFolder(dir: string): string {
  let current = resolve(dir);
  for (;;) {
    const stats = statOrUndefined(current, 'write into');
    if (stats) {
      if (!stats.isDirectory()) throw new FileAccessError('write into', dir, 'ENOTDIR');
      return current;
    }
    const parent = dirname(current);
    if (parent === current) throw new FileAccessError('write into', dir, 'ENOENT');
    current = parent;
  }
}

/**
 * Checks, before any work, that files can be created in `dir` (or in the nearest folder above it that exists,
 * where the missing ones would be made): creates and removes an empty probe file. Catches read-only and
 * permission-less folders, `/proc`-like file systems and paths under a file.
 */
export function probeFolder(dir: string): void {
  const existing = nearestExistingFolder(dir);
  const probe = join(existing, `${TEMP_MARK}probe-${newId()}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A folder that exists but refuses new names (ENOENT in /proc) is reported as what it is.
    const detail = code === 'ENOENT' ? 'the folder does not accept new files' : undefined;
    throw new FileAccessError('write into', existing, code, detail);
  }
  rmSync(probe, { force: true });
}

/** Before the work: the target is not a folder, exists only with `force`, and its folder takes new files. */
export function checkOutputFile(path: string, options: WriteOptions = {}): void {
  const stats = statOrUndefined(path, 'write');
  if (stats?.isDirectory())
    throw new FileAccessError('write', path, 'EISDIR', 'it is a folder; give a file name');
  if (stats && !options.force)
    throw new FileAccessError('write', path, 'EEXIST', 'it exists; add --force to replace it');
  probeFolder(dirname(path));
}

/** Creates `dir` and any missing folders above it one level at a time (never a recursive mkdir, which can spin). */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!statOrUndefined(current, 'create the folder')) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (!statSync(current).isDirectory()) throw new FileAccessError('create the folder', dir, 'ENOTDIR');
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw asFileAccessError(error, 'create the folder', folder);
      }
    }
  }
}

function writeDurably(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, 'wx', 0o666);
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (the renames) to disk; file systems that cannot do it are left as they are. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder (EINVAL, EISDIR); the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Puts `temp` at `path`: over an existing file with `force`, otherwise only if `path` does not exist. */
function placeFile(temp: string, path: string, force: boolean): void {
  if (force) {
    renameSync(temp, path);
    return;
  }
  try {
    // link() fails if the target exists, so "not without --force" holds even against a racing writer.
    linkSync(temp, path);
    unlinkSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new FileAccessError('write', path, 'EEXIST', 'it exists; add --force to replace it');
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    // A file system without hard links: check, then rename.
    if (statOrUndefined(path, 'write'))
      throw new FileAccessError('write', path, 'EEXIST', 'it exists; add --force to replace it');
    renameSync(temp, path);
  }
}

/** Writes one file atomically (see the module comment); creates its folder if missing. */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: WriteOptions = {},
): void {
  const dir = dirname(path);
  makeFolder(dir);
  const temp = tempPath(path, newId());
  try {
    onPath('write', path, () => {
      writeDurably(temp, content);
      placeFile(temp, path, options.force === true);
    });
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes what a killed set write left in `dir`: completes sets whose commit record exists, and removes
 * temporary files of writers that are no longer running. Returns how many sets were completed.
 */
export function recoverFileSets(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let completed = 0;
  for (const name of names.filter((n) => SET_RECORD.test(n))) {
    const record = join(dir, name);
    let renames: [string, string][];
    try {
      renames = JSON.parse(readFileSync(record, 'utf8')).renames;
    } catch {
      continue;
    }
    for (const [temp, target] of renames) {
      if (statOrUndefined(join(dir, temp), 'write')) renameSync(join(dir, temp), join(dir, target));
    }
    syncFolder(dir);
    unlinkSync(record);
    completed += 1;
  }
  for (const name of names) {
    const match = TEMP_FILE.exec(name);
    if (match && !isAlive(Number(match[1]))) rmSync(join(dir, name), { force: true });
  }
  syncFolder(dir);
  return completed;
}

function setFolder(files: readonly OutputFile[]): string {
  const dir = resolve(dirname(files[0].path));
  for (const f of files) {
    if (resolve(dirname(f.path)) !== dir) throw new Error('a file set is written into one folder');
  }
  return dir;
}

/**
 * Writes a set of files into one folder as a whole (see the module comment). Without `force`, any existing
 * target stops the write before anything is written.
 */
export function writeFileSetAtomic(files: readonly OutputFile[], options: WriteOptions = {}): void {
  if (files.length === 0) return;
  const dir = setFolder(files);
  makeFolder(dir);
  recoverFileSets(dir);
  if (!options.force) {
    for (const f of files) {
      if (statOrUndefined(f.path, 'write'))
        throw new FileAccessError('write', f.path, 'EEXIST', 'it exists; add --force to replace it');
    }
  }
  const id = newId();
  const temps = files.map((f) => tempPath(f.path, id));
  try {
    for (const [k, f] of files.entries()) onPath('write', f.path, () => writeDurably(temps[k], f.content));
    syncFolder(dir);
  } catch (error) {
    for (const t of temps) rmSync(t, { force: true });
    throw error;
  }
  const record = join(dir, `.parley-set-${id}.json`);
  const renames = files.map((f, k) => [basename(temps[k]), basename(f.path)]);
  onPath('write into', dir, () => writeFileAtomic(record, JSON.stringify({ renames }), {}));
  // Committed: from here on a killed run is completed by the next write into the folder.
  onPath('write into', dir, () => {
    for (const [k, f] of files.entries()) renameSync(temps[k], f.path);
    syncFolder(dir);
    unlinkSync(record);
  });
  syncFolder(dir);
}

/** A file written piece by piece that appears at its path only when complete (`commit`), atomically. */
export interface AtomicStream {
  write(text: string): void;
  /** Flushes the pieces and puts the file in place. */
  commit(): void;
  /** Drops what was written; the target is left as it was. */
  abort(): void;
}

export function openAtomicStream(path: string, options: WriteOptions = {}): AtomicStream {
  makeFolder(dirname(path));
  const temp = tempPath(path, newId());
  const fd = onPath('write', path, () => openSync(temp, 'wx', 0o666));
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: (text) => onPath('write', path, () => writeFileSync(fd, text)),
    commit: () => {
      try {
        onPath('write', path, () => {
          fsyncSync(fd);
          close();
          placeFile(temp, path, options.force === true);
        });
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
      syncFolder(dirname(path));
    },
    abort: () => {
      close();
      rmSync(temp, { force: true });
    },
  };
}
