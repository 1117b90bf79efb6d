import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { type ForecastInput, forecast } from '../../../app/forecast.js';
import {
  actorTableFromScenario,
  type PositionSource,
  type SalienceReading,
} from '../../../core/forecast/input/actor-table-from-scenario.js';
import { readActorCsv } from '../../../core/forecast/input/read-actor-csv.js';
import { readKtabCsv } from '../../../core/forecast/input/read-ktab-csv.js';
import type { TableProblem, TableRead } from '../../../core/forecast/input/table-problem.js';
import { FORECAST_MODELS } from '../../../core/forecast/models.js';
import {
  BdmOptions,
  type BdmOptionsInput,
  SmpOptions,
  type SmpOptionsInput,
} from '../../../schema/forecast.js';
import { formatDiagnostics } from '../../load/format-diagnostics.js';
import { FLAG_BOUNDS } from '../flag-bounds.js';
import { renderForecast } from '../forecast-text.js';
import { loadOrExit, usageError } from '../load.js';
import { integerFlag, optionalIntegerFlag, realFlag } from '../numeric-flags.js';
import { CliExit, EXIT_INPUT, EXIT_OK, type Io, json } from '../output.js';
import type { INPUT_FORMATS } from './forecast-formats.js';

export interface ForecastCommandOptions {
  format?: (typeof INPUT_FORMATS)[number];
  model?: string[];
  issues?: string;
  salience?: SalienceReading;
  positions?: PositionSource;
  scale?: string;
  bdmProbability?: string;
  bdmQ?: string;
  bdmT?: string;
  bdmMu?: string;
  bdmMuSecond?: string;
  bdmOffers?: string;
  bdmRounds?: string;
  smp?: string;
  smpTurns?: string;
  samples?: string;
  seed?: string;
  explain?: boolean;
  json?: boolean;
}

function readText(file: string, io: Io): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return usageError(
      io,
      `cannot read '${file}'${code === 'ENOENT' ? ': no such file' : `: ${code ?? String(error)}`}`,
    );
  }
}

function reportProblems(file: string, problems: TableProblem[], io: Io, asJson: boolean): never {
  const diagnostics = problems.map((p) => ({ file, ...p, severity: 'error' as const }));
  if (asJson) io.out(json({ ok: false, file, diagnostics }));
  else io.err(`${formatDiagnostics(diagnostics, { color: io.color })}\n`);
  throw new CliExit(EXIT_INPUT);
}

/** KTAB's files announce actors and dimensions on line 1 and start line 2 with "Actor". */
function looksLikeKtab(text: string): boolean {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  return lines.length >= 2 && /^\s*"?actor"?\s*,\s*"?description"?\s*,/i.test(lines[1]);
}

function parseScale(text: string | undefined, io: Io): { min: number; max: number } {
  if (text === undefined) return { min: 0, max: 100 };
  const m = /^\s*(-?[\d.eE+-]+)\s*(?:\.\.|:)\s*(-?[\d.eE+-]+)\s*$/.exec(text);
  const min = Number(m?.[1]);
  const max = Number(m?.[2]);
  if (!m || !Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) {
    usageError(io, `--scale must be min..max with min < max, got '${text}'`, 'example: --scale 4..10');
  }
  return { min, max };
}

function parseUnit(text: string | undefined, name: '--bdm-q' | '--bdm-t', io: Io): number | undefined {
  return text === undefined ? undefined : realFlag(text, name, FLAG_BOUNDS.forecast[name], io);
}

function choice<T extends string>(
  text: string | undefined,
  allowed: readonly T[],
  name: string,
  io: Io,
): T | undefined {
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text))
    usageError(io, `${name} must be one of ${allowed.join(', ')}; got '${text}'`);
  return text as T;
}

/** `--smp VotingRule=Cubic,BigRAdjust=Half`: KTAB's parameter names and values. */
function parseSmp(text: string | undefined, io: Io): SmpOptionsInput {
  const options: Record<string, string> = {};
  const shape = SmpOptions.shape;
  const enumNames = Object.keys(shape).filter((k) => 'options' in shape[k as keyof typeof shape].unwrap());
  for (const part of (text ?? '').split(',').filter((p) => p.trim() !== '')) {
    const [name, value] = part.split('=').map((x) => x.trim());
    if (!enumNames.includes(name))
      usageError(io, `--smp: unknown parameter '${name}'`, `parameters: ${enumNames.join(', ')}`);
    const allowed = (shape[name as keyof typeof shape].unwrap() as unknown as { options: string[] }).options;
    if (!allowed.includes(value))
      usageError(io, `--smp: ${name} must be one of ${allowed.join(', ')}; got '${value ?? ''}'`);
    options[name] = value;
  }
  return options as SmpOptionsInput;
}

function bdmOptions(options: ForecastCommandOptions, io: Io): BdmOptionsInput {
  const shape = BdmOptions.shape;
  const muRules = shape.muRule.unwrap().options;
  return {
    probabilityRule: choice(
      options.bdmProbability,
      shape.probabilityRule.unwrap().options,
      '--bdm-probability',
      io,
    ),
    q: parseUnit(options.bdmQ, '--bdm-q', io),
    t: parseUnit(options.bdmT, '--bdm-t', io),
    muRule: choice(options.bdmMu, muRules, '--bdm-mu', io),
    muRuleSecondPass: choice(options.bdmMuSecond, muRules, '--bdm-mu-second', io),
    offerRanking: choice(options.bdmOffers, shape.offerRanking.unwrap().options, '--bdm-offers', io),
    maxRounds:
      options.bdmRounds === undefined
        ? undefined
        : integerFlag(options.bdmRounds, '--bdm-rounds', FLAG_BOUNDS.forecast['--bdm-rounds'], io),
  };
}

/** `parley forecast <file>`: where positions will end up, by mean, median, Condorcet, BDM and SMP. */
export async function forecastCommand(
  file: string,
  options: ForecastCommandOptions,
  io: Io,
): Promise<number> {
  const asJson = options.json === true;
  const models = (options.model ?? ['all']).flatMap((m) => m.split(',')).map((m) => m.trim());
  for (const m of models) {
    if (m !== 'all' && !(FORECAST_MODELS as readonly string[]).includes(m)) {
      usageError(io, `unknown model '${m}'`, `models: ${[...FORECAST_MODELS, 'all'].join(', ')}`);
    }
  }
  const bounds = FLAG_BOUNDS.forecast;
  const samples =
    options.samples === undefined ? 0 : integerFlag(options.samples, '--samples', bounds['--samples'], io);
  const seed = optionalIntegerFlag(options.seed, '--seed', bounds['--seed'], io, 1);
  const smp: SmpOptionsInput = {
    ...parseSmp(options.smp, io),
    ...(options.smpTurns === undefined
      ? {}
      : { maxTurns: integerFlag(options.smpTurns, '--smp-turns', bounds['--smp-turns'], io) }),
    seed,
  };
  const extension = extname(file).toLowerCase();
  let format = options.format ?? 'auto';
  let read: TableRead;
  let basis = 'the actor table as given';
  if (format === 'auto') format = ['.yaml', '.yml', '.json'].includes(extension) ? 'scenario' : 'csv';
  if (format === 'scenario') {
    const scenario = loadOrExit(file, io, asJson);
    read = actorTableFromScenario(scenario, {
      issues: options.issues?.split(',').map((x) => x.trim()),
      salience: choice(options.salience, ['by-model', 'share', 'top'] as const, '--salience', io),
      positions: choice(options.positions, ['preferences', 'stated'] as const, '--positions', io),
    });
    basis = "analysts' estimates in the scenario (positions, weights and capabilities)";
  } else {
    const text = readText(file, io);
    const ktab = options.format === 'ktab' || (options.format !== 'csv' && looksLikeKtab(text));
    read = ktab
      ? readKtabCsv(text)
      : readActorCsv(text, { scale: parseScale(options.scale, io), name: basename(file, extension) });
  }
  if (!read.ok) reportProblems(file, read.problems, io, asJson);
  const input: ForecastInput = {
    table: read.table,
    models,
    bdm: bdmOptions(options, io),
    smp,
    samples,
    seed,
    basis,
  };
  const result = await forecast(input);
  if (asJson) io.out(json(result));
  else io.out(renderForecast(result, io, { explain: options.explain }));
  return EXIT_OK;
}
