import { z } from 'zod';
import { Scenario } from '../../schema/scenario.js';

/** The published JSON Schema for scenario files, generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...generated,
    $id: 'https://parley.dev/schema/scenario.schema.json',
    title: 'Parley scenario',
    description:
      'A multi-party, multi-issue negotiation: parties, issues and options, documents with versioned points, packages, preferences (analyst estimates with sources and uncertainty), events.',
  };
}
