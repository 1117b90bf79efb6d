import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { report } from '../../../app/report.js';
import { checkOutputFile } from '../../node/atomic-files.js';
import { nodeComputePorts, nodeFileStore } from '../../node/node-ports.js';
import { analysisReportHtml } from '../../report/analysis-report.js';
import { readableWordDiff } from '../../text/readable-word-diff.js';
import { loadOrExit, usageError } from '../load.js';
import { EXIT_OK, type Io } from '../output.js';
import { stderrProgress } from '../progress-lines.js';
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
  if (!existsSync(dirname(output) || '.')) usageError(io, `the folder '${dirname(output)}' does not exist`);
  checkOutputFile(output, { force: options.force });
  if (options.diff && options.diff.length !== 2) {
    usageError(
      io,
      '--diff takes two versions or packages',
      'example: --diff framework:plan-28 framework:plan-20',
    );
  }
  const scenario = loadOrExit(file, io, false);
  const parsed = parseAnalyzeOptions(options, scenario, io);
  const data = await report(
    { scenario, ...parsed, diff: options.diff ? [options.diff[0], options.diff[1]] : undefined },
    {
      ...nodeComputePorts({ threads: parsed.threads, progress: stderrProgress(io, options.progress) }),
      wordDiff: readableWordDiff,
    },
  );
  const html = analysisReportHtml(data);
  await nodeFileStore().writeAtomic(output, html);
  io.out(`wrote ${output} (${Math.round(html.length / 1024)} KB)\n`);
  warnIfPartial(data.analysis.completeness, io);
  return EXIT_OK;
}
