import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli-in-process.js';

// One small file per class of hostile input (test/hostile/fixtures), run through the command line.
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('hostile fixture files', () => {
  it('weights of 1e308 are refused at their field, line and column', async () => {
    const run = await cli('validate', fixture('huge-weights.yaml'));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /huge-weights\.yaml:43:23: error: weight 1e\+308 is too large to compute with safely\n {2}at preferences\[1\]\.weights\.price/,
    );
  });

  it('a __proto__ key is refused at the key', async () => {
    const run = await cli('validate', fixture('proto-key.yaml'));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/proto-key\.yaml:36:41: error: '__proto__' cannot be used as a key/);
  });

  it('an issue named constructor evaluates like the same issue named warranty', async () => {
    const run = await cli(
      'evaluate',
      fixture('prototype-ids.yaml'),
      '--outcome',
      'constructor=12m,price=9500',
      '--json',
    );
    expect(run.code).toBe(0);
    const parties = (JSON.parse(run.stdout) as { parties: Array<{ utility: { min: number } }> }).parties;
    // By hand: dealer 0.7 · 50 (price 9500) + 0.3 · 60 (12m) = 53; sam 0.6 · 50 + 0.4 · 100 = 70.
    expect(parties.map((p) => p.utility.min)).toEqual([53, 70]);
  });

  it('control sequences in names are shown escaped', async () => {
    const run = await cli('show', fixture('control-names.yaml'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sam \\u001b]52;c;cm0gLXJmIH4K\\u0007\\u001b[2J');
    expect(run.stdout).toContain('Warranty \\u202etxt.exe');
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(run.stdout).not.toContain(raw);
  });
});
