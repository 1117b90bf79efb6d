import picocolors from 'picocolors';
import { type DiffInput, type DiffPorts, type DiffResult, diff } from '../../../app/diff.js';
import { whoGains } from '../../../app/who-gains.js';
import { ResolveError } from '../../../core/model/resolve.js';
import {
  AttributionError,
  formatPackageDiff,
  formatVersionDiff,
  parseRef,
  VersionError,
} from '../../../core/versions/index.js';
import { nodeComputePorts } from '../../node/node-ports.js';
import { diffPageHtml } from '../../report/diff-page.js';
import { progressDisplay, stderrStream } from '../../text/progress.js';
import { readableWordDiff } from '../../text/readable-word-diff.js';
import { FLAG_BOUNDS } from '../flag-bounds.js';
import { checkHtmlDestination, writeHtml } from '../html-output.js';
import { loadOrExit, usageError } from '../load.js';
import { integerFlag } from '../numeric-flags.js';
import { EXIT_OK, type Io, json } from '../output.js';

export interface DiffCommandOptions {
  progress?: boolean;
  packages?: string[];
  samples?: string;
  seed?: string;
  json?: boolean;
  /** commander turns --no-word-diff into wordDiff: false. */
  wordDiff?: boolean;
  /** Also write the diff as an HTML page (who gains first, then the clauses). */
  html?: string;
  force?: boolean;
}

const REF_HINT = 'a version is written document:version, for example framework:plan-28';

/** Checks the shape of a "doc:ver" argument before any work, so a typo gets a direct message. */
function checkRef(text: string, io: Io): string {
  try {
    parseRef(text);
  } catch (error) {
    if (error instanceof VersionError) usageError(io, error.message, REF_HINT);
    throw error;
  }
  return text;
}

function parseSeed(text: string, io: Io): number {
  return integerFlag(text, '--seed', FLAG_BOUNDS.diff['--seed'], io);
}

/** Runs the diff use case, turning the engine's input errors into usage errors (exit 2, no stack trace). */
async function computeDiff(input: DiffInput, ports: DiffPorts, io: Io): Promise<DiffResult> {
  try {
    return await diff(input, ports);
  } catch (error) {
    if (error instanceof VersionError || error instanceof ResolveError || error instanceof AttributionError) {
      usageError(io, error.message);
    }
    throw error;
  }
}

const HEADINGS =
  /^(Dropped|Changed|Added|Same text, new place|Issues|Conflicts between points|Red lines|Notes|Who gains.*|Verdict[^:]*|Frontier|== .*)(?=:|$)/;

/** Called only when the output is a colour terminal, so colours are forced on here. */
const pc = picocolors.createColors(true);

/** Colours the engine's plain text for a terminal: removed words red and struck, added words green. */
export function colourDiffText(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/\[-([\s\S]*?)-\]/g, (_, words: string) => pc.red(pc.strikethrough(`[-${words}-]`)))
        .replace(/\{\+([\s\S]*?)\+\}/g, (_, words: string) => pc.green(`{+${words}+}`))
        .replace(HEADINGS, (heading: string) => pc.bold(heading)),
    )
    .join('\n');
}

/**
 * `parley diff <file> <doc:from> <doc:to>` or `parley diff <file> --packages <a> <b>`: what changed in the
 * text, which issues are settled differently, and who gains from each change.
 */
export async function diffCommand(
  file: string,
  refs: string[],
  options: DiffCommandOptions,
  io: Io,
): Promise<number> {
  const packages = options.packages;
  if (packages !== undefined) {
    if (refs.length > 0) {
      usageError(
        io,
        `give either two versions or --packages, not both (got ${refs.join(' ')} and --packages)`,
        'parley diff <file> <doc:from> <doc:to>  or  parley diff <file> --packages <a> <b>',
      );
    }
    if (packages.length !== 2) {
      usageError(
        io,
        `--packages takes exactly two package ids, got ${packages.length}`,
        'example: --packages november december',
      );
    }
  } else if (refs.length !== 2) {
    usageError(
      io,
      `diff needs two versions to compare, got ${refs.length}`,
      `${REF_HINT}; example: parley diff scenarios/ukraine-2025.yaml framework:plan-28 framework:plan-20`,
    );
  }
  for (const ref of refs) checkRef(ref, io);
  const samples =
    options.samples === undefined
      ? undefined
      : integerFlag(options.samples, '--samples', FLAG_BOUNDS.diff['--samples'], io);
  if (samples !== undefined && samples < 2) usageError(io, '--samples must be at least 2');
  const seed = options.seed === undefined ? undefined : parseSeed(options.seed, io);

  if (options.html !== undefined) checkHtmlDestination(options.html, options.force, io, '--html');

  const scenario = loadOrExit(file, io, options.json === true);
  // Progress on standard error while the diff computes: on a terminal, or always with --progress.
  const progress = progressDisplay(stderrStream(io.err), options.progress);
  const ports: DiffPorts = {
    ...nodeComputePorts({ progress }),
    ...(options.wordDiff === false ? {} : { wordDiff: readableWordDiff }),
  };
  const { diff, frontierSkipped } = await computeDiff(
    {
      scenario,
      before: packages ? packages[0] : refs[0],
      after: packages ? packages[1] : refs[1],
      packages: packages !== undefined,
      samples,
      seed,
    },
    ports,
    io,
  ).finally(() => progress.stop());
  if (options.html !== undefined) {
    const before = packages ? packages[0] : refs[0];
    const after = packages ? packages[1] : refs[1];
    const notes = frontierSkipped === undefined ? [] : [`Frontier: not probed (${frontierSkipped}).`];
    const page = diffPageHtml(
      scenario.title,
      { before, after, result: diff, whoGains: whoGains(diff, before, after) },
      notes,
    );
    await writeHtml(options.html, page, options.json ? { ...io, out: (text) => io.err(text) } : io);
  }
  if (options.json) {
    io.out(json(diff));
    return EXIT_OK;
  }
  let text = diff.format === 'parley.package-diff' ? formatPackageDiff(diff) : formatVersionDiff(diff);
  if (frontierSkipped !== undefined) text += `Frontier: not probed (${frontierSkipped}).\n`;
  io.out(io.color ? colourDiffText(text) : text);
  return EXIT_OK;
}
