import { z } from 'zod';
import { ApiIssue } from './error.js';
import { WorkspaceView } from './workspace.js';

/** One file of a research-format negotiation (GENIUS XML, GeniusWeb JSON, NegMAS YAML), as text. */
export const DomainFile = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(300)
    .regex(/^[^/\\][^\\]*$/, 'a relative file name')
    .describe('The file name (a relative path); the importer tells domain from profiles by content.'),
  text: z.string().max(2_000_000),
});

export const ImportDomainBody = z
  .strictObject({
    files: z.array(DomainFile).min(1).max(50).describe('The domain and its profiles, as one folder.'),
    name: z.string().min(1).max(200).optional().describe("Default: the imported scenario's title."),
    allowPartial: z
      .boolean()
      .default(false)
      .describe(
        'Import even when some profiles cannot be carried over exactly (as `parley import --allow-partial`).',
      ),
  })
  .meta({ id: 'ImportDomainBody' });

export const ImportedWorkspace = WorkspaceView.extend({
  imported: z.object({
    format: z.string(),
    losses: z.array(z.string()).describe('What the import could not carry over exactly.'),
    notes: z.array(z.string()).describe('Conventions the import applied.'),
  }),
  warnings: z.array(ApiIssue).optional(),
}).meta({ id: 'ImportedWorkspace' });

export type ImportDomainBody = z.infer<typeof ImportDomainBody>;
export type ImportedWorkspace = z.infer<typeof ImportedWorkspace>;
