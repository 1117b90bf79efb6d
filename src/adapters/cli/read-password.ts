/**
 * Reading a password without it ever being an argument (argv is visible to every user of the machine in `ps`):
 * from standard input when piped (`--password-stdin`), or typed at a terminal prompt with echo off.
 */

/** All of standard input, without one trailing newline (what `echo` or a here-string adds). */
export async function readPasswordFromStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * Asks each prompt in turn on the terminal with echo off, in one raw-mode session (so a line typed ahead is kept
 * for the next prompt); resolves undefined when the user presses Ctrl-C or Ctrl-D.
 */
export function promptPasswords(
  prompts: readonly string[],
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const answers: string[] = [];
    let typed = '';
    const finish = (value: string[] | undefined) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      resolve(value);
    };
    const onData = (data: string) => {
      for (const c of data) {
        if (c === '\r' || c === '\n') {
          stderr.write('\n');
          answers.push(typed);
          typed = '';
          if (answers.length === prompts.length) return finish(answers);
          stderr.write(prompts[answers.length]);
        } else if (c === '\u0003' || c === '\u0004') {
          stderr.write('\n');
          return finish(undefined);
        } else if (c === '\u007f' || c === '\b') typed = typed.slice(0, -1);
        else if (c >= ' ') typed += c;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
    stderr.write(prompts[0]);
  });
}

/** Whether a prompt can be shown (both ends are a terminal). */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY);
}
