import type { z } from 'zod';
import { AnalyzeBody, DiffBody, EvaluateBody, TimelineBody } from '../../schema/api/analysis.js';
import { SimulateBody, TournamentBody } from '../../schema/api/simulation.js';

/** The analyses the server runs as jobs, and the request body of each (also their cache key's options). */
export const ANALYSIS_BODIES = {
  evaluate: EvaluateBody,
  analyze: AnalyzeBody,
  diff: DiffBody,
  timeline: TimelineBody,
} as const satisfies Record<string, z.ZodType>;

export type AnalysisKind = keyof typeof ANALYSIS_BODIES;
export const ANALYSIS_KINDS = Object.keys(ANALYSIS_BODIES) as AnalysisKind[];

/** Model runs: they may use uploaded strategy modules, which run only in the sandbox. */
export const SIMULATION_BODIES = {
  simulate: SimulateBody,
  tournament: TournamentBody,
} as const satisfies Record<string, z.ZodType>;

export type SimulationKind = keyof typeof SIMULATION_BODIES;

/** Everything a job computes. */
export type JobKind = AnalysisKind | SimulationKind;
