import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Scenario } from '../../src/schema/scenario.js';

/**
 * Minimal test-only reader of GENIUS additive domains with discrete issues: a domain file and one profile
 * per party. GENIUS utility: u = sum_i w_i · eval_i(item) / max_item eval_i, weights summing to 1 — in Parley
 * terms weights w_i and option values 100 · eval / max eval. Reservation value × 100 becomes the BATNA.
 * It ignores discount factors, and anything but discrete issues.
 */
export function readGeniusAdditive(domainPath: string, profilePaths: string[]): Scenario {
  const domain = readFileSync(domainPath, 'utf8');
  const issues = blocks(domain, 'issue').map((block) => ({
    index: attr(block.open, 'index'),
    name: attr(block.open, 'name'),
    items: [...block.body.matchAll(/<item\b[^>]*>/g)].map((m) => ({
      index: attr(m[0], 'index'),
      value: attr(m[0], 'value'),
    })),
  }));
  const parties = profilePaths.map((p) => basename(p, '.xml').replace(/[^A-Za-z0-9_.-]/g, '_'));
  const preferences = profilePaths.map((path, p) => {
    const profile = readFileSync(path, 'utf8');
    const weights = new Map(
      [...profile.matchAll(/<weight\b[^>]*>/g)].map((m) => [attr(m[0], 'index'), attr(m[0], 'value')]),
    );
    const evaluations = new Map(
      blocks(profile, 'issue').map((b) => [
        attr(b.open, 'index'),
        new Map(
          [...b.body.matchAll(/<item\b[^>]*>/g)].map((m) => [
            attr(m[0], 'index'),
            Number(attr(m[0], 'evaluation')),
          ]),
        ),
      ]),
    );
    const reservation = /<reservation\b[^>]*value="([^"]*)"/.exec(profile);
    return {
      party: parties[p],
      source: `GENIUS profile ${basename(path)}`,
      basis: 'imported' as const,
      weights: Object.fromEntries(issues.map((i) => [`i${i.index}`, Number(weights.get(i.index) ?? 0)])),
      values: Object.fromEntries(
        issues.map((i) => {
          const evals = evaluations.get(i.index) ?? new Map<string, number>();
          const max = Math.max(...i.items.map((item) => evals.get(item.index) ?? 0));
          return [
            `i${i.index}`,
            Object.fromEntries(
              i.items.map((item) => [
                `o${item.index}`,
                max > 0 ? (100 * (evals.get(item.index) ?? 0)) / max : 0,
              ]),
            ),
          ];
        }),
      ),
      adjustments: [],
      redLines: [],
      batna: reservation ? 100 * Number(reservation[1]) : 0,
    };
  });
  return {
    parley: 1,
    id: basename(domainPath, '.xml').replace(/[^A-Za-z0-9_.-]/g, '_'),
    title: basename(domainPath),
    sources: [],
    parties: parties.map((id) => ({ id, name: id, kind: 'other', role: 'signatory' })),
    issues: issues.map((i) => ({
      id: `i${i.index}`,
      title: i.name,
      category: 'other',
      options: i.items.map((item) => ({ id: `o${item.index}`, label: item.value })),
    })),
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences,
  } as Scenario;
}

function blocks(xml: string, tag: string): Array<{ open: string; body: string }> {
  return [...xml.matchAll(new RegExp(`(<${tag}\\b[^>]*>)([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => ({
    open: m[1],
    body: m[2],
  }));
}

function attr(tag: string, name: string): string {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  if (!m) throw new Error(`GENIUS XML: ${tag} has no ${name} attribute`);
  return m[1];
}
