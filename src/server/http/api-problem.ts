import type { ApiError, ApiIssue } from '../../schema/api/error.js';

/**
 * An expected failure of a request, thrown by a handler and rendered by the error handler as the one JSON
 * error shape. Its message must name nothing private: handlers build it from what the caller sent or may see.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { issues?: ApiIssue[]; currentRevision?: number; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiProblem';
  }

  toBody(): ApiError {
    const { issues, currentRevision } = this.extra;
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(issues ? { issues } : {}),
        ...(currentRevision !== undefined ? { currentRevision } : {}),
      },
    };
  }
}

/** The same answer for a workspace that does not exist and one the caller is not a member of. */
export function notFound(what = 'resource'): ApiProblem {
  return new ApiProblem(404, 'not-found', `no such ${what}, or you are not a member of it`);
}

export function forbidden(message: string): ApiProblem {
  return new ApiProblem(403, 'forbidden', message);
}

export function unauthenticated(): ApiProblem {
  return new ApiProblem(
    401,
    'unauthenticated',
    'sign in (POST /api/session) or send Authorization: Bearer <token>',
  );
}
