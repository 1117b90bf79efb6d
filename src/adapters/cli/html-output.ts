import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkOutputFile } from '../node/atomic-files.js';
import { nodeFileStore } from '../node/node-ports.js';
import { usageError } from './load.js';
import type { Io } from './output.js';

/** Checks an HTML destination before any work: a file name, in a folder that exists, replaced only with --force. */
export function checkHtmlDestination(
  output: string,
  force: boolean | undefined,
  io: Io,
  option = '-o',
): void {
  if (existsSync(output) && statSync(output).isDirectory())
    usageError(io, `${option} '${output}' is a folder; give a file name`);
  if (existsSync(output) && !force) usageError(io, `'${output}' exists; add --force to replace it`);
  if (!existsSync(dirname(output) || '.')) usageError(io, `the folder '${dirname(output)}' does not exist`);
  // Writable at all (a read-only folder, a path through a file): found now, not after the analysis.
  checkOutputFile(output, { force });
}

/** Writes the page atomically (never half a file) and says where and how big. */
export async function writeHtml(output: string, html: string, io: Io): Promise<void> {
  await nodeFileStore().writeAtomic(output, html);
  io.out(`wrote ${output} (${Math.round(Buffer.byteLength(html) / 1024)} KB)\n`);
}
