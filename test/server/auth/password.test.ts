import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  needsRehash,
  PASSWORD_PARAMETERS,
  passwordProblem,
  verifyPassword,
} from '../../../src/server/auth/password.js';

describe('argon2id passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await verifyPassword('$argon2id$broken', 'x')).toBe(false);
  });

  it('asks for a rehash when the parameters differ from today’s', async () => {
    expect(needsRehash(await hashPassword('correct horse battery'))).toBe(false);
    const weaker = await hash('correct horse battery', { ...PASSWORD_PARAMETERS, memoryCost: 4096 });
    expect(needsRehash(weaker)).toBe(true);
    expect(await verifyPassword(weaker, 'correct horse battery')).toBe(true);
    expect(needsRehash('$2b$10$bcrypthashfromsomewhereelse')).toBe(true);
  });

  it('states the length bounds', () => {
    expect(passwordProblem('123456789')).toBe('a password of at least 10 characters');
    expect(passwordProblem('1234567890')).toBeUndefined();
    expect(passwordProblem('x'.repeat(1025))).toBe('a password of at most 1024 characters');
  });
});
