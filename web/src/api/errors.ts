import type { ApiError, ApiIssue } from '../../../src/schema/api/error.js';

export type { ApiIssue };

/** Any answer that is not a success: the server's one error shape, with the HTTP status. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(status: number, body: ApiError['error']) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = body.code;
    this.issues = body.issues ?? [];
  }

  /** The issues at one field path (or under it), for a form field's message. */
  issuesAt(path: string): ApiIssue[] {
    return this.issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
  }
}

/** 412: someone saved first. `currentRevision` is what the next write must name in If-Match. */
export class ConflictError extends ApiRequestError {
  readonly currentRevision: number;

  constructor(body: ApiError['error']) {
    super(412, body);
    this.name = 'ConflictError';
    this.currentRevision = body.currentRevision ?? 0;
  }
}

/** 401: not signed in (or the session ended); the app goes to the sign-in screen. */
export class SignedOutError extends ApiRequestError {
  constructor(body: ApiError['error']) {
    super(401, body);
    this.name = 'SignedOutError';
  }
}

/** The request never got an answer (offline, server stopped). */
export class NetworkError extends ApiRequestError {
  constructor() {
    super(0, { code: 'network', message: 'the server could not be reached; check that it is running' });
    this.name = 'NetworkError';
  }
}

/** Reads an error answer's body, whatever it holds, into the one shape. */
export function errorFromResponse(status: number, body: unknown): ApiRequestError {
  const error = readErrorBody(status, body);
  if (status === 412) return new ConflictError(error);
  if (status === 401) return new SignedOutError(error);
  return new ApiRequestError(status, error);
}

function readErrorBody(status: number, body: unknown): ApiError['error'] {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
      return error as ApiError['error'];
    }
  }
  return { code: `http-${status}`, message: `the server answered ${status}` };
}
