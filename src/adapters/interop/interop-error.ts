/**
 * The one error type the interop readers and writers throw for bad input: it names the file and says what
 * was expected, so a command line can print `file: message` without a stack trace.
 */
export class InteropError extends Error {
  /** The file (or folder) the problem is in. */
  readonly file: string;
  /** The problem without the file name in front. */
  readonly detail: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'InteropError';
    this.file = file;
    this.detail = detail;
  }

  override toString(): string {
    return this.message;
  }
}
