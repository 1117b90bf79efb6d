import { once } from 'node:events';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../../server/http/build-server.js';
import { hasWebApp } from '../../../server/http/web-app.js';
import { DEMO_ACCOUNTS, isLoopbackHost, seedDemo } from '../../server/demo-seed.js';
import { domainImporter } from '../../server/domain-importer.js';
import { reportRenderer } from '../../server/report-renderer.js';
import { scenarioCodec } from '../../server/scenario-codec.js';
import { FLAG_BOUNDS } from '../flag-bounds.js';
import { usageError } from '../load.js';
import { integerFlag } from '../numeric-flags.js';
import { openCliStore } from '../open-cli-store.js';
import { EXIT_OK, type Io, json } from '../output.js';
import { storeOptionsFromFlags } from '../store-location.js';

export interface ServeCommandOptions {
  db?: string;
  port?: string;
  host?: string;
  dataDir?: string;
  secureCookies?: boolean;
  log?: boolean;
  json?: boolean;
  demo?: boolean;
}

/** The repository root, four levels up from this file in src/ (tests) and in dist/ (the built CLI) alike. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Where `npm run build` puts the web app. */
export const WEB_APP_DIR = resolve(PACKAGE_ROOT, 'dist', 'web');
const SCENARIO_DIR = resolve(PACKAGE_ROOT, 'scenarios');

/** Resolves on SIGINT or SIGTERM (or when `stop` aborts, for tests running the command in-process). */
function stopRequested(stop: AbortSignal | undefined): Promise<string> {
  if (stop) return once(stop, 'abort').then(() => 'abort');
  return new Promise((done) => {
    const onSignal = (signal: string) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      done(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/**
 * `parley serve`: opens the store where `parley users` finds it (--db, --data-dir, PARLEY_DB, PARLEY_DATA_DIR;
 * by default embedded SQLite in ./parley-data), serves the API until SIGINT or SIGTERM, then stops taking
 * requests, lets running ones finish, cancels jobs and closes the database.
 */
export async function serveCommand(
  options: ServeCommandOptions,
  io: Io,
  stop?: AbortSignal,
): Promise<number> {
  const port = integerFlag(options.port ?? '8080', '--port', FLAG_BOUNDS.serve['--port'], io);
  const host = options.host ?? '127.0.0.1';
  if (options.demo && !isLoopbackHost(host)) {
    usageError(
      io,
      `--demo refuses --host ${host}: the demo accounts' passwords are public`,
      'serve the demo on this machine only (--host 127.0.0.1), or create real accounts with `parley users add`',
    );
  }
  const store = await openCliStore(options, io);
  const seeded = options.demo ? await seedDemo(store, SCENARIO_DIR) : undefined;
  const webRoot = hasWebApp(WEB_APP_DIR) ? WEB_APP_DIR : undefined;
  const dataDir = resolve(storeOptionsFromFlags(options).dataDir);
  const server = await buildServer({
    scenarios: scenarioCodec,
    store,
    secureCookies: options.secureCookies === true,
    logger: options.log === true,
    domains: domainImporter,
    reports: reportRenderer,
    ...(webRoot ? { webRoot } : {}),
  });
  try {
    await server.app.listen({ port, host });
  } catch (error) {
    await server.close();
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      usageError(
        io,
        `cannot listen on ${host}:${port} (${code})`,
        'choose another --port or --host; --port 0 picks a free port',
      );
    }
    throw error;
  }
  const address = server.app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  const database = store.dialect === 'sqlite' ? `SQLite in ${dataDir}` : 'PostgreSQL';
  if (options.json) {
    io.out(
      json({
        url,
        database: store.dialect,
        schemaVersion: store.schemaVersion,
        webApp: webRoot !== undefined,
        ...(seeded ? { demo: { ...seeded, accounts: demoAccountLines() } } : {}),
      }),
    );
  } else {
    io.out(`Parley server at ${url} (${database}, schema version ${store.schemaVersion})\n`);
    io.out(
      webRoot
        ? `Web app: ${url}/\n`
        : 'Web app: not built (dist/web is missing), serving the API only; `npm run build` builds it\n',
    );
    io.out(`API description: ${url}/openapi.json · stop with Ctrl-C\n`);
    if (seeded) io.out(demoBanner(seeded));
  }
  const signal = await stopRequested(stop);
  if (!options.json) io.err(`parley: ${signal === 'abort' ? 'stopping' : `${signal}: stopping`}…\n`);
  await server.close();
  await store.close();
  return EXIT_OK;
}

function demoAccountLines() {
  return DEMO_ACCOUNTS.map((a) => ({
    login: a.login,
    password: a.password,
    role: a.grant.role === 'delegate' ? `delegate of ${a.grant.party}` : a.grant.role,
  }));
}

/** What a person needs to sign in to the demo, and a reminder that these accounts are for this machine only. */
function demoBanner(seeded: { createdUsers: string[]; createdWorkspaces: string[] }): string {
  const created = seeded.createdWorkspaces.length
    ? `Seeded ${seeded.createdWorkspaces.length} workspace(s) from scenarios/ and the demo accounts.`
    : 'Demo accounts and workspaces were already there; nothing was added.';
  const rows = demoAccountLines().map((a) => `  ${a.login.padEnd(9)} ${a.password.padEnd(14)} ${a.role}`);
  return [
    '',
    `Demo (this machine only; the passwords are public). ${created}`,
    'Sign in with:',
    `  ${'login'.padEnd(9)} ${'password'.padEnd(14)} role in the flagship workspace`,
    ...rows,
    '',
  ].join('\n');
}
