import { report } from '../../../app/report.js';
import { nodeComputePorts } from '../../node/node-ports.js';
import { analysisReportHtml } from '../../report/analysis-report.js';
import { progressDisplay, stderrStream } from '../../text/progress.js';
import { readableWordDiff } from '../../text/readable-word-diff.js';
import { checkHtmlDestination, writeHtml } from '../html-output.js';
import { loadOrExit, usageError } from '../load.js';
import { EXIT_OK, type Io } from '../output.js';
import { type AnalyzeOptions, parseAnalyzeOptions, warnIfPartial } from './analyze.js';

export interface ReportCommandOptions extends AnalyzeOptions {
  output?: string;
  force?: boolean;
  diff?: string[];
}

/** `parley report <file> -o report.html`: the analysis as one self-contained HTML page with charts. */
export async function reportCommand(file: string, options: ReportCommandOptions, io: Io): Promise<number> {
  const output = options.output;
  if (!output)
    usageError(
      io,
      'give the output file with -o',
      'example: parley report scenarios/ukraine-2025.yaml -o report.html',
    );
  checkHtmlDestination(output, options.force, io);
  if (options.diff && options.diff.length !== 2) {
    usageError(
      io,
      '--diff takes two versions or packages',
      'example: --diff framework:plan-28 framework:plan-20',
    );
  }
  const scenario = loadOrExit(file, io, false);
  const parsed = parseAnalyzeOptions(options, scenario, io);
  const progress = progressDisplay(stderrStream(io.err), options.progress);
  const data = await report(
    { scenario, ...parsed, diff: options.diff ? [options.diff[0], options.diff[1]] : undefined },
    { ...nodeComputePorts({ threads: parsed.threads, progress }), wordDiff: readableWordDiff },
  ).finally(() => progress.stop());
  await writeHtml(output, analysisReportHtml(data), io);
  warnIfPartial(data.analysis.completeness, io);
  return EXIT_OK;
}
