import { writeFileSync } from 'node:fs';
import { buildProgram } from './main.js';

/** Where the build leaves the text of `parley --help`, beside the compiled CLI; bin/parley.js prints it. */
export const TOP_HELP_FILE = new URL('./top-help.txt', import.meta.url);

/** The text commander prints for `parley --help`, at 80 columns. */
export function topLevelHelp(): string {
  let text = '';
  const program = buildProgram({ out: (t) => (text += t), err: () => {}, color: false }, () => {});
  program.configureOutput({ writeOut: (t) => (text += t), getOutHelpWidth: () => 80 });
  program.outputHelp();
  return text;
}

// Run by `npm run build`: `parley --help` then prints this file without loading commander or any command.
if (import.meta.url === new URL(process.argv[1] ?? '', 'file:').href) {
  writeFileSync(TOP_HELP_FILE, topLevelHelp());
}
