import type { Scenario } from '../schema/scenario.js';

// The shapes of imports and exports in the research formats, shared by the use cases and the interop adapters.

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

/** A file an exporter produced, held in memory: its name inside the export folder and its text. */
export interface ExportedFile {
  path: string;
  text: string;
}

export interface ExportResult {
  /** The files of the export, domain first; writing them anywhere is the caller's business. */
  files: ExportedFile[];
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

/** A file held in memory: its path (with '/' between folders) and its content as text or UTF-8 bytes. */
export type InMemoryFile = { path: string; text: string } | { path: string; bytes: Uint8Array };

/** The formats `export` writes: the research formats, and gmcr-py for a scenario's conflict section. */
export type ExportFormat = InteropFormat | 'gmcr';
