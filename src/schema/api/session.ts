import { z } from 'zod';

export const LoginBody = z
  .strictObject({
    login: z.string().min(1).max(200),
    password: z.string().min(1).max(1000),
  })
  .meta({ id: 'LoginBody' });

export const SessionUser = z.object({ id: z.string(), login: z.string(), name: z.string().optional() });

/** Who is signed in, and the token every unsafe cookie-authenticated request sends in `X-CSRF-Token`. */
export const SessionState = z
  .object({
    user: SessionUser.nullable(),
    csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on POST, PUT, PATCH and DELETE.'),
  })
  .meta({ id: 'SessionState' });

export const CreateTokenBody = z
  .strictObject({ name: z.string().min(1).max(100) })
  .meta({ id: 'CreateTokenBody' });

export const CreatedToken = z
  .object({
    id: z.string(),
    name: z.string(),
    token: z.string().describe('Shown once; send as `Authorization: Bearer <token>`.'),
  })
  .meta({ id: 'CreatedToken' });

export type LoginBody = z.infer<typeof LoginBody>;
export type SessionState = z.infer<typeof SessionState>;
