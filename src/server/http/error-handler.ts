import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiProblem } from './api-problem.js';

/** Fastify's own errors that are the client's doing, as API problems. */
function fromFastify(error: FastifyError, bodyLimit: number): ApiProblem | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiProblem(413, 'body-too-large', `the body is larger than ${bodyLimit} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiProblem(415, 'unsupported-media-type', 'send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiProblem(400, 'invalid-json', 'the body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiProblem(400, 'invalid-request', 'Content-Length does not match the body');
    default:
      break;
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new ApiProblem(400, 'invalid-json', 'the body is not valid JSON', {
      issues: [{ path: 'body', message: 'not valid JSON', expected: 'a JSON object' }],
    });
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiProblem(error.statusCode, 'bad-request', 'the request could not be read');
  }
  return undefined;
}

/**
 * Every error leaves as the one JSON shape. Expected ones carry their own message; anything else is a 500 with
 * a fixed sentence: no stack, no message from inside (which could quote private data), logged on the server
 * without the request body.
 */
export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = error instanceof ApiProblem ? error : fromFastify(error, bodyLimit);
    if (!problem) {
      request.log.error({ err: { name: error.name, code: error.code } }, 'internal error');
      return reply
        .code(500)
        .type('application/json')
        .send({
          error: {
            code: 'internal',
            message: 'the server failed to answer this request; it has been logged',
          },
        });
    }
    for (const [name, value] of Object.entries(problem.extra.headers ?? {})) reply.header(name, value);
    return reply.code(problem.status).type('application/json').send(problem.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type('application/json')
      .send({
        error: {
          code: 'no-route',
          message: `no route ${request.method} ${request.url.split('?')[0]}; see /openapi.json`,
        },
      });
  });
}
