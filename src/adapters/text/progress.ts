import { Presets, SingleBar } from 'cli-progress';
import type { Progress, ProgressUpdate } from '../../core/ports.js';

/** Where progress goes (standard error): drawn in place on a terminal, written as lines otherwise. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * What the person asked for: `true` is `--progress` (lines even into a pipe or a log file), `false` is
 * `--no-progress`, `undefined` lets the stream decide (a terminal gets progress, a pipe gets nothing).
 */
export type ProgressChoice = boolean | undefined;

/** The Progress port on a stream; `stop` clears what is drawn and must be called when the work ends. */
export interface ProgressDisplay extends Progress {
  stop(): void;
}

/** Width assumed for lines written to a pipe, which has no width of its own. */
const LINE_COLUMNS = 80;
/** Shortest interval between two lines of the same step, so that a fast loop does not flood a log. */
const THROTTLE_MS = 1000;
/** Widest that cli-progress prints a duration ("12h34m") or an unknown ETA. */
const DURATION = 6;
const MIN_BAR = 10;

const silent: ProgressDisplay = { report() {}, stop() {} };

/**
 * The one progress display of every command. A step with a known total shows its count, percentage and ETA
 * (as a bar on a terminal); a step without one shows its name and message. On a terminal everything is drawn
 * on one line, redrawn in place and cleared by `stop`; with `--progress` into a pipe, each step's lines are
 * kept, at most one a second, each prefixed with the seconds elapsed.
 */
export function progressDisplay(
  stream: ProgressStream,
  choice: ProgressChoice,
  now: () => number = () => performance.now(),
): ProgressDisplay {
  if (choice === false || (!choice && !stream.isTTY)) return silent;
  return stream.isTTY ? terminalDisplay(stream, now) : lineDisplay(stream, now);
}

/** Standard error of this process as a progress stream. */
export function stderrStream(
  write: (text: string) => unknown = (t) => process.stderr.write(t),
): ProgressStream {
  return { write, isTTY: Boolean(process.stderr.isTTY), columns: process.stderr.columns };
}

function terminalDisplay(stream: ProgressStream, now: () => number): ProgressDisplay {
  const columns = () => stream.columns ?? LINE_COLUMNS;
  let bar: SingleBar | undefined;
  let barStep: string | undefined;
  const start = now();
  const clearLine = () => stream.write('\r\u001b[2K');
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
    barStep = undefined;
  };
  return {
    report(update) {
      if (update.total !== undefined && update.total > 0) {
        if (barStep !== update.step || !bar) {
          stopBar();
          clearLine();
          bar = startBar(stream, update.step, update.total, update.done ?? 0);
          barStep = update.step;
        }
        bar.update(update.done ?? 0);
        return;
      }
      stopBar();
      clearLine();
      stream.write(fitted(`${elapsed(now() - start)} ${stepText(update)}`, columns()));
    },
    stop() {
      stopBar();
      clearLine();
    },
  };
}

function lineDisplay(stream: ProgressStream, now: () => number): ProgressDisplay {
  const start = now();
  let step = '';
  let stepStart = start;
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    report(update) {
      const at = now();
      if (update.step !== step) {
        step = update.step;
        stepStart = at;
      } else if (at - lastAt < THROTTLE_MS && !finished(update)) return;
      lastAt = at;
      const eta = etaMs(update, at - stepStart);
      const text = `${elapsed(at - start)} ${stepText(update, eta)}`;
      stream.write(`${fitted(text, LINE_COLUMNS)}\n`);
    },
    stop() {},
  };
}

function finished(update: ProgressUpdate): boolean {
  return update.total !== undefined && update.done === update.total;
}

/** Time left at the step's average pace so far; undefined before there is a pace to go by. */
export function etaMs(update: ProgressUpdate, spentMs: number): number | undefined {
  const { done, total } = update;
  if (done === undefined || total === undefined || done <= 0 || done > total || spentMs <= 0)
    return undefined;
  return (spentMs / done) * (total - done);
}

/** "pareto frontier 12/40 30%, ETA 7 s: gap 3.1" or "bargaining…". */
export function stepText(update: ProgressUpdate, eta?: number): string {
  const { done, total } = update;
  let count = '';
  if (done !== undefined && total !== undefined && total > 0) {
    count = ` ${done}/${total} ${Math.floor((100 * done) / total)}%`;
    if (done < total) count += `, ETA ${eta === undefined ? '?' : seconds(eta)}`;
  } else if (done !== undefined) count = ` ${done}`;
  return `${update.step}${count}${update.message ? `: ${update.message}` : '…'}`;
}

function elapsed(ms: number): string {
  return `[${(ms / 1000).toFixed(1)} s]`;
}

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.ceil(s / 60)} min`;
}

/** The text cut to leave one column free, so a terminal never wraps it; a cut is marked with "…". */
function fitted(text: string, columns: number): string {
  return text.length < columns ? text : `${text.slice(0, Math.max(0, columns - 2))}…`;
}

/**
 * The cli-progress format and bar size for a line that fits `columns`: the counts, percentage and ETA always stay
 * (they are what a person waits for), the bar takes what is left, and the elapsed time is dropped before the bar
 * would shrink below MIN_BAR. One column is kept free so the terminal never wraps the line.
 */
export function progressFormat(
  label: string,
  total: number,
  columns: number,
): { format: string; barsize: number } {
  const digits = String(total).length;
  const counts = `${'9'.repeat(digits)}/${'9'.repeat(digits)}`;
  const tail = (withElapsed: boolean) =>
    ` ${counts} 100%${withElapsed ? ` | elapsed ${'9'.repeat(DURATION)}` : ''} | ETA ${'9'.repeat(DURATION)}`;
  const format = (withElapsed: boolean, withBar: boolean) =>
    `${label}${withBar ? ' [{bar}]' : ''} {value}/{total} {percentage}%${withElapsed ? ' | elapsed {duration_formatted}' : ''} | ETA {eta_formatted}`;
  for (const withElapsed of [true, false]) {
    const barsize = columns - 1 - label.length - 3 - tail(withElapsed).length;
    if (barsize >= MIN_BAR) return { format: format(withElapsed, true), barsize: Math.min(40, barsize) };
  }
  // Narrower still: the label and counts without a bar, or the counts and the ETA alone.
  return {
    format:
      label.length + tail(false).length < columns
        ? format(false, false)
        : '{value}/{total} {percentage}% | ETA {eta_formatted}',
    barsize: 0,
  };
}

function startBar(stream: ProgressStream, label: string, total: number, start: number): SingleBar {
  const { format, barsize } = progressFormat(label, total, stream.columns ?? LINE_COLUMNS);
  const bar = new SingleBar(
    {
      format,
      barsize,
      // cli-progress only writes to its stream and reads isTTY and columns, which ProgressStream has.
      stream: stream as NodeJS.WritableStream,
      noTTYOutput: false,
      etaBuffer: 50,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, start);
  return bar;
}
