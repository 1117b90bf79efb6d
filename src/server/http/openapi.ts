import { z } from 'zod';
import { ApiError } from '../../schema/api/error.js';
import type { ApiRoute } from './api-route.js';

type JsonSchema = Record<string, unknown>;

/** /api/workspaces/:workspace → /api/workspaces/{workspace} */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Named schemas (zod `.meta({ id })`) go to components.schemas, referenced as #/components/schemas/Name: in an
 * OpenAPI document a "#/..." reference resolves against the document, not the schema that holds it. A schema
 * whose request form differs from its response form (defaults make fields required) gets "Input" appended.
 */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  add(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    delete out.$schema;
    const defs = (out.$defs ?? {}) as Record<string, JsonSchema>;
    delete out.$defs;
    const names = new Map<string, string>();
    for (const [id, def] of Object.entries(defs)) {
      const text = JSON.stringify(def);
      const existing = this.schemas[id];
      names.set(id, existing === undefined || JSON.stringify(existing) === text ? id : `${id}Input`);
    }
    const rename = (value: JsonSchema): JsonSchema =>
      JSON.parse(
        JSON.stringify(value).replace(/"#\/\$defs\/([^"]+)"/g, (_, id: string) =>
          JSON.stringify(`#/components/schemas/${names.get(id) ?? id}`),
        ),
      );
    for (const [id, def] of Object.entries(defs)) this.schemas[names.get(id) ?? id] = rename(def);
    return rename(out);
  }
}

function parameters(route: ApiRoute, components: Components): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const s = components.add(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (s.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  for (const h of route.headers ?? []) {
    out.push({
      name: h.name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema: { type: 'string' },
    });
  }
  return out;
}

const ERROR_STATUSES: Record<number, string> = {
  400: 'Invalid request: the issues name each field path and what was expected',
  401: 'Not signed in',
  403: 'Signed in, but the role does not allow this (or the CSRF token is missing)',
  404: 'No such resource, or not a member of it',
  413: 'Body too large',
  429: 'Too many attempts; retry after the Retry-After header',
};

/** The OpenAPI 3.1 document of every route, built from the zod schemas that validate them. */
export function buildOpenApi(routes: readonly ApiRoute[], info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const components = new Components();
  components.add(ApiError, 'output');
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      const type = spec.contentType ?? 'application/json';
      responses[status] = {
        description: spec.description,
        ...(spec.schema ? { content: { [type]: { schema: components.add(spec.schema, 'output') } } } : {}),
      };
    }
    const errors = route.auth === 'user' ? [400, 401, 403, 404, 413] : [400, 413];
    for (const status of errors) {
      responses[status] ??= {
        description: ERROR_STATUSES[status],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      };
    }
    paths[openApiPath(route.url)] ??= {};
    paths[openApiPath(route.url)][route.method.toLowerCase()] = {
      operationId: `${route.method.toLowerCase()}${openApiPath(route.url).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      parameters: parameters(route, components),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: components.add(route.body, 'input') } },
            },
          }
        : {}),
      responses,
      ...(route.auth === 'user' ? { security: [{ session: [] }, { bearer: [] }] } : { security: [] }),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley server',
      version: info.version,
      description:
        'A shared, confidential negotiation workspace. Each party sees only what its role and the disclosure policy allow. Errors use one shape (ApiError).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'parley_session',
          description: 'From POST /api/session; unsafe methods also need the X-CSRF-Token header.',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/tokens.' },
      },
    },
  };
}
