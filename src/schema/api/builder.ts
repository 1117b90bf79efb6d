import { z } from 'zod';
import { Id, IsoDate } from '../scenario.js';
import { EvaluateBody } from './analysis.js';

/**
 * A what-if: parameters changed for one computation and never saved. Values must lie within the estimate
 * ranges the scenario gives (a bare number has no range: only that value).
 */
export const Hypothesis = z
  .strictObject({
    redLines: z
      .array(z.strictObject({ party: Id, redLine: Id, active: z.boolean() }))
      .max(200)
      .optional()
      .describe('Red lines switched off (active: false) or kept (active: true).'),
    batna: z
      .array(z.strictObject({ party: Id, value: z.number().finite() }))
      .max(50)
      .optional()
      .describe("A party's BATNA set within its estimate range at the date."),
    weights: z
      .array(z.strictObject({ party: Id, issue: Id, value: z.number().finite() }))
      .max(500)
      .optional()
      .describe("A party's weight of an issue set within its estimate range (the scale the scenario uses)."),
    at: IsoDate.optional().describe('The date dated BATNAs are read at.'),
  })
  .meta({ id: 'Hypothesis' });

/** Evaluate a package, versions or a (partial) outcome, under a hypothesis when one is given. */
export const WhatIfBody = EvaluateBody.extend({ hypothesis: Hypothesis.optional() }).meta({
  id: 'WhatIfBody',
});

/** The nearest acceptable package and a Pareto improvement for a package, versions or a (partial) outcome. */
export const NearestBody = WhatIfBody.extend({
  timeLimitSeconds: z.number().min(1).max(120).default(30).describe('Budget of each exact search.'),
}).meta({ id: 'NearestBody' });

export type Hypothesis = z.infer<typeof Hypothesis>;
export type WhatIfBody = z.infer<typeof WhatIfBody>;
export type NearestBody = z.infer<typeof NearestBody>;
