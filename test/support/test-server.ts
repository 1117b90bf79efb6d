import { afterAll, beforeAll } from 'vitest';
import { scenarioCodec } from '../../src/adapters/server/scenario-codec.js';
import { hashPassword } from '../../src/server/auth/password.js';
import type { Store, StoreDialect } from '../../src/server/db/store.js';
import {
  type BuildServerOptions,
  buildServer,
  type ParleyServer,
} from '../../src/server/http/build-server.js';
import { uniqueLogin, useTestDatabase } from './test-stores.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
  json: any;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the body as this raw text instead of JSON. */
  raw?: string;
}

/** A caller of the API through Fastify's inject: keeps its session cookie and CSRF token, or a Bearer token. */
export class TestClient {
  cookie?: string;
  csrf?: string;
  bearer?: string;

  constructor(
    readonly server: ParleyServer,
    readonly login?: string,
  ) {}

  async request(method: string, url: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] ??= this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await this.server.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      json = undefined;
    }
    return { status: response.statusCode, headers: response.headers, body: response.body, json };
  }

  /** Signs in with the test password; keeps the cookie and the CSRF token. */
  async signIn(password = TEST_PASSWORD): Promise<Reply> {
    const reply = await this.request('POST', '/api/session', { body: { login: this.login, password } });
    const setCookie = reply.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (reply.status === 200 && typeof first === 'string') {
      this.cookie = first.split(';')[0];
      this.csrf = reply.json.csrfToken;
    }
    return reply;
  }
}

export interface TestServer {
  store: Store;
  server: ParleyServer;
  /** A new user with the test password, signed in. */
  user(prefix?: string): Promise<TestClient>;
  anonymous(): TestClient;
}

/** A server on a fresh database of the dialect, built before the file's tests and closed after them. */
export function useTestServer(
  dialect: StoreDialect,
  options: Partial<BuildServerOptions> = {},
): () => TestServer {
  const database = useTestDatabase(dialect);
  let state: TestServer | undefined;
  let passwordHash: Promise<string> | undefined;
  beforeAll(async () => {
    const store = await database.open();
    const server = await buildServer({ store, scenarios: scenarioCodec, jobs: { threads: 1 }, ...options });
    state = {
      store,
      server,
      async user(prefix = 'user') {
        passwordHash ??= hashPassword(TEST_PASSWORD);
        const login = uniqueLogin(prefix);
        const created = await store.users.create({
          login,
          displayName: prefix,
          passwordHash: await passwordHash,
        });
        if (!created.ok) throw new Error(created.reason);
        const client = new TestClient(server, login);
        const reply = await client.signIn();
        if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.body}`);
        return client;
      },
      anonymous: () => new TestClient(server),
    };
  });
  afterAll(async () => {
    await state?.server.close();
  });
  return () => {
    if (!state) throw new Error('the test server starts in beforeAll');
    return state;
  };
}
