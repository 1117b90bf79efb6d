import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../node/atomic-files.js';
import { scenarioJsonSchema } from './json-schema.js';

const target = fileURLToPath(new URL('../../../schema/scenario.schema.json', import.meta.url));
// The generated schema is ours to replace: it is regenerated whenever the zod schema changes.
writeFileAtomic(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`, { force: true });
process.stdout.write(`wrote ${target}\n`);
