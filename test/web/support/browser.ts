/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Debian's chromium; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The two widths every main view is looked at: a desktop and a phone. */
export const WIDTHS = [1400, 390] as const;
export const ARTIFACTS = join(repoRoot, 'test-artifacts', 'web');

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A page that records console errors and uncaught exceptions (`problems`), at a width. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  problems: string[];
  /** Requests to any origin but the server's: the app must work offline (no CDN, no web fonts). */
  foreignRequests: string[];
}

/** A fresh context (own cookies and storage) with one page, every console error and page error recorded. */
export async function openPage(browser: Browser, baseURL: string, width = 1400): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const origin = new URL(baseURL).origin;
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreignRequests.push(url);
  });
  return { context, page, problems, foreignRequests };
}

/** Signs in through the sign-in screen and waits for the workspace list (or `returnTo`). */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Screenshots the page at each of `WIDTHS` into test-artifacts/web/<name>-<width>.png (git-ignored), then
 * restores the width it had.
 */
export async function screenshot(page: Page, name: string): Promise<string[]> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const before = page.viewportSize() ?? { width: 1400, height: 900 };
  const files: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const file = join(ARTIFACTS, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  await page.setViewportSize(before);
  return files;
}

/** How much wider than the window the page is, in CSS pixels (0 when it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
