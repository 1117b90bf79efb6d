import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportEdge, importsOf, listSourceFiles } from '../support/import-graph.js';

/**
 * The web app's import rules (docs/architecture.md): web/ may import src/schema, src/views/charts, src/core and the
 * browser-safe entry src/browser.ts at run time, and types from src/app; never src/adapters, src/server or a Node
 * module, directly or through what it imports; nothing in src/ or bench/ imports web/.
 */
const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFilesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Edges of every .ts and .tsx file under web/src, relative to the repository root. */
function webEdges(): ImportEdge[] {
  return tsFilesUnder(join(ROOT, 'web', 'src')).flatMap((file) =>
    importsOf(file, ROOT, '.ts').map((edge) => {
      // `./x.js` names a .ts or a .tsx file.
      const tsx = edge.to?.replace(/\.ts$/, '.tsx');
      return tsx && !existsSync(join(ROOT, edge.to!)) && existsSync(join(ROOT, tsx))
        ? { ...edge, to: tsx }
        : edge;
    }),
  );
}

// src/browser.ts is the browser-safe library entry (its own test walks it for node: modules); the preferences
// screen takes the loader's parser from it, to check input with the command line's own messages.
const RUNTIME_ALLOWED = ['src/schema/', 'src/views/charts/', 'src/core/', 'src/browser.ts'];
const TYPES_ALLOWED = [...RUNTIME_ALLOWED, 'src/app/'];

describe('import rules of web/', () => {
  const edges = webEdges();
  const intoSrc = edges.filter((e) => e.to?.startsWith('src/'));

  it('sees the app and its imports of src/', () => {
    expect(edges.length).toBeGreaterThan(50);
    expect(intoSrc.some((e) => e.typeOnly)).toBe(true);
  });

  it('imports src/schema, src/views/charts and src/core, and only types from src/app', () => {
    const offending = intoSrc
      .filter((e) => !(e.typeOnly ? TYPES_ALLOWED : RUNTIME_ALLOWED).some((p) => e.to!.startsWith(p)))
      .map((e) => `${e.from} imports ${e.typeOnly ? 'type ' : ''}${e.specifier}`);
    expect(offending).toEqual([]);
  });

  it('reaches no node: module, directly or through the run-time imports of src/', () => {
    const direct = edges
      .filter((e) => e.specifier.startsWith('node:'))
      .map((e) => `${e.from} → ${e.specifier}`);
    const targets = intoSrc.filter((e) => !e.typeOnly).map((e) => e.to!.slice('src/'.length));
    // The walk does see Node modules where there are some (else the rule would pass vacuously).
    expect(nodeModulesReached(['server/http/web-app.ts']).length).toBeGreaterThan(0);
    expect([...direct, ...nodeModulesReached(targets)]).toEqual([]);
  });

  it('nothing in src/ or bench/ imports web/', () => {
    const offending = [SRC, join(ROOT, 'bench')]
      .flatMap((root) => listSourceFiles(root, '.ts').flatMap((file) => importsOf(file, ROOT, '.ts')))
      .filter((e) => e.to?.startsWith('web/'))
      .map((e) => `${e.from} imports ${e.specifier}`);
    expect(offending).toEqual([]);
  });
});

/** The node: imports reached from these src/ files by run-time imports, each with the file that makes it. */
function nodeModulesReached(starts: string[]): string[] {
  const runtime = new Map<string, ImportEdge[]>();
  for (const file of listSourceFiles(SRC, '.ts')) {
    const key = relative(SRC, file).split(sep).join('/');
    runtime.set(
      key,
      importsOf(file, SRC, '.ts').filter((e) => !e.typeOnly && !e.dynamic),
    );
  }
  const seen = new Set<string>();
  const queue = [...starts];
  const reached: string[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const e of runtime.get(file) ?? []) {
      if (e.to !== undefined) queue.push(e.to);
      else if (e.specifier.startsWith('node:')) reached.push(`src/${file} → ${e.specifier}`);
    }
  }
  return reached;
}
