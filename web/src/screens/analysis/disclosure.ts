import type { AnalysisReport } from '../../../../src/app/analyze.js';
import type { AnalysisView } from '../../../../src/app/privacy/redact-analysis.js';

/** What POST /analyze answers: the whole report for the mediator, a party's view for anyone else. */
export type AnalysisResult = AnalysisReport | AnalysisView;

/** The words shown wherever a part of the analysis is not sent to the viewer. */
export const WITHHELD = "withheld by the mediator's disclosure policy";

/** A part of the dashboard: its content, or why the viewer does not see it (never a blank). */
export type Disclosed<T> = { disclosed: true; value: T } | { disclosed: false; note: string };

export const shown = <T>(value: T): Disclosed<T> => ({ disclosed: true, value });
export const withheld = <T>(note: string = WITHHELD): Disclosed<T> => ({ disclosed: false, note });

export function isFullReport(result: AnalysisResult): result is AnalysisReport {
  return !('viewer' in result);
}
