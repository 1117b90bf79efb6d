/** Login names: lower case letters, digits, '.', '_', '-', starting with a letter or digit, 1–64 characters. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The login as stored (trimmed, lower case), or a problem description when it is not a valid login. */
export function normaliseLogin(raw: string): { ok: true; login: string } | { ok: false; expected: string } {
  const login = raw.trim().toLowerCase();
  return LOGIN_PATTERN.test(login)
    ? { ok: true, login }
    : {
        ok: false,
        expected: "a login of 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit",
      };
}
