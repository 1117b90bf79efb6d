import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Only this origin's scripts, styles, images and connections; nothing inline for scripts, no frames, no
 * third-party origin. Inline style attributes stay allowed because chart libraries set them on SVG elements.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths that belong to the API: an unknown one stays a JSON 404, never the app's page. */
const API_PATHS = /^\/(?:api(?:\/|$)|health$|openapi\.json$)/;

/** Vite names built files by content hash under /assets/: they never change, so browsers may keep them. */
const HASHED_ASSET = /^assets\//;

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

/** Whether a built web app is present in `root` (its `index.html`). */
export function hasWebApp(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

/**
 * Serves the built web app from `root`: its files as they are, and `index.html` for every other GET that is not
 * an API path, so the app's own router handles deep links (the SPA fallback). The file list is read once at
 * start: the build is immutable while the server runs.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  const files = new Set(filesUnder(root));
  const indexHtml = readFileSync(join(root, 'index.html'));
  await app.register(fastifyStatic, { root, serve: false });

  const sendIndex = (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-store')
      .header('content-security-policy', WEB_APP_CSP)
      .type('text/html; charset=utf-8')
      .send(indexHtml);

  app.get('/*', (request, reply) => {
    const path = safeDecode(request.url.split('?')[0]);
    if (API_PATHS.test(path)) return reply.callNotFound();
    const file = path.replace(/^\/+/, '');
    if (file === '' || file === 'index.html' || !files.has(file)) return sendIndex(reply);
    reply.header('content-security-policy', WEB_APP_CSP);
    return HASHED_ASSET.test(file)
      ? reply.sendFile(file, { immutable: true, maxAge: 365 * 24 * 3600 * 1000, cacheControl: true })
      : reply.sendFile(file, { maxAge: 3600 * 1000, cacheControl: true });
  });
}
