import type { Scenario } from '../../schema/scenario.js';

/** A located problem with submitted scenario text (the shape of the loader's diagnostics). */
export interface ScenarioDiagnostic {
  path: string;
  message: string;
  line?: number;
  column?: number;
  expected?: string;
  suggestion?: string;
  severity: 'error' | 'warning';
}

export type ScenarioParse =
  | { ok: true; scenario: Scenario; warnings: ScenarioDiagnostic[] }
  | { ok: false; diagnostics: ScenarioDiagnostic[] };

/**
 * How the server reads and writes scenario text: the loader's parser (the same checks and located diagnostics
 * as `parley validate`) and its YAML writer, given by the adapter that starts the server, since the server is
 * a face like the command line and does not reach into other adapters itself.
 */
export interface ScenarioCodec {
  parse(text: string, format: 'yaml' | 'json'): ScenarioParse;
  toYaml(scenario: Scenario): string;
}
