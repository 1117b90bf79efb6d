import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../support/import-graph.js';

const DIST = join(import.meta.dirname, '../../dist');

/** Every module reachable from `entry` by static imports, and every package specifier they import. */
function reach(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>([entry]);
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const edge of importsOf(join(DIST, file), DIST, '.js')) {
      if (edge.dynamic || edge.typeOnly) continue;
      if (edge.to === undefined) {
        if (!packages.has(edge.specifier)) packages.set(edge.specifier, file);
      } else if (!files.has(edge.to)) {
        files.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return { files, packages };
}

describe.skipIf(!existsSync(join(DIST, 'browser.js')))('the browser entry (compiled)', () => {
  it('reaches no node: module, and only packages that run in a browser', () => {
    const { files, packages } = reach('browser.js');
    expect(files.size).toBeGreaterThan(20);
    const nodeOnly = [...packages].filter(
      ([specifier]) => specifier.startsWith('node:') || !BROWSER_SAFE.has(specifier),
    );
    expect(nodeOnly.map(([specifier, from]) => `${from} imports ${specifier}`)).toEqual([]);
  });

  it('the Node entry does reach node: modules (so the walk above would see them)', () => {
    const { packages } = reach('index.js');
    expect([...packages.keys()].some((s) => s.startsWith('node:'))).toBe(true);
  });
});

/** Packages of pure JavaScript with no Node API, checked by hand when added here. */
const BROWSER_SAFE = new Set(['zod', 'yaml', 'diff', 'fast-xml-parser']);
