import type { z } from 'zod';
import { closestId } from '../../core/model/closest-id.js';
import type { Problem } from '../../core/model/problem.js';
import {
  childSchema,
  compareFit,
  describeSchema,
  fieldNames,
  isUnion,
  optionFit,
  unwrap,
  valueKind,
} from './schema-walk.js';

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

const REJECTED = 'fields not defined by the format are rejected';

function toPath(path: readonly PropertyKey[]): Path {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function schemaAt(root: z.ZodType, path: Path): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (const segment of path) {
    if (schema === undefined) return undefined;
    schema = childSchema(schema, segment);
  }
  return schema;
}

function quote(text: string, limit = 40): string {
  const shown = text.length > limit ? `${text.slice(0, limit)}…` : text;
  return JSON.stringify(shown);
}

/** A short rendering of a value: {estimate: 5, low: 6}, [1, 2], "text". */
export function preview(value: unknown, limit = 60): string {
  const render = (v: unknown, depth: number): string => {
    if (typeof v === 'string') return quote(v);
    if (Array.isArray(v)) return depth > 1 ? '[…]' : `[${v.map((x) => render(x, depth + 1)).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
      if (depth > 1) return '{…}';
      const fields = Object.entries(v).map(([k, x]) => `${k}: ${render(x, depth + 1)}`);
      return `{${fields.join(', ')}}`;
    }
    return String(v);
  };
  const text = render(value, 0);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** What was found, for "expected X, got Y". */
export function describeValue(value: unknown): string {
  switch (valueKind(value)) {
    case 'string':
      return `string ${quote(value as string)}`;
    case 'number':
      return Number.isFinite(value) ? `number ${value}` : `${value} (not a finite number)`;
    case 'boolean':
      return `boolean ${value}`;
    case 'null':
      return 'an empty value';
    case 'list':
      return 'a list';
    case 'object':
      return 'an object (a mapping of fields)';
    case 'undefined':
      return 'nothing';
    default:
      return typeof value;
  }
}

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && value !== undefined);
}

/** A number written in quotes, or text that YAML read as a number: say how to write it instead. */
function quotingHint(schema: z.ZodType, value: unknown): string {
  const takes = (kind: 'number' | 'string'): boolean => {
    const s = unwrap(schema);
    if (isUnion(s)) return s.options.some((o) => optionFit(o, kind === 'number' ? 0 : '') !== undefined);
    return optionFit(s, kind === 'number' ? 0 : '') !== undefined;
  };
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) && takes('number')) {
    return ' (remove the quotes to make it a number)';
  }
  if ((typeof value === 'number' || typeof value === 'boolean') && takes('string')) {
    return ' (put it in quotes to make it text)';
  }
  return '';
}

function unknownFieldProblems(keys: readonly string[], known: readonly string[], path: Path): Problem[] {
  return keys.map((key) => {
    const suggestion = closestId(key, known);
    return {
      path: [...path, key],
      at: 'key',
      severity: 'error',
      message: `unknown field '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; ${REJECTED}`,
      expected: `one of the fields: ${known.join(', ')}`,
      suggestion,
    };
  });
}

function issueProblems(issue: ZodIssue, root: z.ZodType, data: unknown, base: Path): Problem[] {
  const relative = toPath(issue.path);
  const path = [...base, ...relative];
  const value = valueAt(data, relative);
  const schema = schemaAt(root, relative);
  const expected = schema ? describeSchema(schema) : undefined;
  const error = (message: string, extra: Partial<Problem> = {}): Problem[] => [
    { path, message, severity: 'error', expected, ...extra },
  ];

  switch (issue.code) {
    case 'invalid_type': {
      const parent = valueAt(data, relative.slice(0, -1));
      const field = relative[relative.length - 1];
      if (value === undefined && typeof field === 'string' && valueKind(parent) === 'object') {
        return error(`missing required field '${field}'`);
      }
      const wanted = expected ?? `a value of type ${issue.expected}`;
      return error(`expected ${wanted}, got ${describeValue(value)}${quotingHint(schema ?? root, value)}`);
    }
    case 'unrecognized_keys': {
      const known = (schema && fieldNames(schema)) ?? [];
      return unknownFieldProblems(issue.keys, known, path);
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
      if (relative.length === 1 && relative[0] === 'parley') {
        return error(
          `unsupported format version ${preview(value)}; this version of Parley reads format ${allowed.join(', ')}`,
          { expected: `parley: ${allowed.join(', ')}` },
        );
      }
      const suggestion =
        typeof value === 'string'
          ? closestId(
              value,
              issue.values.filter((v) => typeof v === 'string'),
            )
          : undefined;
      return error(
        `expected one of ${allowed.join(', ')}, got ${describeValue(value)}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
        { expected: `one of ${allowed.join(', ')}`, suggestion },
      );
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : 0;
        const bound = `${small ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`;
        if (small && count === 0)
          return error(`must not be empty: expected ${bound}`, { expected: `a list of ${bound}` });
        return error(`expected ${bound}, got ${count}`, { expected: `a list of ${bound}` });
      }
      if (issue.origin === 'string') {
        const length = typeof value === 'string' ? value.length : 0;
        if (small && length === 0) return error('must not be empty', { expected: 'non-empty text' });
        const bound = `${small ? 'at least' : 'at most'} ${limit} character${limit === 1 ? '' : 's'}`;
        return error(`expected ${bound}, got ${length}`, { expected: `text of ${bound}` });
      }
      const relation = small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
      return error(`expected a number ${relation} ${limit}, got ${preview(value)}`, {
        expected: `a number ${relation} ${limit}`,
      });
    }
    case 'invalid_format': {
      const wanted = issue.message.startsWith('Invalid')
        ? (expected ?? `text in ${issue.format} format`)
        : issue.message;
      return error(`expected ${wanted}, got ${describeValue(value)}`, { expected: wanted });
    }
    case 'invalid_key': {
      const key = String(relative[relative.length - 1]);
      const inner = issue.issues[0];
      const wanted = inner && !inner.message.startsWith('Invalid') ? inner.message : 'a valid key';
      return [
        {
          path,
          at: 'key',
          severity: 'error',
          message: `invalid key ${quote(key)}: expected ${wanted}`,
          expected: wanted,
        },
      ];
    }
    case 'custom': {
      if (isScalar(value))
        return error(`expected ${issue.message}, got ${describeValue(value)}`, { expected: issue.message });
      const shown = preview(value);
      const got = shown.endsWith('…') ? '' : `; got ${shown}`;
      return error(`not satisfied: ${issue.message}${got}`, { expected: issue.message });
    }
    case 'not_multiple_of':
      return error(`expected a multiple of ${String(issue.divisor)}, got ${preview(value)}`);
    default:
      return error(`expected ${expected ?? 'a valid value'}, got ${describeValue(value)}`);
  }
}

/** The outermost union on the way to `path`, and how many path segments lead to it. */
function outermostUnion(
  root: z.ZodType,
  path: Path,
): { union: z.ZodUnion<readonly z.ZodType[]>; depth: number } | undefined {
  let schema: z.ZodType | undefined = root;
  for (let depth = 0; schema !== undefined; depth++) {
    const s = unwrap(schema);
    if (isUnion(s)) return { union: s, depth };
    if (depth === path.length) return undefined;
    schema = childSchema(s, path[depth]);
  }
  return undefined;
}

/**
 * Explains why a value fits no alternative of a union: the alternative whose shape the value follows
 * is checked on its own, so the reader sees that alternative's errors, not one wall per alternative.
 */
function unionProblems(union: z.ZodUnion<readonly z.ZodType[]>, value: unknown, path: Path): Problem[] {
  const fits = union.options
    .map((option) => ({ option, fit: optionFit(option, value) }))
    .filter((c): c is { option: z.ZodType; fit: NonNullable<typeof c.fit> } => c.fit !== undefined)
    .sort((a, b) => compareFit(a.fit, b.fit));
  const expected = describeSchema(union);
  const field = path[path.length - 1];
  if (value === undefined && typeof field === 'string') {
    return [{ path, severity: 'error', message: `missing required field '${field}'`, expected }];
  }
  if (fits.length === 1 || (fits.length > 1 && compareFit(fits[0].fit, fits[1].fit) < 0)) {
    const option = unwrap(fits[0].option);
    const problems = isUnion(option)
      ? unionProblems(option, value, path)
      : validate(fits[0].option, value, path);
    if (problems.length > 0) return problems;
  }
  if (valueKind(value) === 'object' && fits.length > 1) {
    const declared = new Set(fits.flatMap((c) => fieldNames(c.option) ?? []));
    const unknown = Object.keys(value as object).filter((k) => !declared.has(k));
    if (unknown.length > 0) {
      return unknownFieldProblems(unknown, [...declared], path).map((p) => ({ ...p, expected }));
    }
    const tied = fits.filter((c) => compareFit(c.fit, fits[0].fit) === 0);
    const missing = [
      ...new Set(
        tied.flatMap((c) => (fieldNames(c.option) ?? []).filter((k) => !Object.hasOwn(value as object, k))),
      ),
    ];
    if (missing.length > 0) {
      return [
        {
          path,
          severity: 'error',
          message: `incomplete: add one of ${missing.map((k) => `'${k}'`).join(', ')} (got ${preview(value)})`,
          expected,
        },
      ];
    }
    return [
      {
        path,
        severity: 'error',
        message: `fields of different forms are mixed in ${preview(value)}`,
        expected,
      },
    ];
  }
  const hint = quotingHint(union, value);
  return [
    {
      path,
      severity: 'error',
      message: `expected ${expected}, got ${describeValue(value)}${hint}`,
      expected,
    },
  ];
}

/** Validates `data` against `schema` and explains every failure as a Problem located by its path. */
export function validate(schema: z.ZodType, data: unknown, base: Path = []): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  const problems: Problem[] = [];
  const unionsSeen = new Set<string>();
  for (const issue of result.error.issues) {
    const relative = toPath(issue.path);
    const union = outermostUnion(schema, relative);
    if (union) {
      const at = relative.slice(0, union.depth);
      const key = JSON.stringify(at);
      if (unionsSeen.has(key)) continue;
      unionsSeen.add(key);
      problems.push(...unionProblems(union.union, valueAt(data, at), [...base, ...at]));
      continue;
    }
    problems.push(...issueProblems(issue, schema, data, base));
  }
  return problems;
}
