import type { Scenario } from '../../schema/scenario.js';

export type InteropFormat = 'genius' | 'geniusweb' | 'negmas';

export const INTEROP_FORMATS: readonly InteropFormat[] = ['genius', 'geniusweb', 'negmas'];

/**
 * What an import or export could not carry over (`losses`) and which conventions it applied (`notes`).
 * A loss is anything whose meaning changed or was dropped; an empty `losses` list means the conversion is
 * exact for utilities, BATNAs and red lines.
 */
export interface InteropReport {
  format: InteropFormat;
  losses: string[];
  notes: string[];
}

export interface ImportResult {
  scenario: Scenario;
  report: InteropReport;
}

export interface ExportResult {
  /** The files written, in the order they were written. */
  files: string[];
  report: InteropReport;
}

export interface ImportOptions {
  /**
   * How many grid intervals a real-valued issue is cut into (default 100). The importer picks a step that
   * divides the range exactly and gives the interval count closest to this target.
   */
  realIntervals?: number;
  /**
   * Accept an import that leaves out files of the format that could not be read (say, a profile behind a broken
   * link). Without it such an import fails, naming each file and why; with it, each is listed in the losses.
   */
  allowPartial?: boolean;
}

export function newReport(format: InteropFormat): InteropReport {
  return { format, losses: [], notes: [] };
}
