import type { ImportDomainBody } from '../../../schema/api/import.js';
import { ImportDomainBody as ImportDomainBodySchema, ImportedWorkspace } from '../../../schema/api/import.js';
import type { Scenario } from '../../../schema/scenario.js';
import { ApiProblem } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import { etagOf } from '../if-match.js';
import { scenarioFromText } from '../scenario-input.js';
import type { ServerContext } from '../server-context.js';

/** A located problem with the uploaded files. */
export interface DomainProblem {
  /** The file the problem is in. */
  file: string;
  message: string;
}

export type DomainImport =
  | { ok: true; scenario: Scenario; report: { format: string; losses: string[]; notes: string[] } }
  | { ok: false; problem: DomainProblem };

/** Reads GENIUS, GeniusWeb and NegMAS files into a scenario: the import use case, given by the adapter. */
export interface DomainImporter {
  read(files: ImportDomainBody['files'], options: { allowPartial: boolean }): Promise<DomainImport>;
}

/** `POST /api/workspaces/import`: a new workspace from a research-format domain and its profiles. */
export function importRoutes(ctx: ServerContext, importer: DomainImporter): ApiRoute[] {
  const { store } = ctx;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/workspaces/import',
      tag: 'workspaces',
      summary: 'Create a workspace from a GENIUS, GeniusWeb or NegMAS domain and its profiles',
      description:
        'The format is detected from the files, as `parley import` does; the answer lists what could not be carried over. A problem names the file it is in.',
      auth: 'user',
      body: ImportDomainBodySchema,
      responses: {
        201: { description: 'Created; the caller is its mediator', schema: ImportedWorkspace },
        400: { description: 'The files could not be imported (the problem names the file)' },
      },
      handler: async ({ caller, body, reply }) => {
        const read = await importer.read(body.files, { allowPartial: body.allowPartial });
        if (!read.ok) {
          throw new ApiProblem(400, 'invalid-domain', `${read.problem.file}: ${read.problem.message}`, {
            issues: [{ path: filePath(body, read.problem.file), message: read.problem.message }],
          });
        }
        // Checked as any scenario text is, so that the workspace holds exactly what `parley validate` accepts.
        const { scenario, warnings } = scenarioFromText(ctx.scenarios, JSON.stringify(read.scenario), 'json');
        const { workspace, revision } = await store.workspaces.create({
          title: body.name ?? scenario.title,
          createdBy: caller.user.id,
          scenario,
          summary: `imported from ${read.report.format} files`,
        });
        reply
          .code(201)
          .header('etag', etagOf(revision.number))
          .header('location', `/api/workspaces/${workspace.id}`);
        return {
          id: workspace.id,
          name: workspace.title,
          revision: revision.number,
          membership: { role: 'mediator' as const },
          scenario,
          warnings,
          imported: read.report,
        };
      },
    }),
  ];
}

/** The field path of the named file in the upload (the whole list when the problem is about the folder). */
function filePath(body: ImportDomainBody, file: string): string {
  const index = body.files.findIndex((f) => f.path === file || file.endsWith(`/${f.path}`));
  return index >= 0 ? `body.files.${index}` : 'body.files';
}
