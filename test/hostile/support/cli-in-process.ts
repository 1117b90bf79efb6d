import { runCli } from '../../support/run-cli.js';

export type { CliRun as CliResult } from '../../support/run-cli.js';

/** Runs a `parley` command in this process, capturing what it writes. */
export const cli = (...args: string[]) => runCli(args);
