import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioCodec } from '../../../src/adapters/server/scenario-codec.js';
import { buildServer, type ParleyServer } from '../../../src/server/http/build-server.js';
import { WEB_APP_CSP } from '../../../src/server/http/web-app.js';
import { useTempDirs } from '../../support/temp-dir.js';
import { useTestDatabase } from '../../support/test-stores.js';

/** A stand-in for `dist/web`: the page, a hashed asset and a plain file, as Vite lays them out. */
function fakeBuild(dir: string): void {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
}

describe('the web app served by parley serve', () => {
  const tempDir = useTempDirs('parley-web-app-');
  const database = useTestDatabase('sqlite');
  let withApp: ParleyServer;
  let apiOnly: ParleyServer;

  beforeAll(async () => {
    const root = tempDir();
    fakeBuild(root);
    const store = await database.open();
    const common = { store, scenarios: scenarioCodec, jobs: { threads: 1 } };
    withApp = await buildServer({ ...common, webRoot: root });
    apiOnly = await buildServer(common);
    return async () => {
      await withApp.close();
      await apiOnly.close();
    };
  });

  it('answers / and every deep link of the app with its page, never cached, under a strict CSP', async () => {
    for (const url of ['/', '/sign-in', '/w/some-id/builder?package=december', '/w/x/preferences/ukraine']) {
      const reply = await withApp.app.inject({ method: 'GET', url });
      expect(reply.statusCode, url).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.headers['content-security-policy']).toBe(WEB_APP_CSP);
      expect(reply.body).toContain('<div id="root">');
    }
  });

  it('forbids inline scripts and other origins', () => {
    const script = /script-src ([^;]*)/.exec(WEB_APP_CSP)?.[1];
    expect(script).toBe("'self'");
    expect(WEB_APP_CSP).toMatch(/default-src 'self'/);
    expect(WEB_APP_CSP).not.toMatch(/https?:|\*/);
  });

  it('lets browsers keep hashed assets for a year, other files for an hour', async () => {
    const asset = await withApp.app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const icon = await withApp.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('keeps API paths as the API: JSON 404 for an unknown route, health and the OpenAPI document as before', async () => {
    for (const url of ['/api/nope', '/api', '/api/workspaces/x/nope']) {
      const reply = await withApp.app.inject({ method: 'GET', url });
      expect(reply.statusCode, url).toBe(404);
      expect(reply.json().error.code).toBe('no-route');
    }
    expect((await withApp.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const openapi = await withApp.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(openapi.json().openapi).toBe('3.1.0');
    // The app's page is not an API route.
    expect(Object.keys(openapi.json().paths)).not.toContain('/{*}');
  });

  it('does not serve files outside its folder', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json']) {
      const reply = await withApp.app.inject({ method: 'GET', url });
      expect(reply.body, url).not.toContain('"name": "parley"');
    }
  });

  it('without a build, serves the API only: / is a JSON 404', async () => {
    const reply = await apiOnly.app.inject({ method: 'GET', url: '/' });
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error.code).toBe('no-route');
  });
});
