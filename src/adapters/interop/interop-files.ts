import type { InMemoryFile } from '../../app/interop-types.js';
import { InteropError } from './interop-error.js';

/**
 * The files an importer reads, behind an interface so that the readers need no file system: `nodeFiles`
 * (node-files.ts) reads the disk; `inMemoryFiles` serves files a browser or a server already holds.
 */
export interface InteropFiles {
  /** A file's text (UTF-8, a byte-order mark removed), or an InteropError saying what was expected. */
  readText(path: string, what: string): string;
  /** Whether the path is a file, a folder, or nothing. */
  kind(path: string): 'file' | 'folder' | undefined;
  /** The files directly in a folder, as paths, sorted by name. */
  filesIn(folder: string): string[];
  /** Entries of a folder that cannot be reached (a link that loops or leads nowhere), with the reason. */
  unreadableIn?(folder: string): Array<{ file: string; reason: string }>;
}

export type { InMemoryFile } from '../../app/interop-types.js';

function normalise(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
}

/**
 * Files in memory as InteropFiles. Folders are implied by the paths; the empty path '' (or '.') is the
 * folder that holds them all.
 */
export function inMemoryFiles(files: readonly InMemoryFile[]): InteropFiles {
  const byPath = new Map(files.map((f) => [normalise(f.path), f]));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
  return {
    readText(path, what) {
      const file = byPath.get(normalise(path));
      if (file === undefined) throw new InteropError(path, `file not found (expected ${what})`);
      let text: string;
      if ('text' in file) text = file.text;
      else {
        try {
          text = decoder.decode(file.bytes);
        } catch {
          throw new InteropError(path, `not valid UTF-8 text (expected ${what})`);
        }
      }
      return text.replace(/^\uFEFF/, '');
    },
    kind(path) {
      const p = normalise(path) === '.' ? '' : normalise(path);
      if (byPath.has(p)) return 'file';
      if (p === '') return byPath.size > 0 ? 'folder' : undefined;
      for (const key of byPath.keys()) if (key.startsWith(`${p}/`)) return 'folder';
      return undefined;
    },
    filesIn(folder) {
      const f = normalise(folder) === '.' ? '' : normalise(folder);
      return [...byPath.keys()].filter((key) => folderOf(key) === f).sort();
    },
  };
}

/** The last part of a path, after '/' or '\'. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
}

/** The folder part of a path ('' for a bare name). */
export function dirName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut);
}

/** The extension with its dot, lower-case as written ('' when none). */
export function extName(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}
