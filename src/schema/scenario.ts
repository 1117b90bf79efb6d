/**
 * The scenario file format. This zod schema is the single source of truth: the TypeScript types
 * below are inferred from it and the published JSON Schema (schema/scenario.schema.json) is
 * generated from it. Structural rules live here; cross-references (ids that must resolve) are
 * checked by core/model/check-references.ts, which needs the whole document.
 */
import { z } from 'zod';

export const FORMAT_VERSION = 1;

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const Id = z
  .string()
  .regex(idPattern, 'an id: letters, digits, "-", "_" or ".", starting with a letter or digit')
  .max(80);

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'a real calendar date',
    },
  );

/** Free-text note naming where an estimate comes from. */
export const SourceNote = z.string().min(1).max(2000);

/**
 * A quantity an analyst estimated. A bare number means "no stated uncertainty".
 * The object form gives a best estimate and a range; low <= estimate <= high.
 */
export const UncertainNumber = z.union([
  z.number(),
  z
    .strictObject({
      estimate: z.number(),
      low: z.number(),
      high: z.number(),
      source: SourceNote.optional(),
    })
    .refine((u) => u.low <= u.estimate && u.estimate <= u.high, {
      message: 'low <= estimate <= high',
    }),
]);

export const PartyKind = z.enum([
  'state',
  'bloc',
  'organisation',
  'coalition',
  'group',
  'person',
  'firm',
  'other',
]);
export const PartyRole = z.enum(['signatory', 'mediator', 'guarantor', 'observer']);

export const Party = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: PartyKind,
  role: PartyRole,
  /** Relative power in [0, 1]; used by forecasting and capability-weighted bargaining. */
  capability: UncertainNumber.optional(),
  description: z.string().optional(),
});

export const IssueCategory = z.enum([
  'territory',
  'security',
  'sequencing',
  'economy',
  'humanitarian',
  'governance',
  'legal',
  'energy',
  'political',
  'other',
]);

export const IssueOption = z.strictObject({
  id: Id,
  label: z.string().min(1),
  description: z.string().optional(),
  /** Marks the option that means "left unresolved / deferred". At most one per issue. */
  deferred: z.boolean().optional(),
});

/**
 * A numeric issue takes the values min, min+step, ..., max (the grid must fit exactly).
 * Every analysis works on that grid, so results are exact for the issue as declared.
 */
export const NumericRange = z
  .strictObject({
    min: z.number(),
    max: z.number(),
    step: z.number().positive(),
    unit: z.string().optional(),
  })
  .refine((r) => r.max >= r.min, { message: 'max >= min' })
  .refine((r) => isWholeMultiple(r.max - r.min, r.step), {
    message: '(max - min) must be a whole multiple of step',
  })
  .refine((r) => (r.max - r.min) / r.step + 1 <= 10_001, {
    message: 'at most 10,001 grid values per numeric issue',
  });

function isWholeMultiple(span: number, step: number): boolean {
  const k = span / step;
  return Math.abs(k - Math.round(k)) < 1e-9 * Math.max(1, k);
}

export const Issue = z
  .strictObject({
    id: Id,
    title: z.string().min(1),
    category: IssueCategory,
    description: z.string().optional(),
    /** Options have a natural order (listed from one end to the other). */
    ordered: z.boolean().optional(),
    options: z.array(IssueOption).min(2).max(1000).optional(),
    range: NumericRange.optional(),
  })
  .refine((i) => (i.options === undefined) !== (i.range === undefined), {
    message: 'an issue has either options or a range, not both and not neither',
  })
  .refine((i) => (i.options ?? []).filter((o) => o.deferred).length <= 1, {
    message: 'at most one option may be marked deferred',
  });

/** A rule over issue options, used for red lines and adjustment conditions. */
export type Rule =
  | { issue: string; in: Array<string | number> }
  | { issue: string; notIn: Array<string | number> }
  | { issue: string; atLeast?: number; atMost?: number }
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule };

const OptionRef = z.union([Id, z.number()]);

export const Rule: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ issue: Id, in: z.array(OptionRef).min(1) }),
    z.strictObject({ issue: Id, notIn: z.array(OptionRef).min(1) }),
    z
      .strictObject({ issue: Id, atLeast: z.number().optional(), atMost: z.number().optional() })
      .refine((r) => r.atLeast !== undefined || r.atMost !== undefined, {
        message: 'a numeric rule needs atLeast, atMost or both',
      }),
    z.strictObject({ all: z.array(Rule).min(1) }),
    z.strictObject({ any: z.array(Rule).min(1) }),
    z.strictObject({ not: Rule }),
  ]),
);

/** Piecewise-linear value function over a numeric range: [x, value] points, x strictly increasing. */
export const ValueFunction = z.strictObject({
  piecewiseLinear: z
    .array(z.tuple([z.number(), UncertainNumber]))
    .min(2)
    .refine((pts) => pts.every((p, k) => k === 0 || p[0] > pts[k - 1][0]), {
      message: 'x values strictly increasing',
    }),
});

/** Option values (0..100) keyed by option id, or a value function for a numeric issue. */
export const IssueValues = z.union([z.record(Id, UncertainNumber), ValueFunction]);

export const Adjustment = z.strictObject({
  id: Id,
  description: z.string().min(1),
  when: Rule,
  /** Utility points (same 0..100 scale as the total) added when `when` holds. */
  delta: UncertainNumber,
  source: SourceNote.optional(),
});

export const RedLine = z
  .strictObject({
    id: Id,
    description: z.string().min(1),
    source: SourceNote,
    /** The red line is crossed when this rule holds... */
    crossedWhen: Rule.optional(),
    /** ...or, equivalently, when this rule does not hold. Give exactly one of the two. */
    requires: Rule.optional(),
  })
  .refine((r) => (r.crossedWhen === undefined) !== (r.requires === undefined), {
    message: 'a red line gives exactly one of crossedWhen or requires',
  });

export const BatnaPoint = z.strictObject({
  date: IsoDate,
  value: UncertainNumber,
  note: z.string().optional(),
});

/** Utility of no agreement: a constant, or a dated series (the alternative moves with events). */
export const Batna = z.union([
  UncertainNumber,
  z.strictObject({
    series: z.array(BatnaPoint).min(1),
    /** step: the latest value at or before the date; linear: interpolate between dates. */
    interpolation: z.enum(['step', 'linear']).default('step'),
    source: SourceNote.optional(),
  }),
]);

export const Preferences = z.strictObject({
  party: Id,
  /** Who estimated these preferences and from what: required, since preferences are never fact. */
  source: SourceNote,
  basis: z.enum(['analyst-estimate', 'stated', 'elicited', 'imported']).default('analyst-estimate'),
  /** Relative salience per issue (any non-negative scale; normalised to sum 1). Omitted issues weigh 0. */
  weights: z.record(Id, UncertainNumber),
  values: z.record(Id, IssueValues),
  adjustments: z.array(Adjustment).default([]),
  redLines: z.array(RedLine).default([]),
  batna: Batna,
  notes: z.string().optional(),
});

export const PointStatus = z.enum(['agreed', 'bracketed', 'open', 'rejected']);

export const Point = z.strictObject({
  number: z.number().int().positive(),
  title: z.string().min(1),
  text: z.string().min(1),
  /** Issue options this point settles: an option id, or a number for a numeric issue. */
  settles: z.record(Id, OptionRef).default({}),
  /** Issues the point speaks to without settling them. */
  touches: z.array(Id).default([]),
  /** The point(s) of an earlier version this one descends from, as "versionId#number". */
  from: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  /** Per-party status; a party not listed is "open". */
  status: z.record(Id, PointStatus).default({}),
  sources: z.array(Id).default([]),
});

export const DocumentVersion = z.strictObject({
  id: Id,
  label: z.string().min(1),
  date: IsoDate,
  proposedBy: z.array(Id).default([]),
  basedOn: z.array(Id).default([]),
  description: z.string().optional(),
  sources: z.array(Id).default([]),
  points: z.array(Point).min(1),
});

export const Document = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string().optional(),
  versions: z.array(DocumentVersion).min(1),
});

/** "documentId:versionId" */
export const VersionRef = z.string().regex(/^[^:\s]+:[^:\s]+$/, 'a version reference "documentId:versionId"');

export const Package = z.strictObject({
  id: Id,
  label: z.string().min(1),
  description: z.string().optional(),
  date: IsoDate.optional(),
  proposedBy: z.array(Id).default([]),
  versions: z.array(VersionRef).min(1),
});

export const EventKind = z.enum([
  'summit',
  'meeting',
  'talks',
  'plan-release',
  'statement',
  'declaration',
  'deadline',
  'military',
  'other',
]);

export const Event = z.strictObject({
  id: Id,
  date: IsoDate,
  title: z.string().min(1),
  kind: EventKind,
  description: z.string().optional(),
  parties: z.array(Id).default([]),
  documents: z.array(Id).default([]),
  versions: z.array(VersionRef).default([]),
  sources: z.array(Id).default([]),
});

/** A party's stated position on an issue at a date (for the timeline of positions). */
export const Position = z.strictObject({
  party: Id,
  issue: Id,
  date: IsoDate,
  option: OptionRef,
  statement: z.string().optional(),
  sources: z.array(Id).default([]),
});

export const Source = z.strictObject({
  id: Id,
  title: z.string().min(1),
  url: z.string().optional(),
  publisher: z.string().optional(),
  date: IsoDate.optional(),
  /** Free text, e.g. "independent", "state-aligned: confirms wording only". */
  reliability: z.string().optional(),
});

export const Scenario = z.strictObject({
  parley: z.literal(FORMAT_VERSION),
  id: Id,
  title: z.string().min(1),
  description: z.string().optional(),
  /** The date analyses use by default (e.g. for dated BATNAs). */
  asOf: IsoDate.optional(),
  disclaimer: z.string().optional(),
  sources: z.array(Source).default([]),
  parties: z.array(Party).min(1),
  issues: z.array(Issue).min(1),
  documents: z.array(Document).default([]),
  packages: z.array(Package).default([]),
  preferences: z.array(Preferences).default([]),
  events: z.array(Event).default([]),
  positions: z.array(Position).default([]),
});

export type UncertainNumber = z.infer<typeof UncertainNumber>;
export type Party = z.infer<typeof Party>;
export type PartyRole = z.infer<typeof PartyRole>;
export type Issue = z.infer<typeof Issue>;
export type IssueOption = z.infer<typeof IssueOption>;
export type NumericRange = z.infer<typeof NumericRange>;
export type ValueFunction = z.infer<typeof ValueFunction>;
export type IssueValues = z.infer<typeof IssueValues>;
export type Adjustment = z.infer<typeof Adjustment>;
export type RedLine = z.infer<typeof RedLine>;
export type Batna = z.infer<typeof Batna>;
export type BatnaPoint = z.infer<typeof BatnaPoint>;
export type Preferences = z.infer<typeof Preferences>;
export type PointStatus = z.infer<typeof PointStatus>;
export type Point = z.infer<typeof Point>;
export type DocumentVersion = z.infer<typeof DocumentVersion>;
export type Document = z.infer<typeof Document>;
export type Package = z.infer<typeof Package>;
export type Event = z.infer<typeof Event>;
export type Position = z.infer<typeof Position>;
export type Source = z.infer<typeof Source>;
export type Scenario = z.infer<typeof Scenario>;
/** The scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof Scenario>;
