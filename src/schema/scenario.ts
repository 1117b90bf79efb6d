/**
 * The scenario file format. This zod schema is the single source of truth: the TypeScript types
 * below are inferred from it and the published JSON Schema (schema/scenario.schema.json) is
 * generated from it. Structural rules live here; cross-references (ids that must resolve) are
 * checked by core/model/check-references.ts, which needs the whole document.
 */
import { z } from 'zod';
import { isCalendarDate } from './calendar-date.js';

export const FORMAT_VERSION = 1;

// Descriptions feed the JSON Schema (editor tooltips). Schemas shared by several fields (Id, IsoDate,
// SourceNote, UncertainNumber, OptionRef, Rule, IssueValues, Batna, VersionRef) get theirs with
// `.register(z.globalRegistry, …)`, which keeps the instance: the loader names them in its messages by
// identity, and `.describe()` would return a copy it no longer recognises.

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const Id = z
  .string()
  .regex(idPattern, 'an id: letters, digits, "-", "_" or ".", starting with a letter or digit')
  .max(80)
  .register(z.globalRegistry, {
    description:
      'An id: letters, digits, "-", "_" or ".", starting with a letter or digit; at most 80 characters. Ids are case-sensitive; other fields refer to things by id.',
  });

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'a real calendar date' })
  .register(z.globalRegistry, { description: 'A calendar date written YYYY-MM-DD.' });

/** Free-text note naming where an estimate comes from. */
export const SourceNote = z.string().min(1).max(2000).register(z.globalRegistry, {
  description:
    'Where this comes from: who estimated or stated it, and from what evidence (free text, at most 2,000 characters).',
});

/**
 * A quantity an analyst estimated. A bare number means "no stated uncertainty".
 * The object form gives a best estimate and a range; low <= estimate <= high.
 */
export const UncertainNumber = z
  .union([
    z.number(),
    z
      .strictObject({
        estimate: z.number().describe('The best estimate; every point result uses it.'),
        low: z.number().describe('The lowest plausible value (low <= estimate).'),
        high: z.number().describe('The highest plausible value (estimate <= high).'),
        source: SourceNote.optional().describe('Where this estimate and its range come from.'),
      })
      .refine((u) => u.low <= u.estimate && u.estimate <= u.high, {
        message: 'low <= estimate <= high',
      })
      .describe('An estimate with a range: low <= estimate <= high.'),
  ])
  .register(z.globalRegistry, {
    description:
      'A number, or {estimate, low, high, source} for an estimate with a stated range (low <= estimate <= high). A bare number means no stated uncertainty.',
  });

export const PartyKind = z
  .enum(['state', 'bloc', 'organisation', 'coalition', 'group', 'person', 'firm', 'other'])
  .describe('What kind of actor the party is (descriptive).');
export const PartyRole = z
  .enum(['signatory', 'mediator', 'guarantor', 'observer'])
  .describe(
    'signatory: a deal needs its consent (the verdict requires every signatory with preferences to accept); mediator, guarantor, observer: evaluated, but without a veto.',
  );

export const Party = z
  .strictObject({
    id: Id,
    name: z.string().min(1).describe('Name shown in reports and tables.'),
    kind: PartyKind,
    role: PartyRole,
    /** Relative power in [0, 1]; used by forecasting and capability-weighted bargaining. */
    capability: UncertainNumber.optional().describe(
      'Relative power from 0 to 1 (a number or {estimate, low, high}); passed to bargaining solvers and drawn within its range by the robustness analysis.',
    ),
    description: z.string().optional().describe('Free text about the party.'),
  })
  .describe('A party to the negotiation.');

export const IssueCategory = z
  .enum([
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
  ])
  .describe('Subject area of the issue (descriptive; used to group issues).');

export const IssueOption = z
  .strictObject({
    id: Id,
    label: z.string().min(1).describe('Short text shown for the option.'),
    description: z.string().optional().describe('Free text: what the option means, where it appears.'),
    /** Marks the option that means "left unresolved / deferred". At most one per issue. */
    deferred: z
      .boolean()
      .optional()
      .describe(
        'true marks the option meaning "left unresolved / deferred" (at most one per issue). It is an ordinary option with values like any other; version comparisons report an issue settled on it as deferred.',
      ),
  })
  .describe('One alternative of an issue. Option ids are unique within their issue.');

/**
 * A numeric issue takes the values min, min+step, ..., max (the grid must fit exactly).
 * Every analysis works on that grid, so results are exact for the issue as declared.
 */
export const NumericRange = z
  .strictObject({
    min: z.number().describe('Smallest value.'),
    max: z.number().describe('Largest value (max >= min).'),
    step: z.number().positive().describe('Grid step (> 0); (max - min) must be a whole multiple of it.'),
    unit: z.string().optional().describe('Unit shown after values, e.g. "EUR".'),
  })
  .refine((r) => r.max >= r.min, { message: 'max >= min' })
  .refine((r) => isWholeMultiple(r.max - r.min, r.step), {
    message: '(max - min) must be a whole multiple of step',
  })
  .refine((r) => (r.max - r.min) / r.step + 1 <= 10_001, {
    message: 'at most 10,001 grid values per numeric issue',
  })
  .describe(
    'A numeric issue: the values min, min + step, ..., max (at most 10,001 of them). Every analysis works on this grid; points, rules and positions name values on it.',
  );

function isWholeMultiple(span: number, step: number): boolean {
  const k = span / step;
  return Math.abs(k - Math.round(k)) < 1e-9 * Math.max(1, k);
}

export const Issue = z
  .strictObject({
    id: Id,
    title: z.string().min(1).describe('Title shown in reports and tables.'),
    category: IssueCategory,
    description: z.string().optional().describe('Free text about the issue.'),
    /** Options have a natural order (listed from one end to the other). */
    ordered: z
      .boolean()
      .optional()
      .describe(
        'true when the options have a natural order and are listed from one end to the other (descriptive; utilities come from the values alone).',
      ),
    options: z
      .array(IssueOption)
      .min(2)
      .max(1000)
      .optional()
      .describe('The alternatives (2 to 1,000). Give either options or range.'),
    range: NumericRange.optional().describe(
      'For a numeric issue: a grid {min, max, step, unit}. Give either options or range.',
    ),
  })
  .refine((i) => (i.options === undefined) !== (i.range === undefined), {
    message: 'an issue has either options or a range, not both and not neither',
  })
  .refine((i) => (i.options ?? []).filter((o) => o.deferred).length <= 1, {
    message: 'at most one option may be marked deferred',
  })
  .describe('A question the negotiation must answer: either named options or a numeric range.');

/** A rule over issue options, used for red lines and adjustment conditions. */
export type Rule =
  | { issue: string; in: Array<string | number> }
  | { issue: string; notIn: Array<string | number> }
  | { issue: string; atLeast?: number; atMost?: number }
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule };

const OptionRef = z.union([Id, z.number()]).register(z.globalRegistry, {
  description: 'An option id, or a number on the grid of a numeric issue.',
});

export const Rule: z.ZodType<Rule> = z
  .lazy(() =>
    z.union([
      z
        .strictObject({
          issue: Id,
          in: z
            .array(OptionRef)
            .min(1)
            .describe('Holds when the issue takes one of these options or values.'),
        })
        .describe('Holds when the issue takes one of the listed options.'),
      z
        .strictObject({
          issue: Id,
          notIn: z
            .array(OptionRef)
            .min(1)
            .describe('Holds when the issue takes none of these options or values.'),
        })
        .describe('Holds when the issue takes none of the listed options.'),
      z
        .strictObject({
          issue: Id,
          atLeast: z.number().optional().describe('Holds when the value is >= this (numeric issues only).'),
          atMost: z.number().optional().describe('Holds when the value is <= this (numeric issues only).'),
        })
        .refine((r) => r.atLeast !== undefined || r.atMost !== undefined, {
          message: 'a numeric rule needs atLeast, atMost or both',
        })
        .describe('Holds when a numeric issue lies within the bounds (inclusive).'),
      z
        .strictObject({ all: z.array(Rule).min(1).describe('Holds when every rule in the list holds.') })
        .describe('Conjunction.'),
      z
        .strictObject({
          any: z.array(Rule).min(1).describe('Holds when at least one rule in the list holds.'),
        })
        .describe('Disjunction.'),
      z.strictObject({ not: Rule }).describe('Holds when the inner rule does not hold.'),
    ]),
  )
  .register(z.globalRegistry, {
    description:
      'A condition on issues: {issue, in: [...]}, {issue, notIn: [...]}, {issue, atLeast, atMost} (numeric issues), or {all: [...]}, {any: [...]}, {not: rule}.',
  });

/** Piecewise-linear value function over a numeric range: [x, value] points, x strictly increasing. */
export const ValueFunction = z
  .strictObject({
    piecewiseLinear: z
      .array(z.tuple([z.number(), UncertainNumber]))
      .min(2)
      .refine((pts) => pts.every((p, k) => k === 0 || p[0] > pts[k - 1][0]), {
        message: 'x values strictly increasing',
      })
      .describe(
        'Points [x, value], x strictly increasing, value 0..100 (a number or {estimate, low, high}); the first x must be <= the range min and the last >= the range max. Values between points are interpolated linearly.',
      ),
  })
  .describe('A piecewise-linear value function of a numeric issue, evaluated at each grid value.');

/** Option values (0..100) keyed by option id, or a value function for a numeric issue. */
export const IssueValues = z
  .union([
    z
      .record(Id, UncertainNumber)
      .describe(
        'A value from 0 to 100 per option id (a number or {estimate, low, high}); every option of an issue with weight needs one.',
      ),
    ValueFunction,
  ])
  .register(z.globalRegistry, {
    description:
      "The party's value (0..100) of each option: {optionId: value, ...} for an issue with options, {piecewiseLinear: [[x, value], ...]} for a numeric issue.",
  });

export const Adjustment = z
  .strictObject({
    id: Id,
    description: z.string().min(1).describe('What the interaction is and why.'),
    when: Rule,
    /** Utility points (same 0..100 scale as the total) added when `when` holds. */
    delta: UncertainNumber,
    source: SourceNote.optional().describe('Where the estimate of the interaction comes from.'),
  })
  .describe(
    'An interaction between issues: `delta` utility points (on the 0..100 scale of the total, may be negative, a number or {estimate, low, high}) are added whenever the rule `when` holds.',
  );

export const RedLine = z
  .strictObject({
    id: Id,
    description: z.string().min(1).describe('What the party will not accept, in words.'),
    source: SourceNote,
    /** The red line is crossed when this rule holds... */
    crossedWhen: Rule.optional().describe(
      'The red line is crossed when this rule holds. Give exactly one of crossedWhen or requires.',
    ),
    /** ...or, equivalently, when this rule does not hold. Give exactly one of the two. */
    requires: Rule.optional().describe(
      'The red line is crossed when this rule does not hold. Give exactly one of crossedWhen or requires.',
    ),
  })
  .refine((r) => (r.crossedWhen === undefined) !== (r.requires === undefined), {
    message: 'a red line gives exactly one of crossedWhen or requires',
  })
  .describe(
    'An outcome the party rejects whatever its utility: an outcome that crosses a red line is not acceptable to the party. Red lines have no uncertainty range.',
  );

export const BatnaPoint = z
  .strictObject({
    date: IsoDate,
    value: UncertainNumber,
    note: z.string().optional().describe('Why the value changes at this date.'),
  })
  .describe('The BATNA from this date on: a utility on the 0..100 scale, a number or {estimate, low, high}.');

/** Utility of no agreement: a constant, or a dated series (the alternative moves with events). */
export const Batna = z
  .union([
    UncertainNumber,
    z
      .strictObject({
        series: z.array(BatnaPoint).min(1).describe('Dated values, dates strictly increasing.'),
        /** step: the latest value at or before the date; linear: interpolate between dates. */
        interpolation: z
          .enum(['step', 'linear'])
          .default('step')
          .describe(
            'step (default): the latest entry at or before the date; linear: interpolate between the entries around the date. Before the first entry the first value holds, after the last the last.',
          ),
        source: SourceNote.optional().describe('Where the series comes from.'),
      })
      .describe(
        'A BATNA that moves over time. Analyses read it at a date: the --at option, else the scenario asOf, else the last entry.',
      ),
  ])
  .register(z.globalRegistry, {
    description:
      "Utility of no agreement on the party's 0..100 scale: a number, {estimate, low, high}, or a dated series {series, interpolation}. A deal is acceptable to the party only if its utility reaches the BATNA.",
  });

export const Preferences = z
  .strictObject({
    party: Id,
    /** Who estimated these preferences and from what: required, since preferences are never fact. */
    source: SourceNote,
    basis: z
      .enum(['analyst-estimate', 'stated', 'elicited', 'imported'])
      .default('analyst-estimate')
      .describe(
        'How the preferences were obtained: analyst-estimate (default), stated by the party, elicited from it, or imported from another format.',
      ),
    /** Relative salience per issue (any non-negative scale; normalised to sum 1). Omitted issues weigh 0. */
    weights: z
      .record(Id, UncertainNumber)
      .describe(
        'Relative salience per issue id, on any non-negative scale (normalised to sum 1); a number or {estimate, low, high}. Omitted issues weigh 0. At least one estimate must be positive.',
      ),
    values: z
      .record(Id, IssueValues)
      .describe(
        'Per issue id: a value from 0 to 100 per option, or a piecewise-linear function for a numeric issue. Required for every issue with weight.',
      ),
    adjustments: z
      .array(Adjustment)
      .default([])
      .describe('Interactions between issues: utility points added when a rule holds.'),
    redLines: z.array(RedLine).default([]).describe('Outcomes the party rejects whatever its utility.'),
    batna: Batna,
    notes: z.string().optional().describe('Free text.'),
  })
  .describe(
    "One party's preferences (one block per party): weights, values, adjustments, red lines and BATNA. Analysts' estimates, so a source is required.",
  );

export const PointStatus = z
  .enum(['agreed', 'bracketed', 'open', 'rejected'])
  .describe(
    "A party's position on a point: agreed, bracketed (not yet agreed / disputed), open or rejected.",
  );

export const Point = z
  .strictObject({
    number: z
      .number()
      .int()
      .positive()
      .describe('The point number in this version (a whole number >= 1, unique within the version).'),
    title: z.string().min(1).describe('Short title of the point.'),
    text: z.string().min(1).describe('The wording (or a paraphrase) of the point.'),
    /** Issue options this point settles: an option id, or a number for a numeric issue. */
    settles: z
      .record(Id, OptionRef)
      .default({})
      .describe(
        'Issue id -> the option this point settles it on (an option id, or a number on the grid of a numeric issue).',
      ),
    /** Issues the point speaks to without settling them. */
    touches: z.array(Id).default([]).describe('Issue ids the point speaks to without settling them.'),
    /** The point(s) of an earlier version this one descends from, as "versionId#number". */
    from: z
      .union([z.string(), z.array(z.string()).min(1)])
      .optional()
      .describe(
        'The point(s) of another version of the same document this point descends from, as "versionId#number" (e.g. "v1#3") or a list of them.',
      ),
    /** Per-party status; a party not listed is "open". */
    status: z
      .record(Id, PointStatus)
      .default({})
      .describe('Party id -> agreed, bracketed, open or rejected; a party not listed is open.'),
    sources: z.array(Id).default([]).describe('Ids of sources (in the top-level sources list).'),
  })
  .describe('A numbered point of a document version.');

export const DocumentVersion = z
  .strictObject({
    id: Id,
    label: z.string().min(1).describe('Short name of the version.'),
    date: IsoDate,
    proposedBy: z.array(Id).default([]).describe('Ids of the parties that tabled this version.'),
    basedOn: z
      .array(Id)
      .default([])
      .describe('Ids of earlier versions of the same document this one revises (no cycles).'),
    description: z.string().optional().describe('Free text about the version.'),
    sources: z.array(Id).default([]).describe('Ids of sources (in the top-level sources list).'),
    points: z.array(Point).min(1).describe('The numbered points (at least one).'),
  })
  .describe('One version (draft) of a document.');

export const Document = z
  .strictObject({
    id: Id,
    title: z.string().min(1).describe('Title of the document.'),
    description: z.string().optional().describe('Free text about the document.'),
    versions: z
      .array(DocumentVersion)
      .min(1)
      .describe('The versions of the document; version ids are unique within it.'),
  })
  .describe('A negotiated text (a plan, a draft treaty, an offer sheet) with its versions.');

/** "documentId:versionId" */
export const VersionRef = z
  .string()
  .regex(/^[^:\s]+:[^:\s]+$/, 'a version reference "documentId:versionId"')
  .register(z.globalRegistry, { description: 'A version reference "documentId:versionId".' });

export const Package = z
  .strictObject({
    id: Id,
    label: z.string().min(1).describe('Short name of the package.'),
    description: z.string().optional().describe('Free text about the package.'),
    date: IsoDate.optional().describe('When the package was on the table.'),
    proposedBy: z.array(Id).default([]).describe('Ids of the parties that proposed it.'),
    versions: z
      .array(VersionRef)
      .min(1)
      .describe(
        'The document versions taken together, as "documentId:versionId". Where two settle an issue differently, the issue stays open between the conflicting options and the conflict is reported.',
      ),
  })
  .describe('Document versions evaluated together as one proposal (e.g. a framework with its annexes).');

export const EventKind = z
  .enum([
    'summit',
    'meeting',
    'talks',
    'plan-release',
    'statement',
    'declaration',
    'deadline',
    'military',
    'other',
  ])
  .describe('What kind of event it is.');

export const Event = z
  .strictObject({
    id: Id,
    date: IsoDate,
    title: z.string().min(1).describe('What happened, in a line.'),
    kind: EventKind,
    description: z.string().optional().describe('Free text about the event.'),
    parties: z.array(Id).default([]).describe('Ids of the parties involved.'),
    documents: z.array(Id).default([]).describe('Ids of the documents concerned.'),
    versions: z.array(VersionRef).default([]).describe('Versions concerned, as "documentId:versionId".'),
    sources: z.array(Id).default([]).describe('Ids of sources (in the top-level sources list).'),
  })
  .describe('Something that happened on a date (for the timeline).');

/** A party's stated position on an issue at a date (for the timeline of positions). */
export const Position = z
  .strictObject({
    party: Id,
    issue: Id,
    date: IsoDate,
    option: OptionRef,
    statement: z.string().optional().describe('What the party said, quoted or paraphrased.'),
    sources: z.array(Id).default([]).describe('Ids of sources (in the top-level sources list).'),
  })
  .describe("A party's stated position on an issue at a date: the option it asked for.");

// --- Conflict in option form (stability analysis, the Graph Model for Conflict Resolution) ---

export const ConflictOption = z
  .strictObject({
    id: Id,
    label: z
      .string()
      .min(1)
      .optional()
      .describe('What taking the option means, for people (default: the id).'),
    direction: z
      .enum(['both', 'forward', 'backward'])
      .default('both')
      .describe(
        'Which way moves may change it: both (reversible), forward (only from not taken to taken: an irreversible commitment) or backward (only from taken to not taken).',
      ),
  })
  .describe('A yes/no option that one decision maker controls.');

/** A conjunction: the options listed under `yes` are taken and those under `no` are not. */
export const OptionCondition = z
  .strictObject({
    yes: z.array(Id).default([]).describe('Ids of options that are taken (Y).'),
    no: z.array(Id).default([]).describe('Ids of options that are not taken (N).'),
  })
  .describe('Options taken (yes) and not taken (no), all at once.');

export const OptionStatement = z
  .strictObject({
    yes: z.array(Id).optional().describe('Ids of options that are taken (Y).'),
    no: z.array(Id).optional().describe('Ids of options that are not taken (N).'),
    anyOf: z
      .array(OptionCondition)
      .min(1)
      .optional()
      .describe('Alternatives: the statement holds when any of them holds (instead of yes/no).'),
    note: z.string().optional().describe('Why the decision maker cares about this (free text).'),
  })
  .describe('A preference statement: a condition on options (yes/no, or anyOf alternatives).');

export const ConflictPreferences = z
  .strictObject({
    statements: z
      .array(OptionStatement)
      .min(1)
      .optional()
      .describe(
        'Prioritised option statements, most important first: statement k of n weighs 2^(n-1-k), a state scores the sum of its true statements, higher is preferred, equal scores tie.',
      ),
    ranking: z
      .array(z.union([z.number().int().min(1), z.array(z.number().int().min(1)).min(1)]))
      .min(1)
      .optional()
      .describe(
        'Every feasible state by number (as `parley stability` lists them), most preferred first; an inner list is a set of equally preferred states. Instead of statements.',
      ),
    source: SourceNote.optional(),
  })
  .describe('How a decision maker ranks the states: prioritised option statements or an explicit ranking.');

export const ConflictDecisionMaker = z
  .strictObject({
    id: Id,
    name: z.string().min(1).optional().describe('Display name (default: the id).'),
    party: Id.optional().describe('The party this decision maker stands for, if any.'),
    options: z
      .array(ConflictOption)
      .min(1)
      .describe('The options it controls; ids unique across the conflict.'),
    preferences: ConflictPreferences,
  })
  .describe('A decision maker of the conflict: its options and its preferences over the states.');

export const Conflict = z
  .strictObject({
    title: z.string().min(1).optional().describe('What the conflict model is about.'),
    description: z.string().optional().describe('Free text: the story the model tells, and its limits.'),
    decisionMakers: z
      .array(ConflictDecisionMaker)
      .min(2)
      .describe('At least two decision makers; ids unique.'),
    infeasible: z
      .array(OptionCondition)
      .default([])
      .describe('Patterns of option values that cannot occur together; matching states are removed.'),
    statusQuo: z
      .array(Id)
      .optional()
      .describe('The options taken in the status quo (every other option is not taken); must be feasible.'),
    coalitions: z
      .array(z.array(Id).min(1))
      .optional()
      .describe(
        'A partition of the decision makers into coalitions that act as one (for the coalition analysis); every decision maker in exactly one.',
      ),
    sources: z.array(Id).default([]).describe('Ids of sources (in the top-level sources list).'),
  })
  .describe(
    "A conflict in option form for stability analysis: decision makers, their yes/no options and their preferences (analysts' estimates).",
  );

export const Source = z
  .strictObject({
    id: Id,
    title: z.string().min(1).describe('Title of the source.'),
    url: z.string().optional().describe('Where to find it.'),
    publisher: z.string().optional().describe('Who published it.'),
    date: IsoDate.optional().describe('Publication date.'),
    /** Free text, e.g. "independent", "state-aligned: confirms wording only". */
    reliability: z
      .string()
      .optional()
      .describe('Free text, e.g. "independent", "state-aligned: confirms wording only".'),
  })
  .describe('A bibliography entry that points, versions, events and positions cite by id.');

/** Where each option of an issue lies on a 0..100 position scale, for forecasting models. */
export const ForecastScale = z
  .strictObject({
    issue: Id,
    positions: z
      .record(Id, z.number().min(0).max(100))
      .describe(
        'Option id -> its place on a 0..100 scale from one end of the dispute to the other. Options left out (e.g. "deferred") are not positions an actor can hold.',
      ),
    source: SourceNote.optional().describe('Who placed the options on the scale, and why.'),
  })
  .describe(
    "A position scale for an issue whose options have no natural order, so that spatial forecasting models can measure how far apart two actors' positions are.",
  );

export const ForecastSection = z
  .strictObject({
    issues: z
      .array(Id)
      .optional()
      .describe('The issues `parley forecast` forecasts by default (default: every issue that has a scale).'),
    scales: z
      .array(ForecastScale)
      .default([])
      .describe(
        'Position scales for issues with unordered options (ordered and numeric issues already have one).',
      ),
  })
  .describe(
    "What forecasting models need beyond the preferences: position scales for unordered issues and the issues to forecast. Forecasts are model outputs from analysts' estimates.",
  );

export const Scenario = z.strictObject({
  parley: z.literal(FORMAT_VERSION).describe('Format version of the file; this version of Parley reads 1.'),
  id: Id,
  title: z.string().min(1).describe('Title of the scenario.'),
  description: z.string().optional().describe('Free text: what the negotiation is about.'),
  /** The date analyses use by default (e.g. for dated BATNAs). */
  asOf: IsoDate.optional().describe(
    'The date analyses use by default, e.g. to read dated BATNAs (without it, a dated BATNA uses its last entry).',
  ),
  disclaimer: z.string().optional().describe('Shown at the top of summaries and reports.'),
  sources: z.array(Source).default([]).describe('Bibliography: entries that other fields cite by id.'),
  parties: z.array(Party).min(1).describe('The parties (at least one); ids unique.'),
  issues: z.array(Issue).min(1).describe('The issues (at least one); ids unique.'),
  documents: z
    .array(Document)
    .default([])
    .describe('Negotiated texts, each with versions made of numbered points.'),
  packages: z.array(Package).default([]).describe('Sets of document versions evaluated together.'),
  preferences: z
    .array(Preferences)
    .default([])
    .describe("Each party's preferences (at most one block per party): analysts' estimates, not facts."),
  events: z.array(Event).default([]).describe('Dated events for the timeline.'),
  positions: z.array(Position).default([]).describe("Parties' stated positions on issues, dated."),
  conflict: Conflict.optional().describe('A conflict in option form, for `parley stability`.'),
  forecast: ForecastSection.optional().describe('Position scales and issues for `parley forecast`.'),
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
export type ConflictSection = z.infer<typeof Conflict>;
export type ForecastScale = z.infer<typeof ForecastScale>;
export type ForecastSection = z.infer<typeof ForecastSection>;
export type Scenario = z.infer<typeof Scenario>;
/** The scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof Scenario>;
