/** File-system failures in words: every output and input error names the path and the reason, never a stack. */

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ELOOP: 'the symbolic links loop (or there are too many of them)',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'no such file or folder',
  EEXIST: 'it already exists',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'it is busy',
  EXDEV: 'it is on another file system',
  EINVAL: 'the file system does not accept this name or operation',
  EIO: 'an input/output error occurred',
  EFBIG: 'the file is too large',
  ETXTBSY: 'the file is busy',
};

/** The error codes Node gives for file-system failures that Parley reports as bad input (exit 2). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && code in REASONS;
}

export function fsReason(code: string | undefined): string {
  return (code !== undefined && REASONS[code]) || `the file system refused (${code ?? 'unknown error'})`;
}

/**
 * A file-system failure on a path Parley was asked to read or write; `action` says what it was doing
 * ("write", "read", "create the folder").
 */
export class FileAccessError extends Error {
  constructor(
    readonly action: string,
    readonly path: string,
    readonly code: string | undefined,
    detail?: string,
  ) {
    super(`cannot ${action} '${path}': ${detail ?? fsReason(code)}${code && !detail ? ` (${code})` : ''}`);
    this.name = 'FileAccessError';
  }
}

const SYSCALL_ACTIONS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the folder',
  rename: 'rename',
  scandir: 'read the folder',
  opendir: 'read the folder',
  stat: 'reach',
  lstat: 'reach',
  unlink: 'remove',
  readlink: 'follow the link',
  realpath: 'follow the path',
};

/**
 * Wraps a Node error as a FileAccessError on `path` (the error's own path when it has one); `action` is what
 * Parley was doing, or by default what the failed call was. Other errors pass unchanged.
 */
export function asFileAccessError(error: unknown, action: string | undefined, path: string): unknown {
  if (error instanceof FileAccessError) return error;
  if (!isFileSystemError(error)) return error;
  const what = action ?? SYSCALL_ACTIONS[error.syscall ?? ''] ?? 'use';
  return new FileAccessError(what, error.path ?? path, error.code);
}

/** Runs `work`; a file-system failure becomes a FileAccessError naming `path`. */
export function onPath<T>(action: string, path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asFileAccessError(error, action, path);
  }
}
