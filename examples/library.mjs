// Parley as a library: run from the package root after `npm run build` with `node examples/library.mjs`
// (in your own project, after `npm install parley`, the imports are the same).
import { readFileSync } from 'node:fs';
import { analyze, diffVersions, exportDomain, importDomain, parseScenario, simulate } from 'parley';

// 1. Parse and check a scenario from text or bytes: no exception, every problem located.
const typo = parseScenario(
  readFileSync('scenarios/teaching-used-car.yaml', 'utf8').replace('batna:', 'batan:'),
  {
    fileName: 'car.yaml',
  },
);
if (!typo.ok)
  for (const d of typo.diagnostics.filter((d) => d.severity === 'error'))
    console.log(`${d.file}:${d.line}:${d.column} ${d.path}: ${d.message}`);

const parsed = parseScenario(readFileSync('scenarios/teaching-used-car.yaml'), {
  fileName: 'teaching-used-car.yaml',
});
if (!parsed.ok) process.exit(2);
const car = parsed.scenario;

// 2. The whole analysis, as `parley analyze --json` reports it.
const report = await analyze(car);
const nash = report.bargaining.solutions.find((s) => s.concept === 'nash');
console.log(
  `outcomes ${report.space.outcomes}, agreement zone ${report.zone.size}, frontier ${report.frontier.outcomes}`,
);
console.log('Nash bargaining solution:', nash.discrete.outcomes[0].outcome.assignment);

// 3. A seeded simulated negotiation with built-in strategies.
const { run } = await simulate(car, {
  seed: 7,
  deadline: { rounds: 30 },
  parties: ['dealer', 'sam'],
  agents: { dealer: 'hardliner', default: 'conceder' },
});
console.log(
  `simulation: ${run.outcome.agreement ? 'agreement' : 'no agreement'} in round ${run.outcome.round}`,
);

// 4. What changed between two versions of a document.
const { diff } = await diffVersions(car, 'offer:opening', 'offer:revised');
console.log(`offer:opening → offer:revised: ${diff.points.length} points compared`);

// 5. A GeniusWeb negotiation held in memory (say, uploaded), imported without touching the disk.
const domain = { name: 'lunch', issuesValues: { place: { values: ['cafe', 'park'] } } };
const profile = (name, cafe, park) => ({
  LinearAdditiveUtilitySpace: {
    name,
    domain,
    issueWeights: { place: 1 },
    issueUtilities: { place: { DiscreteValueSetUtilities: { valueUtilities: { cafe, park } } } },
  },
});
const imported = await importDomain([
  { path: 'lunch.json', text: JSON.stringify(domain) },
  { path: 'ann.json', text: JSON.stringify(profile('ann', 1, 0)) },
  { path: 'bob.json', text: JSON.stringify(profile('bob', 0.2, 1)) },
]);
console.log(
  `imported '${imported.scenario.id}' (${imported.report.format}): parties ${imported.scenario.parties.map((p) => p.id).join(', ')}`,
);

// 6. The scenario as NegMAS files, in memory, with what the format cannot carry.
const exported = await exportDomain(car, 'negmas');
console.log(
  `negmas: ${exported.files.map((f) => f.path).join(', ')}; ${exported.losses.length} loss(es) listed`,
);
