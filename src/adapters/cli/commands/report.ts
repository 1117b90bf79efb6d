import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { forecast } from '../../../app/forecast.js';
import { actorTableFromScenario } from '../../../core/forecast/input/actor-table-from-scenario.js';
import { compileScenario } from '../../../core/model/compile.js';
import { runAnalysis } from '../../analysis/run-analysis.js';
import { analysisReportHtml } from '../../report/analysis-report.js';
import { loadOrExit, usageError } from '../load.js';
import { EXIT_OK, type Io } from '../output.js';
import { type AnalyzeOptions, parseAnalyzeOptions } from './analyze.js';

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
  if (existsSync(output) && statSync(output).isDirectory())
    usageError(io, `'${output}' is a folder; give a file name`);
  if (existsSync(output) && !options.force) usageError(io, `'${output}' exists; add --force to replace it`);
  if (!existsSync(dirname(output) || '.')) usageError(io, `the folder '${dirname(output)}' does not exist`);
  if (options.diff && options.diff.length !== 2) {
    usageError(
      io,
      '--diff takes two versions or packages',
      'example: --diff framework:plan-28 framework:plan-20',
    );
  }
  const scenario = loadOrExit(file, io, false);
  const parsed = parseAnalyzeOptions(options, scenario, io);
  const report = await runAnalysis(scenario, { ...parsed, onStep: (step) => io.err(`  ${step}…\n`) });
  const compiled = compileScenario(scenario, { at: parsed.at });
  // A scenario with a forecast section gets a forecast of its contested issues (all models, defaults).
  const table = scenario.forecast ? actorTableFromScenario(scenario) : undefined;
  const forecastResult = table?.ok
    ? await forecast({ table: table.table, models: ['all'], basis: "analysts' estimates in the scenario" })
    : undefined;
  const html = analysisReportHtml(report, compiled, {
    diff: options.diff ? [options.diff[0], options.diff[1]] : undefined,
    forecast: forecastResult,
  });
  // Write beside the target, then rename, so an interrupted run never leaves half a report.
  const partial = `${output}.partial`;
  writeFileSync(partial, html);
  renameSync(partial, output);
  io.out(`wrote ${output} (${Math.round(html.length / 1024)} KB)\n`);
  return EXIT_OK;
}
