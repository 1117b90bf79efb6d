import { stringify } from 'yaml';
import type { ScenarioCodec } from '../../server/http/scenario-codec.js';
import { parseScenario } from '../load/parse-scenario.js';

/** The server's scenario text: parsed and checked by the loader; written as YAML the loader reads back. */
export const scenarioCodec: ScenarioCodec = {
  parse: (text, format) => parseScenario(text, { fileName: `scenario.${format}`, format }),
  // Shared sub-objects are written out in full: the loader limits YAML aliases.
  toYaml: (scenario) => stringify(scenario, { aliasDuplicateObjects: false }),
};
