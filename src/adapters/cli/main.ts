import { Command, CommanderError, Option } from 'commander';
import { INTEROP_FORMATS } from '../interop/interop-report.js';
import { asFileAccessError, FileAccessError } from '../node/fs-errors.js';
import { closeStartedPool } from '../workers/started-pool.js';
import { EXPORT_FORMATS } from './commands/export-formats.js';
import { INPUT_FORMATS } from './commands/forecast-formats.js';
import {
  CliExit,
  EXIT_INPUT,
  escapeTerminal,
  type FittedIo,
  fitToWidth,
  type Io,
  processIo,
  terminalSafe,
} from './output.js';
import { STORE_FLAG_HELP } from './store-location.js';

const VERSION = '0.1.0';

const EXAMPLES = `
Examples:
  parley validate scenarios/*.yaml
  parley show scenarios/ukraine-2025.yaml
  parley evaluate scenarios/ukraine-2025.yaml --package december --at 2025-12-24
  parley evaluate scenarios/ukraine-2025.yaml --version framework:plan-28
  parley analyze scenarios/ukraine-2025.yaml --package december
  parley evaluate scenarios/teaching-used-car.yaml --outcome price=9000,warranty=12m
  parley import path/to/genius-domain-folder -o imported.yaml
  parley export scenarios/ukraine-2025.yaml --format negmas -o out/negmas
  parley diff scenarios/ukraine-2025.yaml framework:plan-28 framework:plan-20
  parley timeline scenarios/ukraine-2025.yaml --document framework
  parley simulate scenarios/teaching-used-car.yaml --strategies dealer=hardliner --rounds 50
  parley tournament examples/tournament.yaml --out results

Exit codes: 0 success (for evaluate: acceptable to every signatory), 1 not acceptable,
2 invalid input (the messages say where and why).`;

export function buildProgram(
  unsafeIo: Io,
  setCode: (code: number) => void,
  io: FittedIo = fitToWidth(terminalSafe(unsafeIo)),
): Command {
  const program = new Command('parley')
    .description('Model, analyse and simulate multi-party, multi-issue negotiations.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXAMPLES)
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      getOutHelpWidth: () => io.width ?? 100,
      getErrHelpWidth: () => io.width ?? 100,
    })
    .enablePositionalOptions()
    .exitOverride();

  program
    .command('validate')
    .description('check scenario files and report every problem with its file, line, column and field path')
    .argument('<files...>', 'scenario files (YAML or JSON)')
    .option('--json', 'machine-readable output')
    .action(async (files: string[], options) => {
      const { validateCommand } = await import('./commands/validate.js');
      setCode(await validateCommand(files, options, io));
    });

  program
    .command('show')
    .description('summarise a scenario: parties, issues, documents and versions, packages, red lines, events')
    .argument('<file>', 'scenario file')
    .option('--at <date>', 'date for dated BATNAs (YYYY-MM-DD)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, options) => {
      const { showCommand } = await import('./commands/show.js');
      setCode(await showCommand(file, options, io));
    });

  program
    .command('evaluate')
    .description(
      "each party's utility (a range when issues are left open), red lines crossed and by which points, acceptability against the BATNA, and the verdict",
    )
    .argument('<file>', 'scenario file')
    .option('-p, --package <id>', 'evaluate a package of document versions')
    .addOption(
      new Option(
        '-v, --version <doc:ver...>',
        'evaluate document versions together (repeat or comma-separate)',
      ),
    )
    .option(
      '-o, --outcome <issue=option,...>',
      'pin issues to options (alone, or on top of --package/--version)',
    )
    .option('--at <date>', 'date for dated BATNAs (YYYY-MM-DD); default: the scenario asOf')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      `
Utilities are 0..100: the salience-weighted sum of option values plus interaction adjustments.
"utility" uses the estimates; "with uncertainty" lets every estimate range over its stated low..high.
An issue the text leaves open gives a range over its options, never a guess.`,
    )
    .action(async (file: string, options) => {
      const { evaluateCommand } = await import('./commands/evaluate.js');
      setCode(await evaluateCommand(file, options, io));
    });

  program
    .command('analyze')
    .description(
      'where agreement is possible: the agreement zone, why it is empty, the smallest relaxation, the Pareto frontier, bargaining solutions, packages, robustness and gaps',
    )
    .argument('<file>', 'scenario file')
    .option(
      '-p, --package <id>',
      'focus package: Pareto improvements and what it would take to make it acceptable',
    )
    .addOption(new Option('-v, --version <doc:ver...>', 'focus on document versions instead of a package'))
    .option('--parties <ids>', 'bargaining parties, comma-separated (default: the signatories)')
    .option('--at <date>', 'date for dated BATNAs (YYYY-MM-DD); default: the scenario asOf')
    .option('--samples <n>', "Monte Carlo draws over the estimates' ranges for robustness (default 0: skip)")
    .option('--seed <s>', 'seed for the draws (default 1)')
    .option('--threads <n>', 'worker threads for the draws (default: all cores)')
    .addOption(
      new Option(
        '--method <method>',
        'enumerate the outcomes, decompose by issue (frontier only), solve MILPs, or choose by size',
      )
        .choices(['auto', 'enumerate', 'decompose', 'milp'])
        .default('auto'),
    )
    .option('--max-frontier <n|all>', 'frontier points listed (default 2000; "all" lists every one)')
    .option('--count-ties <n>', 'MILP frontiers: count the outcomes sharing each vector, up to n per vector')
    .addOption(
      new Option('--frontier-over <set>', 'frontier of all outcomes or of the acceptable ones only')
        .choices(['all', 'acceptable'])
        .default('all'),
    )
    .option('--frontier-out <file.jsonl>', 'stream every frontier point to a JSON-lines file')
    .option('--force', 'replace the --frontier-out file if it exists')
    .option('--timings', 'also print how long each step took (varies from run to run; off by default)')
    .option(
      '--time-limit <seconds|none>',
      'budget of the whole analysis (default 300 s); past it, a partial answer saying what is not proven',
    )
    .option('--progress', 'progress lines on stderr even when it is not a terminal')
    .option('--no-progress', 'no progress on stderr, even on a terminal')
    .addOption(
      new Option(
        '--conventions <set>',
        "bargaining conventions: parley (BATNA as disagreement, within the zone) or negmas (adds NegMAS's points)",
      )
        .choices(['parley', 'negmas'])
        .default('parley'),
    )
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      `
Spaces up to 2,000,000 outcomes are enumerated; larger ones are solved exactly as mixed-integer programs
(HiGHS). Every section says which method it used. Nash solutions by MILP carry a stated tolerance.
The frontier says which outcomes it is over and whether it is exact or bounded; above the enumeration
limit it is proven point by point by MILP (two parties; more with --method milp).
The whole analysis has a budget (--time-limit, default 300 seconds; "none" for no limit). When it runs out,
every section keeps what it proved and the output says what is not proven ("completeness" in JSON, a warning
on stderr); the exit code stays 0. Progress goes to stderr on a terminal, or always with --progress;
--no-progress turns it off.

Examples:
  parley analyze scenarios/ukraine-2025.yaml
  parley analyze scenarios/teaching-used-car.yaml --package revised --samples 2000 --seed 7
  parley analyze scenarios/river-water-sharing.yaml --json > analysis.json
  parley analyze energy.yaml --max-frontier all --frontier-over acceptable --json
  parley analyze anac-10.yaml --method milp --frontier-out frontier.jsonl
  parley analyze imported-domain.yaml --conventions negmas
  parley analyze big.yaml --time-limit 30 --progress`,
    )
    .action(async (file: string, options) => {
      const { analyzeCommand } = await import('./commands/analyze.js');
      setCode(await analyzeCommand(file, options, io));
    });

  program
    .command('report')
    .description(
      'write the analysis as a self-contained HTML page with charts (summary first; nothing fetched)',
    )
    .argument('<file>', 'scenario file')
    .requiredOption('-o, --output <file>', 'HTML file to write')
    .option('--force', 'replace the output file if it exists')
    .option('-p, --package <id>', 'focus package (as for analyze)')
    .option('--diff <refs...>', 'add a diff of two versions (doc:ver doc:ver) or two packages')
    .option('--parties <ids>', 'bargaining parties, comma-separated (default: the signatories)')
    .option('--at <date>', 'date for dated BATNAs (YYYY-MM-DD)')
    .option('--samples <n>', 'Monte Carlo draws for the robustness section (default 0: skip)')
    .option('--seed <s>', 'seed for the draws (default 1)')
    .option('--threads <n>', 'worker threads for the draws')
    .option(
      '--time-limit <seconds|none>',
      'budget of the analysis (default 300 s); then a partial, labelled page',
    )
    .option('--progress', 'progress lines on stderr even when it is not a terminal')
    .option('--no-progress', 'no progress on stderr, even on a terminal')
    .addOption(
      new Option('--method <method>', 'enumerate, MILP, or choose by size')
        .choices(['auto', 'enumerate', 'milp'])
        .default('auto'),
    )
    .addHelpText(
      'after',
      `
Examples:
  parley report scenarios/ukraine-2025.yaml -o ukraine.html --package december --samples 2000
  parley report scenarios/ukraine-2025.yaml -o ukraine.html --diff framework:plan-28 framework:plan-20`,
    )
    .action(async (file: string, options) => {
      const { reportCommand } = await import('./commands/report.js');
      setCode(await reportCommand(file, options, io));
    });

  program
    .command('import')
    .description(
      'read a GENIUS, GeniusWeb or NegMAS negotiation (a folder or one of its files) into a Parley scenario',
    )
    .argument('<path>', 'folder with a domain and its profiles, or one domain or profile file')
    .option('-o, --output <file>', 'scenario file to write (YAML); default: print the YAML on stdout')
    .addOption(
      new Option('--format <format>', 'insist on this format (default: detected from the files)').choices(
        INTEROP_FORMATS,
      ),
    )
    .option('--real-intervals <n>', 'cut each real-valued issue into about n grid intervals (default 100)')
    .option('--force', 'replace the output file if it exists')
    .option(
      '--allow-partial',
      'accept an import without files of the format that cannot be read (listed loudly)',
    )
    .option('--json', 'machine-readable report on stdout (with the scenario when there is no -o)')
    .addHelpText(
      'after',
      `
The format is recognised from the files' content; files that belong to no format (pareto.xml,
specials.json) are listed and skipped. The written file starts with comments saying where it came
from, what could not be carried over exactly (losses) and which conventions were applied (notes),
and it is loaded back and checked before the command reports success. The report goes to stderr.

Examples:
  parley import domains/Laptop -o laptop.yaml
  parley import domains/Laptop/laptop_domain.xml > laptop.yaml
  parley import domains/SecondHandCar --real-intervals 20 -o car.yaml
  parley import domains/Party --format geniusweb -o party.yaml --force

Exit codes: 0 written, 2 bad input (missing or malformed files, existing output without --force, a partial
import without --allow-partial),
70 the imported scenario does not load back (a bug: please report it).`,
    )
    .action(async (path: string, options) => {
      const { importCommand } = await import('./commands/import.js');
      setCode(await importCommand(path, options, io));
    });

  program
    .command('export')
    .description('write a scenario as GENIUS, GeniusWeb or NegMAS files and list everything they cannot hold')
    .argument('<file>', 'scenario file')
    .addOption(
      new Option('--format <format>', 'format to write').choices(EXPORT_FORMATS).makeOptionMandatory(),
    )
    .requiredOption('-o, --output <dir>', 'folder to write into (created if missing; must be empty)')
    .addOption(
      new Option('--geniusweb-version <n>', 'GeniusWeb profile syntax: 2 (default) or 1').choices(['1', '2']),
    )
    .option('--force', 'write into a non-empty folder, replacing files of the same names')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      `
The formats hold additive utilities and a reservation value; Parley's red lines, most adjustments,
uncertainty ranges, dated BATNAs, documents and packages have no place in them. Every such loss is
listed. Utilities are written on the formats' 0..1 scale (Parley utility / 100).

Examples:
  parley export scenarios/ukraine-2025.yaml --format genius -o out/genius
  parley export scenarios/teaching-used-car.yaml --format geniusweb --geniusweb-version 1 -o out/gw
  parley export scenarios/ukraine-2025.yaml --format negmas -o out/negmas --json`,
    )
    .action(async (file: string, options) => {
      const { exportCommand } = await import('./commands/export.js');
      setCode(await exportCommand(file, options, io));
    });

  program
    .command('diff')
    .description(
      'compare two versions of a document (or two packages): points dropped, changed and added, issues settled differently, and who gains from each change',
    )
    .argument('<file>', 'scenario file')
    .argument('[versions...]', 'two versions of one document, as document:version (before, then after)')
    .option('--packages <ids...>', 'compare two packages instead (before, then after)')
    .option(
      '--samples <n>',
      'random orders for the Shapley attribution when there are more than 12 changes (default 2000)',
    )
    .option('--seed <s>', 'seed of the attribution sampler (default 1); same seed, same result')
    .option('--no-word-diff', 'show changed texts whole (before and after) instead of word by word')
    .option('--progress', 'progress lines on stderr even when it is not a terminal')
    .option('--no-progress', 'no progress on stderr, even on a terminal')
    .option('--json', 'machine-readable output (the parley.version-diff / parley.package-diff shape)')
    .option('--html <file>', 'also write the diff as an HTML page: who gains first, then the clauses')
    .option('--force', 'replace the --html file if it exists')
    .addHelpText(
      'after',
      `
Examples:
  parley diff scenarios/ukraine-2025.yaml framework:plan-28 framework:plan-20
  parley diff scenarios/ukraine-2025.yaml --packages november december
  parley diff scenarios/ukraine-2025.yaml framework:plan-28 framework:eu-counter --json
  parley diff scenarios/ukraine-2025.yaml --packages november december --html diff.html

Points are matched by their from: links and lineage first, then by similarity of text, title and issues.
Word diffs show [-removed-] and {+added+} words. "Who gains" compares each party's utility (0..100) over
the outcomes the text leaves open; the midpoint of that range is the number the Shapley attribution
splits between the issue changes (exact up to 12 changes, sampled above with --samples and --seed).`,
    )
    .action(async (file: string, versions: string[], options) => {
      const { diffCommand } = await import('./commands/diff.js');
      setCode(await diffCommand(file, versions, options, io));
    });

  program
    .command('timeline')
    .description(
      'events, versions, packages, point status changes and stated positions in date order, and the gap per issue at each version',
    )
    .argument('<file>', 'scenario file')
    .option(
      '-d, --document <id>',
      'only this document (repeat or comma-separate; default: every document)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--from <date>', 'first date to show (YYYY-MM-DD, inclusive)')
    .option('--to <date>', 'last date to show (YYYY-MM-DD, inclusive)')
    .option('--json', 'machine-readable output')
    .option('--html <file>', 'also write the timeline and the gaps as an HTML page')
    .option('--force', 'replace the --html file if it exists')
    .addHelpText(
      'after',
      `
Examples:
  parley timeline scenarios/ukraine-2025.yaml
  parley timeline scenarios/ukraine-2025.yaml --document framework --from 2025-11-01 --to 2025-12-31
  parley timeline scenarios/ukraine-2025.yaml --html timeline.html

The settlement gap of an issue at a version is the utility the signatories together give up on that
issue, relative to their favourite options, under the option the version settles (0 = everyone's
favourite). Each version is compared with its nearest ancestor (basedOn) that settles the issue: the
issue narrowed when the gap fell, widened when it rose, or was left open.`,
    )
    .action(async (file: string, options) => {
      const { timelineCommand } = await import('./commands/timeline.js');
      setCode(await timelineCommand(file, options, io));
    });

  program
    .command('stability')
    .description(
      'which states of a conflict in option form are stable for whom (Nash, GMR, SMR, SEQ, SIM), and why: equilibria, coalitions, paths from the status quo, inverse GMCR',
    )
    .argument('<file>', 'scenario file with a conflict section, or a gmcr-py .gmcr file')
    .addOption(
      new Option('--sanction-rule <rule>', 'who may move in a sanctioning sequence (decision D1)')
        .choices(['legalSequence', 'atMostOnce'])
        .default('legalSequence'),
    )
    .addOption(
      new Option('--coalition-sanction <rule>', 'when a sanction against a coalition succeeds (decision D3)')
        .choices(['anyMemberNoBetter', 'everyMemberNoBetter'])
        .default('anyMemberNoBetter'),
    )
    .option('--coalitions <a+b,c>', "coalitions acting as one decision maker (default: the file's)")
    .option('--no-improvements', 'skip the coalition-improvement analysis over every coalition')
    .option(
      '--status-quo <options>',
      "options taken in the status quo, comma-separated (default: the file's)",
    )
    .option(
      '--explain <states>',
      "explain these states (comma-separated, or 'all'); default: GMR equilibria and the status quo",
    )
    .option('--inverse <state>', 'inverse GMCR: which rankings make this state an equilibrium')
    .option(
      '--window <dm=from:to...>',
      'with --inverse: ranking positions (1 = most preferred) of a decision maker that may be reordered (default: all)',
    )
    .option(
      '--max-combinations <n>',
      'with --inverse: refuse to enumerate more combinations (default 1000000)',
    )
    .option('--json', 'machine-readable output: every table, witness path and option')
    .addHelpText(
      'after',
      `
States are numbered from 1 by the code sum of 2^i over the options taken (the GMCR convention). Sanctions are
sequences of the other decision makers' moves; by default any length with no one moving twice in a row
(legalSequence), or each at most once (atMostOnce, as gmcr-py). "SEQ and SIM" needs both; "SEQ or SIM" needs
either (what gmcr-py calls SEQ&SIM); "SEQ or SIM per move" asks it of each move separately.

Examples:
  parley stability scenarios/ukraine-2025.yaml
  parley stability scenarios/ukraine-2025.yaml --explain 1,5 --sanction-rule atMostOnce
  parley stability Prisoners.gmcr --inverse 4 --json
  parley stability scenarios/ukraine-2025.yaml --coalitions united-states+europe --no-improvements

Exit codes: 0 analysed, 2 invalid input (located: file, line, column, field).`,
    )
    .action(async (file: string, options) => {
      const { stabilityCommand } = await import('./commands/stability.js');
      setCode(await stabilityCommand(file, options, io));
    });

  program
    .command('simulate')
    .description(
      'play a scenario out: agents negotiate round by round under a protocol; prints the account, outcome and metrics',
    )
    .argument('<file>', 'scenario file')
    .option(
      '--protocol <name>',
      'sao (alternating offers) or text (single negotiating text with a mediator)',
      'sao',
    )
    .option(
      '--strategies <party=strategy,...>',
      'strategy per negotiator, e.g. ukraine=boulware,russia=hardliner; a bare name applies to the rest; parameters as time-dependent(e=0.5) (default: boulware)',
    )
    .option('--strategy-module <file.js...>', 'JavaScript modules with user strategies (run sandboxed)')
    .option('--rounds <n>', `deadline in rounds (default 100 when no --deadline-days)`)
    .option(
      '--deadline-days <d>',
      'deadline in simulated days (needs a timeline; the earlier deadline applies)',
    )
    .option('--start <date>', 'timeline start, YYYY-MM-DD (default: --at, else the scenario asOf)')
    .option('--days-per-round <k>', 'simulated days per round (default 1 with a timeline)')
    .option(
      '--discount <party=δ,...>',
      'per-round discount factors in (0, 1]; a bare number applies to all (default 1)',
    )
    .option('--mediator <name>', 'single text: hill-climb (default) or nash')
    .option(
      '--conventions <set>',
      "whose conventions the time-dependent strategies follow: parley (default), negmas or genius (time, concession floor, offer choice, acceptance, what 'boulware' means)",
    )
    .option(
      '--strategy-option <party.key=value,...>',
      'one concession setting of a strategy (time, floor, offer, band, accept) or another parameter; repeatable; a bare key=value applies to every negotiator',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--seed <n>', 'seed of every random choice (default 1)')
    .option('--parties <a,b,...>', 'negotiators in turn order (default: the signatories)')
    .option(
      '--preferences <kind>',
      'true utilities: estimate (default) or sampled (one seeded draw in the ranges)',
    )
    .option('--at <date>', 'date for dated BATNAs (YYYY-MM-DD); default: the scenario asOf')
    .option('--max-events <n>', 'print at most n events of the account (the first and last halves)')
    .option(
      '--full-offers',
      'print every offer in full (default: only changes when there are more than 5 issues)',
    )
    .option('--json', 'machine-readable output: the run and the reference')
    .option('--html <file>', 'also write a self-contained HTML page with charts')
    .option('--force', 'replace the --html file if it exists')
    .addHelpText(
      'after',
      `
Strategies: boulware, linear, conceder, time-dependent(e=...), hardliner, tit-for-tat, aspiration,
and the strategies of --strategy-module files. Agents bid through their own utility, never below
their BATNA nor across their red lines; the protocol double-checks every consent.
Convention sets (--conventions) make the time-dependent strategies play as NegMAS's
BoulwareTBNegotiator/ConcederTBNegotiator (negmas) or GENIUS's TimeDependentAgent (genius):
  time     round: round/(rounds-1) (parley)     step: (round+1)/(rounds+1) (negmas, genius)
  floor    batna (parley)                       reservation: max(worst outcome, BATNA) (negmas, genius)
  offer    best-for-others (parley)  lowest-in-band (negmas)  nearest (genius)
  band     utility points: 1 (parley), 0.01 (negmas), 0 (genius)
  accept   next-bid-or-last-turn (parley)  in-band (negmas)  next-bid (genius)
  names    boulware e=0.2, conceder e=2 (parley, genius); e=0.25 (x=4), e=4 (x=0.25) (negmas)
Distances to the Pareto frontier and to the Nash and Kalai points are given when the outcome space
can be enumerated (up to 4,000,000 outcomes); otherwise the output says there is no reference.
The run is deterministic: the same options and seed give the same run.

Examples:
  parley simulate scenarios/teaching-used-car.yaml --strategies dealer=boulware,sam=conceder,priya=linear --rounds 40
  parley simulate scenarios/ukraine-2025.yaml --parties ukraine,russia,united-states,europe \\
      --strategies ukraine=boulware,russia=hardliner,united-states=conceder,europe=boulware --rounds 60
  parley simulate scenarios/ukraine-2025.yaml --protocol text --mediator nash --rounds 40 --html run.html
  parley import domains/Laptop -o laptop.yaml && parley simulate laptop.yaml --conventions negmas \\
      --strategies laptop_buyer_utility=boulware,laptop_seller_utility=conceder
  parley simulate scenarios/teaching-used-car.yaml --parties dealer,sam --strategy-option dealer.floor=reservation,sam.offer=nearest

Exit codes: 0 the run finished (with or without agreement), 2 invalid input.`,
    )
    .action(async (file: string, options) => {
      const { simulateCommand } = await import('./commands/simulate.js');
      setCode(await simulateCommand(file, options, io));
    });

  program
    .command('tournament')
    .description(
      'play strategies against each other over scenarios, role assignments and repetitions; score them with confidence intervals and tests',
    )
    .argument('[config]', 'tournament configuration (YAML or JSON); flags override its fields')
    .option('--scenarios <a.yaml,b.yaml>', "scenario files (instead of the configuration file's)")
    .option(
      '--strategies <list>',
      'strategies, e.g. boulware,linear,conceder,hardliner,tit-for-tat or time-dependent(e=0.5)',
    )
    .option('--strategy-module <file.js...>', 'JavaScript modules with user strategies (run sandboxed)')
    .option('--repetitions <n>', 'repetitions of every match (default 1)')
    .option('--seed <n>', 'tournament seed (default 1)')
    .option('--rounds <n>', 'deadline in rounds (default 100)')
    .option('--protocol <name>', 'sao (default) or text')
    .option(
      '--conventions <set>',
      'whose conventions the time-dependent strategies follow: parley (default), negmas or genius',
    )
    .option(
      '--assignments <kind>',
      'all: every strategy in every role (default); distinct: no strategy twice in a match',
    )
    .option(
      '--preferences <kind>',
      'estimate (default: every repetition alike) or sampled (a draw per repetition)',
    )
    .option('--threads <n>', 'worker threads (default: the available cores; 0 plays in this thread)')
    .option('--journal <file.jsonl>', 'append each finished match; a rerun with the same file continues')
    .option('--out <dir>', 'write result.json, matches.csv, summary.csv and comparisons.csv')
    .option('--force', 'replace the files of --out if they exist')
    .option('--json', 'print the full result as JSON')
    .option('--no-progress', 'no progress bar on stderr')
    .addOption(new Option('--stop-after <n>', 'stop starting matches after n have finished').hideHelp())
    .option(
      '--time-limit <seconds>',
      'stop starting matches after this many seconds (default: none); the finished ones are reported',
    )
    .addHelpText(
      'after',
      `
A configuration file holds:
  scenarios: [path, or { file, parties, at }]     (paths relative to the file)
  strategies: [name, { name, params, label }, { module: path.js, label }]
  assignments: all | distinct      repetitions: n      seed: n
  simulation: { protocol, deadline: { rounds, days }, timeline, preferences, agent: { discount, walkAway } }
See examples/tournament.yaml. Ctrl-C stops starting matches; with --journal, rerunning continues and
gives exactly the result of an uninterrupted run. Distances to the Pareto frontier and the Nash point
are given for scenarios whose outcome space can be enumerated (up to 4,000,000 outcomes).

Examples:
  parley tournament examples/tournament.yaml --out results --journal results/journal.jsonl
  parley tournament --scenarios scenarios/teaching-used-car.yaml --strategies boulware,linear,conceder,hardliner,tit-for-tat --repetitions 3
  parley tournament --scenarios scenarios/teaching-used-car.yaml --strategies 'boulware,conceder,linear(offer=nearest)' --conventions negmas

Exit codes: 0 finished (or stopped, as the output says), 2 invalid input.`,
    )
    .action(async (config: string | undefined, options) => {
      const { tournamentCommand } = await import('./commands/tournament.js');
      setCode(await tournamentCommand(config, options, io));
    });

  program
    .command('forecast')
    .description(
      'where positions will end up: weighted mean, median and Condorcet winner, the BDM challenge model and KTAB SMP, round by round',
    )
    .argument(
      '<file>',
      "a scenario, a KTAB actor table (.csv) or an 'actor,capability,position,salience' CSV",
    )
    .addOption(
      new Option('--format <format>', 'input format (default: from the extension and content)').choices(
        INPUT_FORMATS,
      ),
    )
    .option(
      '-m, --model <names...>',
      'mean, median, condorcet, bdm, smp or all (repeat or comma-separate; default all)',
    )
    .option(
      '--issues <ids>',
      'scenario: issues to forecast, comma-separated (default: forecast.issues, else every issue with a scale)',
    )
    .addOption(
      new Option(
        '--salience <reading>',
        "scenario: relative to a party's top issue for mean, median, Condorcet and BDM and as shares of its weight for SMP (by-model, default), or one reading for all",
      ).choices(['by-model', 'share', 'top']),
    )
    .addOption(
      new Option(
        '--positions <source>',
        "scenario: each party's favourite option, or its latest stated position",
      ).choices(['preferences', 'stated']),
    )
    .option('--scale <min..max>', 'plain CSV: the position scale (default 0..100)')
    .option(
      '--bdm-probability <rule>',
      'BDM probability of success: net-clamped (default), positive-part or all-triples',
    )
    .option('--bdm-q <q>', 'BDM: probability that the status quo holds when nobody challenges (default 1)')
    .option('--bdm-t <t>', 'BDM: probability that a changing status quo improves (default 1)')
    .option('--bdm-mu <rule>', 'BDM central position: condorcet (default), median, mean or largest-margin')
    .option('--bdm-mu-second <rule>', 'BDM central position in the second pass (default: as --bdm-mu)')
    .option('--bdm-offers <ranking>', 'BDM: receivers rank offers by sender-eu (default) or type')
    .option('--bdm-rounds <n>', 'BDM: most rounds (default 20)')
    .option(
      '--smp <Param=Value,...>',
      'KTAB SMP parameters by their KTAB names, e.g. VotingRule=Cubic,BigRAdjust=Half',
    )
    .option('--smp-turns <n>', 'SMP: most turns (default 100)')
    .option(
      '--samples <n>',
      'rerun every model on n draws of capability and salience over their stated ranges',
    )
    .option('--seed <s>', 'seed of the draws and of stochastic SMP transitions (default 1)')
    .option('--explain', 'every BDM round and SMP turn: who challenged whom, and what came of it')
    .option('--json', 'machine-readable output with the full history of every round and turn')
    .addHelpText(
      'after',
      `
Forecasts are model outputs from the inputs' estimates, not predictions of fact. Positions are on each
issue's declared scale (a numeric range; ordered options spread over 0..100; or forecast.scales in the
scenario); BDM and SMP divide distances by the scale, never by the spread of the positions.
Defaults follow the specification: BDM with the net-clamped probability, the Condorcet winner as the
central position in both passes, offers ranked by the sender's expected utility, moves applied together
at the end of each round; SMP with KTAB's defaults (Linear, Proportional, Conditional, Deterministic,
Mid, OneThird, SemiCommit, S2P2, InitOnlyInterp).

Examples:
  parley forecast scenarios/ukraine-2025.yaml
  parley forecast scenarios/ukraine-2025.yaml --model bdm --issues sequencing --explain
  parley forecast scenarios/ukraine-2025.yaml --samples 200 --seed 7
  parley forecast eu-emissions.csv --scale 4..10 --model bdm --bdm-mu largest-margin --bdm-mu-second mean
  parley forecast dummyData_3Dim.csv --model smp --smp StateTransitions=Stochastic --seed 3 --json`,
    )
    .action(async (file: string, options) => {
      const { forecastCommand } = await import('./commands/forecast.js');
      setCode(await forecastCommand(file, options, io));
    });

  program
    .command('serve')
    .description('serve the shared, confidential workspace API (HTTP) on embedded SQLite or PostgreSQL')
    .option('--db <url>', STORE_FLAG_HELP.db)
    .option('--port <n>', 'TCP port; 0 picks a free one (default 8080)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1)')
    .option('--data-dir <dir>', STORE_FLAG_HELP.dataDir)
    .option('--secure-cookies', 'mark session cookies Secure (behind an HTTPS proxy)')
    .option('--log', 'log each request as a JSON line on stdout')
    .option('--json', 'print the address as JSON')
    .option('--demo', 'seed demo accounts and the shipped scenarios (loopback only; passwords are public)')
    .addHelpText(
      'after',
      `
Create accounts with \`parley users add\`. The web app (built by npm run build)
is at /; docs/guide/server.md lists the routes and what each role sees on each.
--demo (for this machine only) seeds demo accounts and the shipped scenarios.

Examples:
  parley serve
  parley serve --port 0 --data-dir talks-data
  parley serve --demo
  parley serve --db postgres://parley@127.0.0.1:5432/parley --host 0.0.0.0 --secure-cookies`,
    )
    .action(async (options) => {
      const { serveCommand } = await import('./commands/serve.js');
      setCode(await serveCommand(options, io));
    });

  const users = program
    .command('users')
    .description("the server's local accounts: add, list, disable, enable")
    .addHelpText(
      'after',
      `
Examples:
  parley users add alice --name "Alice Martin"   (asks twice, without echo)
  printf %s "$PASSWORD" | parley users add bot --password-stdin
  parley users list --data-dir /var/lib/parley
  parley users disable alice --db postgres://parley@db.internal/parley`,
    );
  const addStoreFlags = (command: Command) =>
    command
      .option('--db <url>', STORE_FLAG_HELP.db)
      .option('--data-dir <dir>', STORE_FLAG_HELP.dataDir)
      .option('--json', 'machine-readable output');
  addStoreFlags(
    users
      .command('add')
      .description(
        'add a local account; the password is read from stdin or a no-echo prompt, never from arguments',
      )
      .argument('<login>', "lower-case letters, digits, '.', '_', '-'")
      .option('--name <display name>', 'name shown to others (default: the login)')
      .option('--password-stdin', 'read the password from standard input (for scripts)'),
  ).action(async (login: string, options) => {
    const { usersAddCommand } = await import('./commands/users.js');
    setCode(await usersAddCommand(login, options, io));
  });
  addStoreFlags(users.command('list').description('every account, with its status')).action(
    async (options) => {
      const { usersListCommand } = await import('./commands/users.js');
      setCode(await usersListCommand(options, io));
    },
  );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    addStoreFlags(
      users
        .command(name)
        .description(
          disabled
            ? 'refuse logins and end every session of an account'
            : 'let a disabled account log in again',
        )
        .argument('<login>'),
    ).action(async (login: string, options) => {
      const { usersSetDisabledCommand } = await import('./commands/users.js');
      setCode(await usersSetDisabledCommand(login, disabled, options, io));
    });
  }
  const database = program
    .command('db')
    .description("the server's database: consistent backups and schema migrations")
    .addHelpText(
      'after',
      `
Examples:
  parley db backup parley-backup.db --data-dir /var/lib/parley
  parley db backup talks.dump --db postgres://parley@db.internal/parley
  parley db migrate --data-dir /var/lib/parley

SQLite is copied with VACUUM INTO, PostgreSQL with pg_dump (custom format;
restore with pg_restore): both read one consistent snapshot while the server
keeps writing.`,
    );
  addStoreFlags(
    database
      .command('backup')
      .description('write a consistent copy of the database while the server keeps running')
      .argument('<file>', 'where to write the copy (SQLite file, or pg_dump custom format for PostgreSQL)')
      .option('--force', 'replace an existing file'),
  ).action(async (file: string, options) => {
    const { dbBackupCommand } = await import('./commands/db.js');
    setCode(await dbBackupCommand(file, options, io));
  });
  addStoreFlags(
    database
      .command('migrate')
      .description('bring the database schema to this version (the server also does at start)'),
  ).action(async (options) => {
    const { dbMigrateCommand } = await import('./commands/db.js');
    setCode(await dbMigrateCommand(options, io));
  });

  // Text output fits the terminal (terminal-width.ts); --wide lifts the limit, and machine-readable output
  // (JSON, a scenario on stdout) is never wrapped.
  for (const command of program.commands) {
    command.option('--wide', 'do not fit tables and text to the terminal width');
  }
  program.hook('preAction', (_program, action) => {
    const options = action.opts();
    const scenarioOnStdout = action.name() === 'import' && !options.output;
    if (options.wide || options.json || scenarioOnStdout) io.width = undefined;
  });

  return program;
}

/** Runs the CLI; returns the exit code instead of exiting so tests can call it in-process. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const fitted = fitToWidth(terminalSafe(io));
  const program = buildProgram(
    io,
    (c) => {
      code = c;
    },
    fitted,
  );
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    const fileError = asFileAccessError(error, undefined, '');
    if (fileError instanceof FileAccessError) {
      io.err(`parley: ${escapeTerminal(fileError.message)}\n`);
      return EXIT_INPUT;
    }
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return 0;
      return EXIT_INPUT;
    }
    throw error;
  } finally {
    fitted.flush();
    // The process's worker threads, started on first use by any command, end with the command; start-up never
    // loads the thread pool module, which registers its closer when a command starts it.
    await closeStartedPool();
  }
}
