import { InteropError } from './interop-error.js';
import { baseName } from './interop-files.js';
import type { ImportOptions } from './interop-report.js';
import { chooseRealStep, type Grid } from './numeric-grid.js';
import type { IssueDef } from './scenario-assembly.js';
import { attr, child, children, numberAttr, parseXml, rootElement, type XmlElement } from './xml-tree.js';

export type GeniusIssueKind = 'discrete' | 'integer' | 'real';

/** An issue of a GENIUS domain: its `index` attribute is how profiles refer to it. */
export interface GeniusIssue {
  index: number;
  name: string;
  kind: GeniusIssueKind;
  def: IssueDef;
  /** For a real issue: the range in the file, before it was cut into a grid. */
  realRange?: { min: number; max: number };
}

export interface GeniusDomain {
  name: string;
  issues: GeniusIssue[];
}

/** GENIUS's own reading of a type attribute: integer, real, else discrete. */
export function geniusKind(type: string | undefined): GeniusIssueKind {
  const t = (type ?? '').toLowerCase();
  return t === 'integer' ? 'integer' : t === 'real' ? 'real' : 'discrete';
}

/** The issue elements under an objective tree, in document order, depth first. */
export function collectIssueElements(objective: XmlElement): XmlElement[] {
  return [
    ...children(objective, 'issue'),
    ...children(objective, 'objective').flatMap((sub) => collectIssueElements(sub)),
  ];
}

export function domainNameFromFile(path: string): string {
  return (
    baseName(path)
      .replace(/\.[^.]+$/, '')
      .replace(/[_-]domain$/i, '') || 'domain'
  );
}

function bounds(file: string, element: XmlElement, where: string): { min: number; max: number } {
  const range = child(element, 'range') ?? element;
  const min = numberAttr(file, range, 'lowerbound', where);
  const max = numberAttr(file, range, 'upperbound', where);
  if (min === undefined || max === undefined) {
    throw new InteropError(
      file,
      `${where}: expected lowerbound and upperbound (attributes or a <range> element)`,
    );
  }
  if (max < min) throw new InteropError(file, `${where}: upperbound ${max} is below lowerbound ${min}`);
  return { min, max };
}

export function readGeniusDomainFile(file: string, text: string, options: ImportOptions): GeniusDomain {
  const expected = 'a GENIUS domain (<negotiation_template> with <utility_space><objective><issue ...>)';
  const root = rootElement(parseXml(file, text, expected));
  if (root?.tag !== 'negotiation_template') {
    throw new InteropError(file, `root element is <${root?.tag ?? 'nothing'}>; expected ${expected}`);
  }
  const space = child(root.element, 'utility_space');
  const objective = space && child(space, 'objective');
  if (!objective) throw new InteropError(file, `no <utility_space><objective> found; expected ${expected}`);
  const issues = collectIssueElements(objective).map((element, position): GeniusIssue => {
    const name = attr(element, 'name') ?? `issue ${position + 1}`;
    const where = `issue '${name}'`;
    const index = numberAttr(file, element, 'index', where);
    if (index === undefined || !Number.isInteger(index)) {
      throw new InteropError(file, `${where}: expected an integer index attribute`);
    }
    const kind = geniusKind(attr(element, 'type') ?? attr(element, 'vtype') ?? attr(element, 'etype'));
    if (kind === 'discrete') {
      const options = children(element, 'item').map((item, k) => {
        const value = attr(item, 'value');
        if (value === undefined)
          throw new InteropError(file, `${where}: item ${k + 1} has no value attribute`);
        const description = attr(item, 'description')?.trim();
        return description ? { value, description } : { value };
      });
      return { index, name, kind, def: { name, kind: 'options', options } };
    }
    const range = bounds(file, element, where);
    if (kind === 'integer') {
      if (!Number.isInteger(range.min) || !Number.isInteger(range.max)) {
        throw new InteropError(
          file,
          `${where}: integer issue with non-integer bounds ${range.min}..${range.max}`,
        );
      }
      const grid: Grid = { min: range.min, max: range.max, step: 1 };
      return { index, name, kind, def: { name, kind: 'numeric', grid, integer: true } };
    }
    const grid = chooseRealStep(range.min, range.max, options.realIntervals ?? 100);
    return { index, name, kind, realRange: range, def: { name, kind: 'numeric', grid, integer: false } };
  });
  if (issues.length === 0) throw new InteropError(file, `the domain has no issues; expected ${expected}`);
  const seen = new Set<number>();
  for (const issue of issues) {
    if (seen.has(issue.index)) throw new InteropError(file, `two issues share index ${issue.index}`);
    seen.add(issue.index);
  }
  return { name: domainNameFromFile(file), issues };
}
