import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InteropError } from './interop-error.js';

/**
 * XML as fast-xml-parser gives it with attributes unprefixed: an element is an object whose keys are its
 * attribute names and child tag names. Attribute values stay strings; numbers are parsed where they are
 * read, so a bad number can be reported with its context.
 */
export interface XmlElement {
  readonly [key: string]: unknown;
}

/** Tags that may repeat under one parent in GENIUS files; they are always read as arrays. */
const REPEATING_TAGS = new Set([
  'objective',
  'issue',
  'item',
  'weight',
  'ufun',
  'hyperRectangle',
  'INCLUDES',
  'EXCLUDES',
  'constraint',
  'checkassignment',
  'valueassignment',
  'condition',
  'agent',
  'range',
  'evaluator',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (tagName, _path, _isLeaf, isAttribute) => !isAttribute && REPEATING_TAGS.has(tagName),
});

/** Parses XML text, reporting malformed input with its line and column. */
export function parseXml(file: string, text: string, expected: string): XmlElement {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw new InteropError(
      file,
      `malformed XML at line ${line}, column ${col}: ${msg} (expected ${expected})`,
    );
  }
  let tree: unknown;
  try {
    tree = parser.parse(text);
  } catch (error) {
    // The parser refuses external entities and runaway entity expansion; either is bad input, not a crash.
    throw new InteropError(
      file,
      `XML that cannot be read safely: ${(error as Error).message} (expected ${expected})`,
    );
  }
  if (!isElement(tree)) throw new InteropError(file, `empty XML document (expected ${expected})`);
  return tree;
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first root element's tag and content, skipping the `<?xml ...?>` declaration. */
export function rootElement(tree: XmlElement): { tag: string; element: XmlElement } | undefined {
  for (const [tag, value] of Object.entries(tree)) {
    if (tag.startsWith('?')) continue;
    const element = asElements(value)[0];
    if (element) return { tag, element };
  }
  return undefined;
}

function asElements(value: unknown): XmlElement[] {
  const list = Array.isArray(value) ? value : [value];
  // An element without attributes or children comes back as "" from the parser.
  return list.flatMap((v) => (isElement(v) ? [v] : v === '' ? [{}] : []));
}

export function children(element: XmlElement, tag: string): XmlElement[] {
  const value = element[tag];
  return value === undefined ? [] : asElements(value);
}

export function child(element: XmlElement, tag: string): XmlElement | undefined {
  return children(element, tag)[0];
}

export function attr(element: XmlElement, name: string): string | undefined {
  const value = element[name];
  return typeof value === 'string' ? value : undefined;
}

/** The text inside an element such as `<errors>10</errors>`, if any. */
export function text(element: XmlElement | undefined): string | undefined {
  if (element === undefined) return undefined;
  const value = element['#text'];
  return value === undefined ? undefined : String(value).trim();
}

/** Reads a numeric attribute; `where` names the element for the error message. */
export function numberAttr(
  file: string,
  element: XmlElement,
  name: string,
  where: string,
): number | undefined {
  const raw = attr(element, name);
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value)) {
    throw new InteropError(file, `${where}: attribute ${name}="${raw}" is not a number`);
  }
  return value;
}

export function requiredNumberAttr(file: string, element: XmlElement, name: string, where: string): number {
  const value = numberAttr(file, element, name, where);
  if (value === undefined) throw new InteropError(file, `${where}: missing attribute ${name} (a number)`);
  return value;
}
