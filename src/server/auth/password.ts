/**
 * Password hashing with argon2id (memory-hard), as PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) that
 * carry their own parameters, so raising the parameters later leaves old hashes verifiable and `needsRehash`
 * says which to upgrade at the next successful login.
 *
 * Parameters: m = 19 MiB, t = 2 passes, p = 1 lane, 16-byte random salt, 32-byte output: the first
 * recommendation of the OWASP Password Storage Cheat Sheet (and RFC 9106's guidance for constrained servers).
 * On a small server one hash costs a few tens of milliseconds, which bounds online guessing together with the
 * login rate limit.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: the package's enum is a const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

export const PASSWORD_PARAMETERS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/** Shortest and longest password accepted (the long bound keeps hashing cost bounded). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `a password of at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `a password of at most ${PASSWORD_MAX_LENGTH} characters`;
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_PARAMETERS);
}

/** False for a wrong password and for a hash that is not a PHC argon2 string (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith('$argon2')) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when the hash was made with other parameters than today's (rehash it after a successful login). */
export function needsRehash(passwordHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[^$]+\$([^$]+)$/.exec(passwordHash);
  if (!match) return true;
  const [, m, t, p, digest] = match;
  return (
    Number(m) !== PASSWORD_PARAMETERS.memoryCost ||
    Number(t) !== PASSWORD_PARAMETERS.timeCost ||
    Number(p) !== PASSWORD_PARAMETERS.parallelism ||
    Math.floor((digest.length * 3) / 4) !== PASSWORD_PARAMETERS.outputLen
  );
}

/**
 * A hash of a random password, verified against when the login is unknown, so that an unknown login costs the
 * same time as a wrong password (no user enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
