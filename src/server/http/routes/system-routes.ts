import { z } from 'zod';
import { type ApiRoute, defineRoute } from '../api-route.js';

const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

/** Liveness and the API's own description. */
export function systemRoutes(openApi: () => unknown): ApiRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/health',
      tag: 'system',
      summary: 'Liveness: answers at once, even while analyses run (they run on worker threads)',
      auth: 'none',
      responses: { 200: { description: 'Alive', schema: Health } },
      handler: async () => ({ status: 'ok' as const }),
    }),
    defineRoute({
      method: 'GET',
      url: '/openapi.json',
      tag: 'system',
      summary: 'This API as an OpenAPI 3.1 document, generated from the schemas that validate requests',
      auth: 'none',
      responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
      handler: async () => openApi(),
    }),
  ];
}
