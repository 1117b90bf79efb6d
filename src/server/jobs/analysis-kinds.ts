import type { z } from 'zod';
import { AnalyzeBody, DiffBody, EvaluateBody, ReportBody, TimelineBody } from '../../schema/api/analysis.js';

/** The analyses the server runs as jobs, and the request body of each (also their cache key's options). */
export const ANALYSIS_BODIES = {
  evaluate: EvaluateBody,
  analyze: AnalyzeBody,
  diff: DiffBody,
  timeline: TimelineBody,
  report: ReportBody,
} as const satisfies Record<string, z.ZodType>;

export type AnalysisKind = keyof typeof ANALYSIS_BODIES;
export const ANALYSIS_KINDS = Object.keys(ANALYSIS_BODIES) as AnalysisKind[];
