import { z } from 'zod';

/** One problem with a request: where (a field path, and for scenario text a line and column) and what was expected. */
export const ApiIssue = z
  .object({
    path: z
      .string()
      .describe("Field path, e.g. 'body.preferences.weights.security'; '' for the whole value."),
    message: z.string(),
    expected: z.string().optional(),
    suggestion: z.string().optional(),
    line: z.number().int().optional().describe('1-based line in submitted scenario text.'),
    column: z.number().int().optional().describe('1-based column in submitted scenario text.'),
    severity: z.enum(['error', 'warning']).optional(),
  })
  .meta({ id: 'ApiIssue' });

/**
 * The one error shape of every route: a stable machine code, a sentence for people, and the problems found.
 * It never carries a stack trace or another party's data.
 */
export const ApiError = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe("Stable machine code, e.g. 'invalid-request', 'not-found', 'stale-revision'."),
      message: z.string(),
      issues: z.array(ApiIssue).optional(),
      currentRevision: z
        .number()
        .int()
        .optional()
        .describe('On 412: the revision the write must name in If-Match.'),
    }),
  })
  .meta({ id: 'ApiError' });

export type ApiIssue = z.infer<typeof ApiIssue>;
export type ApiError = z.infer<typeof ApiError>;
