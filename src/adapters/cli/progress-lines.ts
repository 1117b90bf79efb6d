import type { Progress, ProgressUpdate } from '../../core/ports.js';
import type { Io } from './output.js';

/** Shortest interval between two progress lines of the same step, so that a fast loop does not flood stderr. */
const THROTTLE_MS = 1000;

/**
 * Progress of a long computation on stderr: each step as it starts, then at most one line a second while it
 * runs ("pareto frontier: 12 frontier points proven…"), each prefixed with the seconds elapsed. Off unless
 * stderr is a terminal or `--progress` asks for it, so pipes and tests see nothing.
 */
export function stderrProgress(
  io: Io,
  asked: boolean | undefined,
  isTty = Boolean(process.stderr.isTTY),
): Progress {
  if (asked === false || (!asked && !isTty)) return { report() {} };
  const start = performance.now();
  let lastStep = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    report(update: ProgressUpdate) {
      const now = performance.now();
      if (update.step === lastStep && now - lastAt < THROTTLE_MS) return;
      lastStep = update.step;
      lastAt = now;
      io.err(`  [${((now - start) / 1000).toFixed(1)} s] ${lineOf(update)}\n`);
    },
  };
}

function lineOf(update: ProgressUpdate): string {
  const count =
    update.done === undefined
      ? ''
      : update.total === undefined
        ? ` ${update.done}`
        : ` ${update.done}/${update.total}`;
  return `${update.step}${count}${update.message ? `: ${update.message}` : '…'}`;
}
