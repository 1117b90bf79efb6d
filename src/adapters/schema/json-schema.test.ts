import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './json-schema.js';

describe('schema/scenario.schema.json', () => {
  it('is what the zod schema generates (regenerate with `npm run schema`)', () => {
    const committed = readFileSync(new URL('../../../schema/scenario.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
});
