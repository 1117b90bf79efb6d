import type { z } from 'zod';
import type { ApiIssue } from '../../schema/api/error.js';

/** A zod issue's path as one string under `root`: body.preferences.weights.security, query.limit, body.items[2]. */
export function issuePath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

/** What was expected, in words, when zod says so; the message alone otherwise. */
function expectedOf(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `${issue.origin === 'string' ? 'length ' : ''}at least ${String(issue.minimum)}`;
    case 'too_big':
      return `${issue.origin === 'string' ? 'length ' : ''}at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return 'no other fields';
    case 'invalid_format':
      return issue.format;
    default:
      return undefined;
  }
}

/**
 * Zod's issues as API issues. Messages are zod's own and quote no input values, so they carry nothing the caller
 * did not send; unknown keys are named because the caller sent them.
 */
export function apiIssues(root: string, error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => {
    const expected = expectedOf(issue);
    const keys = issue.code === 'unrecognized_keys' ? `: ${issue.keys.join(', ')}` : '';
    return {
      path: issuePath(root, issue.path),
      message: `${issue.message}${keys}`,
      ...(expected ? { expected } : {}),
    };
  });
}
