import { closestId } from '../../../core/model/closest-id.js';
import { normaliseLogin } from '../../../server/auth/login-name.js';
import { hashPassword, passwordProblem } from '../../../server/auth/password.js';
import type { User } from '../../../server/db/store.js';
import { usageError } from '../load.js';
import { withCliStore } from '../open-cli-store.js';
import { EXIT_OK, type Io, json, table } from '../output.js';
import { canPrompt, promptPasswords, readPasswordFromStdin } from '../read-password.js';
import type { StoreFlags } from '../store-location.js';

export interface UsersAddOptions extends StoreFlags {
  name?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

async function readNewPassword(options: UsersAddOptions, io: Io): Promise<string> {
  if (options.passwordStdin) return readPasswordFromStdin();
  if (!canPrompt()) {
    return usageError(
      io,
      'no password given',
      'run in a terminal to be prompted, or pipe it in with --password-stdin:\n  printf %s "$PASSWORD" | parley users add LOGIN --password-stdin',
    );
  }
  const answers = await promptPasswords(['Password: ', 'Password again: ']);
  if (answers === undefined) return usageError(io, 'cancelled; nothing was changed');
  const [first, again] = answers;
  if (again !== first) return usageError(io, 'the two passwords differ; nothing was changed');
  return first;
}

function userJson(user: User) {
  return {
    login: user.login,
    displayName: user.displayName,
    disabled: user.disabled,
    createdAt: user.createdAt,
  };
}

export async function usersAddCommand(rawLogin: string, options: UsersAddOptions, io: Io): Promise<number> {
  const login = normaliseLogin(rawLogin);
  if (!login.ok) return usageError(io, `invalid login "${rawLogin}": expected ${login.expected}`);
  const displayName = options.name?.trim() || login.login;
  const password = await readNewPassword(options, io);
  const problem = passwordProblem(password);
  if (problem) return usageError(io, `password refused: expected ${problem}`);
  const passwordHash = await hashPassword(password);
  return withCliStore(options, io, async (store) => {
    const created = await store.users.create({ login: login.login, displayName, passwordHash });
    if (!created.ok) return usageError(io, `the login "${login.login}" is taken`);
    if (options.json) io.out(json(userJson(created.user)));
    else io.out(`added user ${created.user.login} (${created.user.displayName})\n`);
    return EXIT_OK;
  });
}

export async function usersListCommand(options: StoreFlags & { json?: boolean }, io: Io): Promise<number> {
  return withCliStore(options, io, async (store) => {
    const users = await store.users.list();
    if (options.json) {
      io.out(json(users.map(userJson)));
      return EXIT_OK;
    }
    if (users.length === 0) {
      io.out('no users yet (add one with: parley users add LOGIN)\n');
      return EXIT_OK;
    }
    io.out(
      table(
        ['login', 'name', 'status', 'created'],
        users.map((u) => [
          u.login,
          u.displayName,
          u.disabled ? 'disabled' : 'active',
          u.createdAt.slice(0, 10),
        ]),
        io,
      ),
    );
    return EXIT_OK;
  });
}

/** Disables (or, with `enable`, re-enables) a user; disabling ends the user's sessions at once. */
export async function usersSetDisabledCommand(
  rawLogin: string,
  disabled: boolean,
  options: StoreFlags & { json?: boolean },
  io: Io,
): Promise<number> {
  const login = rawLogin.trim().toLowerCase();
  return withCliStore(options, io, async (store) => {
    const user = await store.users.findByLogin(login);
    if (!user) {
      const suggestion = closestId(
        login,
        (await store.users.list()).map((u) => u.login),
      );
      return usageError(
        io,
        `no user "${rawLogin}"`,
        suggestion ? `did you mean "${suggestion}"?` : 'list users with: parley users list',
      );
    }
    await store.users.setDisabled(user.id, disabled);
    const updated = { ...user, disabled };
    if (options.json) io.out(json(userJson(updated)));
    else
      io.out(
        `${disabled ? 'disabled' : 'enabled'} user ${user.login}${disabled ? ' (sessions ended)' : ''}\n`,
      );
    return EXIT_OK;
  });
}
