import { once } from 'node:events';
import { resolve } from 'node:path';
import { buildServer } from '../../../server/http/build-server.js';
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
}

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
  const store = await openCliStore(options, io);
  const dataDir = resolve(storeOptionsFromFlags(options).dataDir);
  const server = await buildServer({
    scenarios: scenarioCodec,
    store,
    secureCookies: options.secureCookies === true,
    logger: options.log === true,
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
  if (options.json) io.out(json({ url, database: store.dialect, schemaVersion: store.schemaVersion }));
  else {
    io.out(`Parley server at ${url} (${database}, schema version ${store.schemaVersion})\n`);
    io.out(`API description: ${url}/openapi.json · stop with Ctrl-C\n`);
  }
  const signal = await stopRequested(stop);
  if (!options.json) io.err(`parley: ${signal === 'abort' ? 'stopping' : `${signal}: stopping`}…\n`);
  await server.close();
  await store.close();
  return EXIT_OK;
}
