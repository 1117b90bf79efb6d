import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cyclesOf,
  folderEdge,
  type ImportEdge,
  importsOf,
  listSourceFiles,
} from '../support/import-graph.js';

const SRC = join(import.meta.dirname, '../../src');
const edges: ImportEdge[] = listSourceFiles(SRC, '.ts').flatMap((file) => importsOf(file, SRC, '.ts'));

describe('import rules of src/ (docs/architecture.md)', () => {
  it('the edge finder sees every form of import used in the sources', () => {
    // A guard for the rules below: if the pattern stopped matching, every rule would pass vacuously.
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => e.typeOnly)).toBe(true);
    expect(edges.some((e) => e.specifier.startsWith('node:'))).toBe(true);
  });

  it('no module imports itself through a cycle of files', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      if (e.to === undefined || e.dynamic) continue;
      if (!graph.has(e.from)) graph.set(e.from, new Set());
      graph.get(e.from)!.add(e.to);
    }
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('no cycle between folders (type-only imports count: they tie the folders together all the same)', () => {
    const graph = new Map<string, Set<string>>();
    const witness = new Map<string, string>();
    for (const e of edges) {
      if (e.to === undefined) continue;
      const folders = folderEdge(e.from, e.to);
      if (folders === undefined) continue;
      const [a, b] = folders;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
      witness.set(`${a} → ${b}`, `${e.from} imports ${e.specifier}`);
    }
    const cycles = cyclesOf(graph);
    const explained = cycles.map((cycle) =>
      [...witness].filter(([key]) => cycle.some((a) => cycle.some((b) => key === `${a} → ${b}`))),
    );
    expect(explained).toEqual([]);
  });

  it('src/core reaches no node: module and no npm package, directly or through what it imports', () => {
    // Core may import pure modules from outside core (the calendar-date parser in schema/) at run time;
    // what it may not do is reach, by any chain of run-time imports, something that needs Node or a package.
    const runtime = new Map<string, ImportEdge[]>();
    for (const e of edges) {
      if (e.typeOnly) continue;
      if (!runtime.has(e.from)) runtime.set(e.from, []);
      runtime.get(e.from)!.push(e);
    }
    const offending = new Set<string>();
    for (const start of new Set(edges.map((e) => e.from).filter((f) => f.startsWith('core/')))) {
      const seen = new Set<string>([start]);
      const trail = new Map<string, string>([[start, start]]);
      const queue = [start];
      while (queue.length > 0) {
        const file = queue.shift()!;
        for (const e of runtime.get(file) ?? []) {
          if (e.to === undefined) offending.add(`${trail.get(file)} → ${e.specifier}`);
          else if (!seen.has(e.to)) {
            seen.add(e.to);
            trail.set(e.to, `${trail.get(file)} → ${e.to}`);
            queue.push(e.to);
          }
        }
      }
    }
    expect([...offending]).toEqual([]);
  });

  it('nothing in src/ imports from bench/ or test/', () => {
    const offending = edges
      .filter((e) => e.to !== undefined && (e.to.startsWith('../bench/') || e.to.startsWith('../test/')))
      .map((e) => `${e.from} imports ${e.specifier}`);
    expect(offending).toEqual([]);
  });
});
