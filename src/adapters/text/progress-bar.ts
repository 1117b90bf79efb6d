import { Presets, SingleBar } from 'cli-progress';
import type { Progress, ProgressUpdate } from '../../core/ports.js';

/** Where progress goes: standard error, drawn only when it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Widest that cli-progress prints a duration ("12h34m") or an unknown ETA. */
const DURATION = 6;
const MIN_BAR = 10;

/**
 * The cli-progress format and bar size for a line that fits `columns`: the counts, percentage and ETA always stay
 * (they are what a person waits for), the bar takes what is left, and the elapsed time is dropped before the bar
 * would shrink below MIN_BAR. One column is kept free so the terminal never wraps the line.
 */
export function progressFormat(
  label: string,
  unit: string,
  total: number,
  columns: number,
): { format: string; barsize: number } {
  const digits = String(total).length;
  const units = unit ? ` ${unit}` : '';
  const counts = `{value}/{total}${units}`
    .replace('{value}', '9'.repeat(digits))
    .replace('{total}', '9'.repeat(digits));
  const tail = (elapsed: boolean) =>
    ` ${counts} 100%${elapsed ? ` | elapsed ${'9'.repeat(DURATION)}` : ''} | ETA ${'9'.repeat(DURATION)}`;
  const format = (elapsed: boolean, bar: boolean) =>
    `${label}${bar ? ' [{bar}]' : ''} {value}/{total}${units} {percentage}%${elapsed ? ' | elapsed {duration_formatted}' : ''} | ETA {eta_formatted}`;
  for (const elapsed of [true, false]) {
    const barsize = columns - 1 - label.length - 3 - tail(elapsed).length;
    if (barsize >= MIN_BAR) return { format: format(elapsed, true), barsize: Math.min(40, barsize) };
  }
  const plain = format(false, false);
  const plainWidth = label.length + tail(false).length;
  // Narrower still: the counts and the ETA alone.
  return {
    format: plainWidth < columns ? plain : '{value}/{total} {percentage}% | ETA {eta_formatted}',
    barsize: 0,
  };
}

/**
 * A progress bar on `stream` for `total` units starting at `start`, fitted to the stream's width; undefined when
 * the stream is not a terminal (a pipe or a log file gets no progress lines).
 */
export function startProgressBar(
  stream: ProgressStream & NodeJS.WritableStream,
  label: string,
  unit: string,
  total: number,
  start = 0,
): SingleBar | undefined {
  if (!stream.isTTY) return undefined;
  const { format, barsize } = progressFormat(label, unit, total, stream.columns ?? 80);
  const bar = new SingleBar(
    { format, barsize, stream, noTTYOutput: false, etaBuffer: 50, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(total, start);
  return bar;
}

/**
 * The Progress port drawn on a terminal: a step with a known total gets a bar with its ETA, a step without one a
 * line with its name and message. `stop` clears what is drawn. Nothing is drawn when the stream is no terminal.
 */
export function terminalProgress(
  stream: ProgressStream & NodeJS.WritableStream,
): Progress & { stop(): void } {
  let bar: SingleBar | undefined;
  let step: string | undefined;
  const clearLine = () => {
    if (stream.isTTY) stream.write('\r\u001b[2K');
  };
  return {
    report(update: ProgressUpdate) {
      if (!stream.isTTY) return;
      if (update.total !== undefined && update.total > 0) {
        if (step !== update.step || !bar) {
          bar?.stop();
          clearLine();
          bar = startProgressBar(stream, update.step, '', update.total, update.done ?? 0);
          step = update.step;
        }
        bar?.update(update.done ?? 0);
        return;
      }
      bar?.stop();
      bar = undefined;
      step = update.step;
      const text = `${update.step}…${update.message ? ` ${update.message}` : ''}`;
      clearLine();
      stream.write(text.slice(0, Math.max(0, (stream.columns ?? 80) - 1)));
    },
    stop() {
      bar?.stop();
      bar = undefined;
      clearLine();
    },
  };
}
