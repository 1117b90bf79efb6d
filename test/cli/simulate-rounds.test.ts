import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitTheDifference } from '../simulation/support/domains.js';
import { runCli, writeTemp } from '../support/run-cli.js';
import { useTempDirs } from '../support/temp-dir.js';

const split = writeTemp('split.yaml', splitTheDifference());

/**
 * Rounds are counted from 1 on every face, with the deadline: the 8-round linear run (known-result.test.ts)
 * agrees in internal round 4, the fifth round played, so text, trace, HTML and JSON must all say 5 of 8.
 */
describe('simulate: round numbering agrees across faces', () => {
  afterAll(() => rmSync(dirname(split), { recursive: true, force: true }));
  const tempDir = useTempDirs('parley-rounds-');
  const args = ['simulate', split, '--strategies', 'a=linear,b=linear', '--rounds', '8'];

  it('text, HTML and JSON name the same round and the same count of rounds played', async () => {
    const html = join(tempDir(), 'run.html');
    const text = await runCli([...args, '--html', html]);
    expect(text.code, text.stderr).toBe(0);
    const json = JSON.parse((await runCli([...args, '--json'])).stdout);
    expect(json.run.outcome.round).toBe(4);
    expect(json.run.metrics.rounds).toBe(5);

    expect(text.stdout).toContain('Result: agreement in round 5 of 8');
    expect(text.stdout).toContain('5 rounds played');
    // The trace's first offers are in round 1, the acceptance in round 5; no round 0 anywhere.
    const trace = text.stdout.split('\n').filter((line) => /^\s+\d+\s+[ab]\s+(offer|accept)/.test(line));
    const rounds = trace.map((line) => Number(line.trim().split(/\s+/)[0]));
    expect(rounds[0]).toBe(1);
    expect(rounds.at(-1)).toBe(5);
    expect(text.stdout).toMatch(/^round\s+party\s+action/m);

    const page = readFileSync(html, 'utf8');
    expect(page).toContain('round 5 of 8, 5 rounds played');
    expect(page).not.toContain('numbered from 0');
  });
});
