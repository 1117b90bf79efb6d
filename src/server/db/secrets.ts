/** Random secrets and the one-way hash under which the store keeps them. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): unguessable, safe in cookies, URLs and headers. */
export function randomSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * SHA-256 (hex) of a secret. A plain hash suffices (no salt, no KDF): the secrets are 256 random bits, so there
 * is nothing to guess, and lookups by hash stay a single indexed query.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newId(): string {
  return randomUUID();
}
