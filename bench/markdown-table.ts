import { readFileSync } from 'node:fs';

/**
 * `node dist-bench/bench/markdown-table.js < bench.jsonl`: the table of docs/benchmarks.md from the JSON lines
 * of `npm run bench`, each figure as its median with the range over the runs.
 */
interface ResultLine {
  kind: string;
  suite: string;
  case: string;
  metric: string;
  value: number;
  unit: string;
  target?: number;
  met?: boolean;
  runs?: number;
  min?: number;
  max?: number;
}

function figure(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

function row(r: ResultLine): string {
  const spread =
    r.runs && r.runs > 1 && r.min !== undefined && r.max !== undefined
      ? ` (${figure(r.min)}–${figure(r.max)})`
      : '';
  const target = r.target === undefined ? '' : `${figure(r.target)} (${r.met ? 'met' : 'missed'})`;
  return `| ${r.suite} | ${r.case} | ${r.metric} | ${figure(r.value)}${spread} ${r.unit} | ${target} |`;
}

const lines = readFileSync(0, 'utf8')
  .split('\n')
  .filter((line) => line.trim().startsWith('{'))
  .map((line) => JSON.parse(line) as ResultLine);
const results = lines.filter((line) => line.kind === 'result');
process.stdout.write(
  '| suite | case | metric | median (range over the runs) | target |\n| --- | --- | --- | --- | --- |\n',
);
process.stdout.write(`${results.map(row).join('\n')}\n`);
