import type { FastifyRequest } from 'fastify';
import { ApiProblem } from './api-problem.js';

/** The ETag of a revision. */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/**
 * The revision a write was based on, from If-Match ("3", W/"3" or 3). Writes without it are refused (428): a
 * client that does not say what it read could overwrite a change it never saw.
 */
export function expectedRevision(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    throw new ApiProblem(428, 'if-match-required', 'send If-Match with the ETag (revision) you read');
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!match) {
    throw new ApiProblem(400, 'invalid-request', 'If-Match must be the ETag of a revision, e.g. "3"', {
      issues: [{ path: 'headers.if-match', message: 'not a revision ETag', expected: '"<revision number>"' }],
    });
  }
  return Number(match[1]);
}

export function staleRevision(current: number): ApiProblem {
  return new ApiProblem(
    412,
    'stale-revision',
    `the workspace changed since you read it: it is at revision ${current}; read it again, reapply your change, and send If-Match: "${current}"`,
    { currentRevision: current, headers: { etag: etagOf(current) } },
  );
}
