import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** One import or re-export of a module, as written in its source. */
export interface ImportEdge {
  /** Importing file, relative to the scanned root, with forward slashes. */
  from: string;
  /** The specifier as written: './x.js', 'node:fs', 'zod'. */
  specifier: string;
  /** For relative specifiers: the imported file relative to the root, with the source extension. */
  to?: string;
  /** `import type` / `export type`: erased at compile time. */
  typeOnly: boolean;
  /** `import('…')`: loaded when the code runs, not when the module loads. */
  dynamic: boolean;
}

// Static imports and re-exports (`import x from`, `import type {…} from`, `export * from`, side-effect
// `import './x.js'`) and dynamic `import('…')` with a literal specifier. Good enough for our own sources,
// which biome keeps in one format; a missed form would make the rules below too lenient, never too strict.
const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'/gm;
const DYNAMIC = /\bimport\(\s*'([^']+)'\s*\)/g;

export function listSourceFiles(root: string, extension: '.ts' | '.js'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(extension) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
        out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

export function importsOf(file: string, root: string, extension: '.ts' | '.js'): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(root, file).split(sep).join('/');
  const edge = (specifier: string, typeOnly: boolean, dynamic: boolean): ImportEdge => {
    if (!specifier.startsWith('.')) return { from, specifier, typeOnly, dynamic };
    const target = resolve(dirname(file), specifier).replace(/\.js$/, extension);
    return { from, specifier, to: relative(root, target).split(sep).join('/'), typeOnly, dynamic };
  };
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(STATIC)) edges.push(edge(m[3], m[2] !== undefined, false));
  for (const m of text.matchAll(DYNAMIC)) edges.push(edge(m[1], false, true));
  return edges;
}

/** Every strongly connected component with more than one node: the cycles of a directed graph. */
export function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/**
 * The folder-level edge an import makes, or undefined inside one folder or between a folder and a folder
 * below it. `core/analysis/zone/x.ts` importing `core/analysis/pareto/y.ts` is the edge
 * `core/analysis/zone → core/analysis/pareto`; `core/simulation/x.ts` importing `core/analysis/pareto/y.ts`
 * is `core/simulation → core/analysis`: folders are compared beneath their nearest common parent.
 */
export function folderEdge(fromFile: string, toFile: string): [string, string] | undefined {
  const a = fromFile.split('/').slice(0, -1);
  const b = toFile.split('/').slice(0, -1);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  if (common === a.length || common === b.length) return undefined;
  return [a.slice(0, common + 1).join('/'), b.slice(0, common + 1).join('/')];
}
