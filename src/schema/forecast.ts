import { z } from 'zod';

/**
 * Forecasting inputs and options. An actor table holds, per actor, a capability and, per dimension (issue),
 * a position on the dimension's declared scale and a salience in [0, 1]. The scale is stored with the
 * dimension and never inferred from the positions, since distances are normalised by it.
 */
export const ForecastDimension = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  /** Lowest and highest position on the dimension's scale; distances are divided by max - min. */
  min: z.number(),
  max: z.number(),
  /** For a dimension made from an issue's options: the option each scale point stands for. */
  ticks: z.array(z.strictObject({ position: z.number(), label: z.string() })).optional(),
});

export const ForecastRange = z.strictObject({ low: z.number(), high: z.number() });

export const ForecastActor = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Capability (power, clout), >= 0; only ratios between actors matter. */
  capability: z.number().nonnegative(),
  /** Position per dimension, on that dimension's scale. */
  positions: z.array(z.number()),
  /** Salience per dimension in [0, 1]. */
  saliences: z.array(z.number().min(0).max(1)),
  /**
   * Saliences for the one-issue models (mean, median, Condorcet, BDM) when they read salience differently
   * from SMP (relative to the actor's top issue rather than as shares); `saliences` when absent.
   */
  oneIssueSaliences: z.array(z.number().min(0).max(1)).optional(),
  /** The analyst's range for the capability, drawn from by `--samples`. */
  capabilityRange: ForecastRange.optional(),
  /** The analyst's ranges for the saliences (same scale), drawn from by `--samples`. */
  salienceRanges: z.array(ForecastRange.optional()).optional(),
});

export const ActorTable = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  dimensions: z.array(ForecastDimension).min(1),
  actors: z.array(ForecastActor).min(1),
  /** Notes on how the table was built (conventions applied, issues left out), shown with every forecast. */
  notes: z.array(z.string()).default([]),
});

/** D4: the probability that i prevails over j in the BDM challenge model. */
export const BdmProbabilityRule = z.enum(['net-clamped', 'positive-part', 'all-triples']);
/** D5: which central position the BDM utilities of "better" and "worse" measure distance to. */
export const BdmMuRule = z.enum(['condorcet', 'median', 'mean', 'largest-margin']);
/** D5: how a receiver ranks the offers it gets. */
export const BdmOfferRanking = z.enum(['sender-eu', 'type']);

export const BdmOptions = z.strictObject({
  probabilityRule: BdmProbabilityRule.default('net-clamped'),
  /** Probability that the status quo holds if i does not challenge (Q) and that it improves (T). */
  q: z.number().min(0).max(1).default(1),
  t: z.number().min(0).max(1).default(1),
  /** μ in the first pass (r = 1) and in the second pass (with the risk exponents). */
  muRule: BdmMuRule.default('condorcet'),
  muRuleSecondPass: BdmMuRule.optional(),
  offerRanking: BdmOfferRanking.default('sender-eu'),
  maxRounds: z.number().int().positive().default(20),
  /** Stop when the largest move in a round is below epsilon × the scale's width. */
  epsilon: z.number().nonnegative().default(1e-6),
});

export const SmpVotingRule = z.enum(['Binary', 'PropBin', 'Proportional', 'PropCbc', 'Cubic', 'ASymProsp']);
export const SmpVictoryProbModel = z.enum(['Linear', 'Square', 'Quartic', 'Octic', 'Binary']);
export const SmpPceModel = z.enum(['Conditional', 'MarkovUniform', 'MarkovIncentive']);
export const SmpBigRRange = z.enum(['Min', 'Mid', 'Max']);
export const SmpBigRAdjust = z.enum(['None', 'OneThird', 'Half', 'TwoThirds', 'Full']);
export const SmpThirdPartyCommit = z.enum(['NoCommit', 'SemiCommit', 'FullCommit']);
export const SmpInterVecBrgn = z.enum(['S1P1', 'S2P2', 'S2PMax']);
export const SmpBargnModel = z.enum(['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp']);
export const SmpStateTransitions = z.enum(['Deterministic', 'Stochastic']);

/** KTAB SMP parameters under KTAB's own names, with KTAB's defaults (D6). */
export const SmpOptions = z.strictObject({
  VotingRule: SmpVotingRule.default('Proportional'),
  VictoryProbModel: SmpVictoryProbModel.default('Linear'),
  PCEModel: SmpPceModel.default('Conditional'),
  BigRRange: SmpBigRRange.default('Mid'),
  BigRAdjust: SmpBigRAdjust.default('OneThird'),
  ThirdPartyCommit: SmpThirdPartyCommit.default('SemiCommit'),
  InterVecBrgn: SmpInterVecBrgn.default('S2P2'),
  BargnModel: SmpBargnModel.default('InitOnlyInterp'),
  StateTransitions: SmpStateTransitions.default('Deterministic'),
  /** Seed of the Stochastic transitions. */
  seed: z.number().int().default(1),
  minTurns: z.number().int().nonnegative().default(2),
  maxTurns: z.number().int().positive().default(100),
  /** Stop when this turn's movement over the first turn's falls below the threshold. */
  stopFraction: z.number().positive().default(0.02),
});

export type ForecastDimension = z.infer<typeof ForecastDimension>;
export type ForecastActor = z.infer<typeof ForecastActor>;
export type ActorTable = z.infer<typeof ActorTable>;
export type BdmProbabilityRule = z.infer<typeof BdmProbabilityRule>;
export type BdmMuRule = z.infer<typeof BdmMuRule>;
export type BdmOfferRanking = z.infer<typeof BdmOfferRanking>;
export type BdmOptions = z.infer<typeof BdmOptions>;
export type BdmOptionsInput = z.input<typeof BdmOptions>;
export type SmpOptions = z.infer<typeof SmpOptions>;
export type SmpOptionsInput = z.input<typeof SmpOptions>;
export type SmpVotingRule = z.infer<typeof SmpVotingRule>;
export type SmpVictoryProbModel = z.infer<typeof SmpVictoryProbModel>;
export type SmpPceModel = z.infer<typeof SmpPceModel>;
export type SmpBigRRange = z.infer<typeof SmpBigRRange>;
export type SmpBigRAdjust = z.infer<typeof SmpBigRAdjust>;
export type SmpThirdPartyCommit = z.infer<typeof SmpThirdPartyCommit>;
export type SmpInterVecBrgn = z.infer<typeof SmpInterVecBrgn>;
export type SmpBargnModel = z.infer<typeof SmpBargnModel>;
export type SmpStateTransitions = z.infer<typeof SmpStateTransitions>;
