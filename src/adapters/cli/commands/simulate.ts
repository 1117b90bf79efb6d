import { type ReferenceSummary, simulate } from '../../../app/simulate.js';
import {
  CONVENTION_SETS,
  type ConventionSet,
  DEFAULT_CONVENTIONS,
  isConventionSet,
} from '../../../core/conventions.js';
import { closestId } from '../../../core/model/closest-id.js';
import { type CompiledScenario, compileScenario } from '../../../core/model/compile.js';
import { concessionOptionProblem } from '../../../core/simulation/concession-settings.js';
import type { SimulationConfig } from '../../../core/simulation/config.js';
import { resolveConfig, SimulationConfigError } from '../../../core/simulation/config.js';
import { formatTrace } from '../../../core/simulation/format-trace.js';
import { roundLabel, roundsPlayed } from '../../../core/simulation/round-label.js';
import {
  builtInStrategies,
  createStrategy,
  strategyRegistry,
} from '../../../core/simulation/strategies/registry.js';
import { type StrategySpec, strategySpecName } from '../../../core/simulation/strategy.js';
import type { Run } from '../../../core/simulation/trace.js';
import type { Scenario } from '../../../schema/scenario.js';
import { checkOutputFile, writeFileAtomic } from '../../node/atomic-files.js';
import { nodeComputePorts } from '../../node/node-ports.js';
import { htmlPage } from '../../report/html.js';
import { simulationSection } from '../../report/sections/simulation-section.js';
import { ConfigError } from '../../simulation/config-schema.js';
import { sandboxedSimulator } from '../../simulation/run-simulation.js';
import { SandboxedStrategies } from '../../simulation/sandbox.js';
import { FLAG_BOUNDS, MAX_ROUNDS } from '../flag-bounds.js';
import { loadOrExit, usageError } from '../load.js';
import { integerFlag, optionalIntegerFlag, realFlag } from '../numeric-flags.js';
import { EXIT_OK, type Io, json, num, styler, table } from '../output.js';
import { validateDate } from '../parse-arguments.js';

export interface SimulateOptions {
  protocol?: string;
  strategies?: string;
  strategyModule?: string[];
  rounds?: string;
  deadlineDays?: string;
  start?: string;
  daysPerRound?: string;
  discount?: string;
  mediator?: string;
  seed?: string;
  parties?: string;
  preferences?: string;
  at?: string;
  maxEvents?: string;
  fullOffers?: boolean;
  json?: boolean;
  html?: string;
  /** Replace an existing --html file. */
  force?: boolean;
  conventions?: string;
  strategyOption?: string[];
}

export const DEFAULT_STRATEGY = 'boulware';
export const DEFAULT_ROUNDS = 100;
export const BUILT_IN_NAMES = builtInStrategies.map((s) => s.name);

const PROTOCOLS: Record<string, 'alternating-offers' | 'single-text'> = {
  sao: 'alternating-offers',
  'alternating-offers': 'alternating-offers',
  text: 'single-text',
  'single-text': 'single-text',
};

/** ' (did you mean 'x'?)' or ' (known: a, b, c)'. */
export function didYouMean(written: string, known: readonly string[]): string {
  const close = closestId(written, known);
  return close ? `; did you mean '${close}'?` : known.length > 0 ? ` (known: ${known.join(', ')})` : '';
}

/** Splits on commas outside parentheses: `a=x(p=1,q=2),b=y` → ['a=x(p=1,q=2)', 'b=y']. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function paramValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : text;
}

/**
 * A strategy written on the command line: `name` or `name(key=value,key=value)`; numbers and true/false are
 * read as such. Checks the name against the known strategies.
 */
export function parseStrategySpec(
  text: string,
  known: readonly string[],
  io: Io,
  where: string,
): StrategySpec {
  const match = /^([A-Za-z0-9_.-]+)(?:\((.*)\))?$/.exec(text.trim());
  if (!match) {
    usageError(
      io,
      `${where}: '${text}' is not a strategy`,
      'write a name, or name(param=value,...), e.g. time-dependent(e=0.5)',
    );
  }
  const name = match[1];
  if (!known.includes(name)) usageError(io, `${where}: unknown strategy '${name}'${didYouMean(name, known)}`);
  if (match[2] === undefined) return name;
  const params: Record<string, unknown> = {};
  for (const part of splitTopLevel(match[2])) {
    const eq = part.indexOf('=');
    if (eq <= 0) usageError(io, `${where}: parameter '${part}' of '${name}' is not of the form key=value`);
    params[part.slice(0, eq).trim()] = paramValue(part.slice(eq + 1).trim());
  }
  return { name, params };
}

function parseNumber(
  text: string,
  flag: string,
  io: Io,
  check: (x: number) => boolean,
  expected: string,
): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || !check(x))
    usageError(io, `${flag} must be ${expected}, got '${text}'`);
  return x;
}

/** `party=value,...`, with the party checked; a bare value applies to every negotiator. */
function perParty(
  text: string,
  flag: string,
  parties: readonly string[],
  io: Io,
): { all?: string; byParty: Map<string, string> } {
  const byParty = new Map<string, string>();
  let all: string | undefined;
  for (const part of splitTopLevel(text)) {
    const eq = part.indexOf('=');
    const paren = part.indexOf('(');
    if (eq < 0 || (paren >= 0 && paren < eq)) {
      all = part;
      continue;
    }
    const party = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (party === 'default' || party === '*') {
      all = value;
      continue;
    }
    if (!parties.includes(party))
      usageError(
        io,
        `${flag}: '${party}' is not a negotiating party${didYouMean(party, parties)}`,
        `negotiators: ${parties.join(', ')}`,
      );
    if (byParty.has(party)) usageError(io, `${flag}: party '${party}' is given twice`);
    if (value === '') usageError(io, `${flag}: no value for '${party}'`);
    byParty.set(party, value);
  }
  return { all, byParty };
}

/** The convention set named on the command line (default parley); exit 2 with a suggestion otherwise. */
export function parseConventions(text: string | undefined, io: Io): ConventionSet {
  if (text === undefined) return DEFAULT_CONVENTIONS;
  if (isConventionSet(text)) return text;
  return usageError(
    io,
    `unknown convention set '${text}'${didYouMean(text, CONVENTION_SETS)}`,
    'use --conventions parley (default), negmas or genius',
  );
}

/**
 * `--strategy-option party.key=value,...` (repeatable; a bare key=value applies to every negotiator): strategy
 * parameters, most usefully the concession settings time, floor, offer, band and accept. Values are checked
 * here for those settings, and every parameter against its strategy when the strategies are created.
 */
export function parseStrategyOptions(
  texts: readonly string[],
  parties: readonly string[],
  io: Io,
): { all: Record<string, unknown>; byParty: Map<string, Record<string, unknown>> } {
  const all: Record<string, unknown> = {};
  const byParty = new Map<string, Record<string, unknown>>();
  for (const part of texts.flatMap(splitTopLevel)) {
    const match = /^(?:([^=]+?)\.)?([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*)$/.exec(part);
    if (!match || match[3] === '')
      usageError(
        io,
        `--strategy-option: '${part}' is not of the form party.key=value`,
        'e.g. --strategy-option dealer.floor=reservation (or floor=reservation for every negotiator)',
      );
    const [, party, key, text] = match;
    const value = paramValue(text.trim());
    const problem = concessionOptionProblem(key, value);
    if (problem) usageError(io, `--strategy-option ${part}: ${problem}`);
    if (party === undefined || party === '*' || party === 'default') {
      all[key] = value;
      continue;
    }
    if (!parties.includes(party))
      usageError(
        io,
        `--strategy-option: '${party}' is not a negotiating party${didYouMean(party, parties)}`,
        `negotiators: ${parties.join(', ')}`,
      );
    const options = byParty.get(party) ?? {};
    options[key] = value;
    byParty.set(party, options);
  }
  return { all, byParty };
}

/** A strategy spec with extra parameters on top of its own. */
function withParams(spec: StrategySpec, extra: Record<string, unknown> | undefined): StrategySpec {
  if (!extra || Object.keys(extra).length === 0) return spec;
  if (typeof spec === 'string') return { name: spec, params: { ...extra } };
  return { ...spec, params: { ...spec.params, ...extra } };
}

export interface PreparedSimulation {
  scenario: Scenario;
  compiled: CompiledScenario;
  config: SimulationConfig;
  modules: string[];
  /** Built-in strategy names and those of the modules. */
  known: string[];
}

/** Turns the command-line options into a checked simulation configuration (exit 2 on any mistake). */
export async function prepareSimulation(
  file: string,
  options: SimulateOptions,
  io: Io,
): Promise<PreparedSimulation> {
  const protocolName = options.protocol ?? 'sao';
  const protocol = PROTOCOLS[protocolName];
  if (!protocol)
    usageError(
      io,
      `unknown protocol '${protocolName}'${didYouMean(protocolName, ['sao', 'text'])}`,
      'use --protocol sao (alternating offers) or --protocol text (single negotiating text)',
    );
  if (options.mediator !== undefined) {
    if (protocol !== 'single-text') usageError(io, '--mediator applies to --protocol text only');
    if (options.mediator !== 'hill-climb' && options.mediator !== 'nash')
      usageError(
        io,
        `unknown mediator '${options.mediator}'${didYouMean(options.mediator, ['hill-climb', 'nash'])}`,
      );
  }
  if (
    options.preferences !== undefined &&
    options.preferences !== 'estimate' &&
    options.preferences !== 'sampled'
  )
    usageError(io, `--preferences must be estimate or sampled, got '${options.preferences}'`);
  const bounds = FLAG_BOUNDS.simulate;
  const seed = optionalIntegerFlag(options.seed, '--seed', bounds['--seed'], io, 1);
  const rounds =
    options.rounds === undefined
      ? undefined
      : integerFlag(options.rounds, '--rounds', bounds['--rounds'], io);
  const days =
    options.deadlineDays === undefined
      ? undefined
      : realFlag(options.deadlineDays, '--deadline-days', bounds['--deadline-days'], io);
  const daysPerRound =
    options.daysPerRound === undefined
      ? undefined
      : realFlag(options.daysPerRound, '--days-per-round', bounds['--days-per-round'], io);
  if (options.maxEvents !== undefined)
    integerFlag(options.maxEvents, '--max-events', bounds['--max-events'], io);
  if (days !== undefined && Math.ceil(days / (daysPerRound ?? 1)) > MAX_ROUNDS) {
    usageError(
      io,
      `--deadline-days ${days} at ${daysPerRound ?? 1} day(s) per round is ${Math.ceil(days / (daysPerRound ?? 1)).toLocaleString('en-US')} rounds, more than the ${MAX_ROUNDS.toLocaleString('en-US')} a run may take`,
      'raise --days-per-round or shorten --deadline-days',
    );
  }
  if (options.start !== undefined) validateDate(options.start, io);
  if (options.at !== undefined) validateDate(options.at, io);

  const modules = options.strategyModule ?? [];
  let moduleNames: string[] = [];
  if (modules.length > 0) {
    try {
      const sandbox = await SandboxedStrategies.load(modules);
      moduleNames = sandbox.modules.map((m) => m.name);
      sandbox.close();
    } catch (error) {
      usageError(io, (error as Error).message);
    }
    const clash = moduleNames.find((n) => BUILT_IN_NAMES.includes(n));
    if (clash) usageError(io, `strategy module name '${clash}' is already a built-in strategy; rename it`);
  }
  const known = [...BUILT_IN_NAMES, ...moduleNames];

  const scenario = loadOrExit(file, io, options.json === true);
  const compiled = compileScenario(scenario, { at: options.at });
  const withPrefs = compiled.models.map((m) => m.party);
  let parties = compiled.signatories.map((k) => compiled.models[k].party);
  if (options.parties !== undefined) {
    parties = options.parties
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parties.length === 0) usageError(io, '--parties is empty');
    for (const p of parties) {
      if (withPrefs.includes(p)) continue;
      const exists = scenario.parties.some((q) => q.id === p);
      usageError(
        io,
        exists
          ? `party '${p}' has no preferences in the scenario, so it cannot negotiate`
          : `unknown party '${p}'${didYouMean(p, withPrefs)}`,
        `parties with preferences: ${withPrefs.join(', ')}`,
      );
    }
  }
  if (parties.length === 0)
    usageError(io, 'the scenario has no signatory with preferences; name the negotiators with --parties');

  const strategies = perParty(options.strategies ?? '', '--strategies', parties, io);
  const discounts = perParty(options.discount ?? '', '--discount', parties, io);
  const defaultSpec = parseStrategySpec(strategies.all ?? DEFAULT_STRATEGY, known, io, '--strategies');
  const discountOf = (party: string): number | undefined => {
    const text = discounts.byParty.get(party) ?? discounts.all;
    return text === undefined
      ? undefined
      : parseNumber(text, `--discount for ${party}`, io, (x) => x > 0 && x <= 1, 'a number in (0, 1]');
  };
  const conventions = parseConventions(options.conventions, io);
  const strategyOptions = parseStrategyOptions(options.strategyOption ?? [], parties, io);
  const builtIns = strategyRegistry();
  const agents: SimulationConfig['agents'] = {};
  for (const party of parties) {
    const text = strategies.byParty.get(party);
    const written =
      text === undefined ? defaultSpec : parseStrategySpec(text, known, io, `--strategies for ${party}`);
    const spec = withParams(written, { ...strategyOptions.all, ...strategyOptions.byParty.get(party) });
    if (builtIns.has(strategySpecName(spec))) {
      try {
        createStrategy(spec, builtIns, conventions);
      } catch (error) {
        usageError(io, `strategy of ${party}: ${(error as Error).message}`);
      }
    }
    const discount = discountOf(party);
    agents[party] = discount === undefined ? { strategy: spec } : { strategy: spec, discount };
  }

  const config: SimulationConfig = {
    protocol,
    parties,
    agents,
    deadline: {},
    seed,
  };
  if (conventions !== DEFAULT_CONVENTIONS) config.conventions = conventions;
  if (options.preferences) config.preferences = options.preferences as 'estimate' | 'sampled';
  if (rounds !== undefined) config.deadline.rounds = rounds;
  if (days !== undefined) config.deadline.days = days;
  if (rounds === undefined && days === undefined) config.deadline.rounds = DEFAULT_ROUNDS;
  if (options.start !== undefined || daysPerRound !== undefined || days !== undefined) {
    const start = options.start ?? options.at ?? scenario.asOf;
    if (start === undefined)
      usageError(
        io,
        'a timeline needs a start date: give --start YYYY-MM-DD (the scenario has no asOf date)',
      );
    config.timeline = { start, daysPerRound: daysPerRound ?? 1 };
  }
  if (protocol === 'single-text')
    config.mediator = { strategy: (options.mediator ?? 'hill-climb') as 'hill-climb' | 'nash' };
  try {
    resolveConfig(compiled, config, known);
  } catch (error) {
    if (error instanceof SimulationConfigError) usageError(io, error.message);
    throw error;
  }
  return { scenario, compiled, config, modules, known };
}

function optionLabel(compiled: CompiledScenario, outcome: readonly number[]): string[] {
  return compiled.space.issues.map((issue, i) => issue.labels[outcome[i]] ?? issue.optionIds[outcome[i]]);
}

/** `parley simulate <file> [options]` */
export async function simulateCommand(file: string, options: SimulateOptions, io: Io): Promise<number> {
  if (options.html) checkOutputFile(options.html, { force: options.force });
  const prepared = await prepareSimulation(file, options, io);
  const { compiled, config } = prepared;
  let run: Run;
  let reference: ReferenceSummary;
  try {
    ({ run, reference } = await simulate(
      {
        scenario: prepared.scenario,
        config,
        ...(options.at === undefined ? {} : { at: options.at }),
        strategyModules: prepared.modules,
        moduleStrategies: prepared.known.filter((name) => !BUILT_IN_NAMES.includes(name)),
      },
      { ...nodeComputePorts(), simulator: sandboxedSimulator },
    ));
  } catch (error) {
    if (error instanceof SimulationConfigError || error instanceof ConfigError) usageError(io, error.message);
    throw error;
  }

  if (options.html) {
    const section = simulationSection({ run, compiled, reference });
    const title = `Simulation: ${compiled.scenario.title}`;
    const subtitle = [
      `${compiled.scenario.id}${compiled.scenario.asOf ? `, as of ${compiled.scenario.asOf}` : ''}`,
      "Simulated negotiators with the analysts' estimated preferences; a model run, not a forecast.",
    ];
    writeFileAtomic(options.html, htmlPage(title, subtitle, [section]), { force: options.force });
  }

  if (options.json) {
    // The frontier's points are left out: --json stays readable; `parley analyze --json` lists them.
    const { frontier: _points, ...summary } = reference.available
      ? reference
      : { ...reference, frontier: [] };
    io.out(json({ run, reference: reference.available ? summary : reference }));
    return EXIT_OK;
  }

  const s = styler(io);
  const nameOf = (id: string) => compiled.scenario.parties.find((p) => p.id === id)?.name ?? id;
  io.out(`${s.bold('Simulating')} ${compiled.scenario.title}\n`);
  io.out(`${s.dim("Negotiators play the analysts' estimated preferences; a model run, not a forecast.")}\n`);
  if (run.timeline) {
    io.out(`Timeline: round 1 on ${run.timeline.start}, ${run.timeline.daysPerRound} day(s) per round.\n`);
  }
  io.out('\n');
  const maxEvents = options.maxEvents === undefined ? undefined : Number(options.maxEvents);
  const outcomes = options.fullOffers || compiled.space.issues.length <= 5 ? 'full' : 'changes';
  io.out(formatTrace(run, { space: compiled.space, maxEvents, outcomes, summary: false }));
  io.out('\n');

  const o = run.outcome;
  const when = `${roundLabel(o.round, run.deadlineRounds)}${o.date ? ` (${o.date})` : ''}`;
  if (o.agreement && o.outcome) {
    io.out(`${s.bold('Result')}: ${s.green('agreement')} in ${when}\n`);
    const labels = optionLabel(compiled, o.outcome);
    io.out(
      table(
        ['issue', 'agreed option'],
        compiled.space.issues.map((issue, i) => [issue.title, labels[i]]),
        io,
      ),
    );
  } else {
    io.out(
      `${s.bold('Result')}: ${s.red('no agreement')} (${o.endedBy}${o.by ? ` by ${o.by}` : ''}) in ${when}\n`,
    );
  }
  io.out(
    table(
      ['party', 'strategy', 'utility', 'discounted', 'BATNA', 'concession', 'offers', 'faults'],
      run.results.map((r) => [
        `${nameOf(r.party)} (${r.party})`,
        r.strategy,
        num(r.utility),
        num(r.discountedUtility),
        num(r.batna),
        r.concessionRate === null ? 'n/a' : r.concessionRate.toFixed(2),
        String(r.offers),
        String(r.faults),
      ]),
      io,
    ),
  );
  const m = run.metrics;
  const metrics = [
    roundsPlayed(m.rounds),
    `welfare ${num(m.socialWelfare)} (discounted ${num(m.discountedWelfare)})`,
  ];
  if (m.paretoDistance !== undefined)
    metrics.push(`distance to the Pareto frontier ${m.paretoDistance.toFixed(2)}`);
  if (m.nashDistance !== undefined) metrics.push(`to Nash ${m.nashDistance.toFixed(2)}`);
  if (m.kalaiDistance !== undefined) metrics.push(`to Kalai ${m.kalaiDistance.toFixed(2)}`);
  io.out(`${metrics.join(', ')}\n`);
  if (reference.available) {
    io.out(
      `${s.dim(`Reference: exact frontier of the ${reference.withinRedLines} outcomes crossing no negotiator's red line (of ${reference.outcomes}), ${reference.frontierSize} points; agreement zone ${reference.agreementZone} outcomes.`)}\n`,
    );
    for (const [name, p] of [
      ['Nash', reference.nash],
      ['Kalai', reference.kalai],
    ] as const) {
      if (p)
        io.out(
          `${s.dim(`${name} point: ${run.parties.map((party, k) => `${party} ${num(p.utilities[k])}`).join(', ')}`)}\n`,
        );
    }
    for (const note of reference.notes) io.out(`${s.dim(`Note: ${note}.`)}\n`);
  } else {
    io.out(`${s.yellow('No reference')}: ${reference.reason}.\n`);
  }
  for (const f of run.faults)
    io.out(
      `${s.yellow('Fault')}: ${f.party} in ${roundLabel(f.round, run.deadlineRounds)}: ${f.kind}: ${f.message}\n`,
    );
  for (const note of run.notes) io.out(`${s.dim(`Note: ${note}.`)}\n`);
  if (options.html) io.out(`Report written to ${options.html}\n`);
  return EXIT_OK;
}
