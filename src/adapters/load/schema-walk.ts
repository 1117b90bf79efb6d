import { z } from 'zod';
import {
  Batna,
  Id,
  IsoDate,
  IssueValues,
  Point,
  Position,
  Rule,
  SourceNote,
  UncertainNumber,
  VersionRef,
} from '../../schema/scenario.js';

/** Plain-words names for the schema parts a reader meets most, used in "expected ..." texts. */
const names = new Map<z.ZodType, string>([
  [Id, 'an id (letters, digits, "-", "_" or ".", starting with a letter or digit)'],
  [IsoDate, 'a date written YYYY-MM-DD'],
  [SourceNote, 'a note naming the source'],
  [VersionRef, 'a version reference "documentId:versionId"'],
  [UncertainNumber, 'a number or {estimate, low, high}'],
  [Batna, 'a number, {estimate, low, high}, or {series: [{date, value}, ...]}'],
  [IssueValues, 'a value per option id ({optionId: value, ...}) or {piecewiseLinear: [[x, value], ...]}'],
  [Rule, 'a rule: {issue, in}, {issue, notIn}, {issue, atLeast and/or atMost}, {all}, {any} or {not}'],
  [Point.shape.from.unwrap(), '"versionId#number" or a list of them'],
  [Position.shape.option, 'an option id, or a number on the grid of a numeric issue'],
]);

// A lazy or optional schema is registered under the schema it wraps too, since walks unwrap first.
for (const [schema, name] of [...names]) {
  let inner = unwrapOnce(schema);
  while (inner !== undefined) {
    if (!names.has(inner)) names.set(inner, name);
    inner = unwrapOnce(inner);
  }
}

/** The schema a lazy one stands for; the cached instance, since unwrap() builds a new one per call. */
function lazyInner(schema: z.ZodLazy): z.ZodType {
  return schema._zod.innerType as z.ZodType;
}

/** Looks through wrappers that do not change what a value must look like. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let guard = 0; guard < 100; guard++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodLazy) current = lazyInner(current);
    else if (current instanceof z.ZodReadonly) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
  return current;
}

/** The name a known schema goes by, looking through wrappers. */
function knownName(schema: z.ZodType): string | undefined {
  let current = schema;
  for (let guard = 0; guard < 100; guard++) {
    const name = names.get(current);
    if (name) return name;
    const inner = unwrapOnce(current);
    if (inner === undefined) return undefined;
    current = inner;
  }
  return undefined;
}

function unwrapOnce(schema: z.ZodType): z.ZodType | undefined {
  if (schema instanceof z.ZodLazy) return lazyInner(schema);
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodReadonly
  ) {
    return schema.unwrap() as z.ZodType;
  }
  if (schema instanceof z.ZodPipe) return schema.in as z.ZodType;
  return undefined;
}

export function isUnion(schema: z.ZodType): schema is z.ZodUnion<readonly z.ZodType[]> {
  return schema instanceof z.ZodUnion;
}

/** The schema of a child (object field, list item, record value, tuple item); undefined across a union. */
export function childSchema(schema: z.ZodType, segment: string | number): z.ZodType | undefined {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    return Object.hasOwn(shape, String(segment)) ? shape[String(segment)] : undefined;
  }
  if (s instanceof z.ZodArray) return s.element as z.ZodType;
  if (s instanceof z.ZodRecord) return s.valueType as z.ZodType;
  if (s instanceof z.ZodTuple) {
    const items = s.def.items as readonly z.ZodType[];
    return typeof segment === 'number'
      ? (items[segment] ?? (s.def.rest as z.ZodType | null) ?? undefined)
      : undefined;
  }
  return undefined;
}

/** Field names of an object schema (looking through wrappers), or undefined for anything else. */
export function fieldNames(schema: z.ZodType): string[] | undefined {
  const s = unwrap(schema);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}

function isOptionalField(schema: z.ZodType): boolean {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault;
}

/** Required field names of an object schema; all names when none is required. */
function mainFields(schema: z.ZodObject): string[] {
  const shape = schema.shape as Record<string, z.ZodType>;
  const required = Object.keys(shape).filter((key) => !isOptionalField(shape[key]));
  return required.length > 0 ? required : Object.keys(shape);
}

function joinAlternatives(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** What a value must look like, in words: "a number", "{estimate, low, high}", "one of 'a', 'b'". */
export function describeSchema(schema: z.ZodType): string {
  const name = knownName(schema);
  if (name) return name;
  const s = unwrap(schema);
  if (s instanceof z.ZodNumber) return s.format === 'safeint' || s.isInt ? 'a whole number' : 'a number';
  if (s instanceof z.ZodString) return 'text';
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodEnum) return `one of ${s.options.map((o) => `'${String(o)}'`).join(', ')}`;
  if (s instanceof z.ZodLiteral) return [...s.values].map((v) => JSON.stringify(v)).join(' or ');
  if (s instanceof z.ZodArray) return `a list, each item ${describeSchema(s.element as z.ZodType)}`;
  if (s instanceof z.ZodTuple) return `[${(s.def.items as z.ZodType[]).map(describeSchema).join(', ')}]`;
  if (s instanceof z.ZodObject) return `{${mainFields(s).join(', ')}}`;
  if (s instanceof z.ZodRecord) return 'a mapping';
  if (isUnion(s)) return joinAlternatives(s.options.map((o) => describeSchema(o)));
  return 'a valid value';
}

export type ValueKind = 'number' | 'string' | 'boolean' | 'null' | 'list' | 'object' | 'undefined' | 'other';

export function valueKind(value: unknown): ValueKind {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
      return typeof value as 'number' | 'string' | 'boolean';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
}

interface OptionFit {
  /** Fields of the value the option declares. */
  matched: number;
  /** Fields of the value the option does not declare. */
  unmatched: number;
}

/** How well a union option fits the shape of a value, or undefined when its type cannot fit at all. */
export function optionFit(option: z.ZodType, value: unknown): OptionFit | undefined {
  const s = unwrap(option);
  if (isUnion(s)) {
    let best: OptionFit | undefined;
    for (const inner of s.options) {
      const fit = optionFit(inner, value);
      if (fit && (best === undefined || compareFit(fit, best) < 0)) best = fit;
    }
    return best;
  }
  const kind = valueKind(value);
  if (s instanceof z.ZodNumber) return kind === 'number' ? { matched: 0, unmatched: 0 } : undefined;
  if (s instanceof z.ZodString || s instanceof z.ZodEnum) {
    return kind === 'string' ? { matched: 0, unmatched: 0 } : undefined;
  }
  if (s instanceof z.ZodBoolean) return kind === 'boolean' ? { matched: 0, unmatched: 0 } : undefined;
  if (s instanceof z.ZodLiteral) {
    return [...s.values].some((v) => valueKind(v) === kind) ? { matched: 0, unmatched: 0 } : undefined;
  }
  if (s instanceof z.ZodArray || s instanceof z.ZodTuple) {
    return kind === 'list' ? { matched: 0, unmatched: 0 } : undefined;
  }
  if (s instanceof z.ZodRecord) return kind === 'object' ? { matched: 0, unmatched: 0 } : undefined;
  if (s instanceof z.ZodObject) {
    if (kind !== 'object') return undefined;
    const keys = Object.keys(value as object);
    const matched = keys.filter((k) => Object.hasOwn(s.shape, k)).length;
    return { matched, unmatched: keys.length - matched };
  }
  return undefined;
}

/** Negative when `a` fits better: more declared fields used, then fewer undeclared ones. */
export function compareFit(a: OptionFit, b: OptionFit): number {
  return b.matched - a.matched || a.unmatched - b.unmatched;
}
