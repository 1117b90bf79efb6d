#!/usr/bin/env node
import { readFileSync } from 'node:fs';

// A reader that stops early (`parley show … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * `parley --help` prints the text the build wrote beside the compiled CLI, loading neither commander nor any
 * command, so that the whole process costs little more than Node's own start. Undefined when it is missing.
 */
function builtTopHelp() {
  try {
    return readFileSync(new URL('../dist/adapters/cli/top-help.txt', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
const topHelp = args.length === 1 && (args[0] === '--help' || args[0] === '-h') ? builtTopHelp() : undefined;
if (topHelp !== undefined) {
  process.stdout.write(topHelp);
} else {
  const { main } = await import('../dist/adapters/cli/main.js');
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(
        `parley: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
