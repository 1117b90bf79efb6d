import type { Progress } from '../../core/ports.js';

/** What a use case's step names mean to a person watching the terminal. */
const STEP_TEXT: Record<string, string> = {
  compile: 'reading the scenario',
  frontier: 'probing the Pareto frontier and the bargaining solutions',
  diff: 'comparing the texts and attributing who gains',
};

export interface StepProgress extends Progress {
  /** Clears the line; call when the use case has finished (or failed). */
  done(): void;
}

/**
 * Progress of a use case's steps on one rewritten line of a terminal (stderr); nothing at all when stderr is
 * not a terminal, so pipes and logs get only the result.
 */
export function terminalStepProgress(
  stream: { isTTY?: boolean; write(text: string): unknown },
  command: string,
): StepProgress {
  if (!stream.isTTY) return { report() {}, done() {} };
  let shown = false;
  return {
    report(update) {
      const counted = update.total === undefined ? '' : ` (${update.done ?? 0}/${update.total})`;
      stream.write(`\r\x1b[2K${command}: ${STEP_TEXT[update.step] ?? update.step}${counted}…`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
