/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  DEMO_ACCOUNTS,
  hasChromium,
  horizontalOverflow,
  launchBrowser,
  openPage,
  type RunningServer,
  screenshot,
  signIn,
  startParleyServer,
  type WatchedPage,
} from './support/index.js';

/**
 * The web app's frame in a real chromium against a real `parley serve --demo` (SQLite in a temporary folder):
 * sign-in and sign-out, the workspace list, the flagship overview. Each view is checked at 1400 and 390 px for
 * console errors, horizontal overflow and serious axe-core violations, and screenshotted into test-artifacts/web.
 */
if (!hasChromium)
  console.warn('web app tests skipped: /usr/bin/chromium is missing (apt-get install -y chromium)');

const account = (login: string) => DEMO_ACCOUNTS.find((a) => a.login === login)!;

describe.skipIf(!hasChromium)('web app shell', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startParleyServer(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The checks every view gets, at both widths. */
  async function checkView(watched: WatchedPage, name: string) {
    await screenshot(watched.page, name);
    for (const width of [1400, 390]) {
      await watched.page.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(watched.page), `${name} overflows at ${width} px`).toBe(0);
    }
    await watched.page.setViewportSize({ width: 1400, height: 900 });
    expect(await axeViolations(watched.page), `${name}: axe`).toEqual([]);
    expect(watched.problems, `${name}: console errors`).toEqual([]);
  }

  it('sends a signed-out visitor to sign-in, and back to the page asked for afterwards', async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await page.goto('/import');
    await page.waitForURL(/\/sign-in\?returnTo=%2Fimport/);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    await checkView(watched, 'sign-in');
    await page.getByLabel('Login').fill('mediator');
    await page.getByLabel('Password').fill(account('mediator').password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/import$/);
    await watched.context.close();
  });

  it('says so when the password is wrong, and keeps the visitor signed out', async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await page.goto('/sign-in');
    await page.getByLabel('Login').fill('observer');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('unknown login or wrong password');
    expect(page.url()).toContain('/sign-in');
    // The failed request's 401 is the expected answer, not an app error.
    expect(watched.problems.filter((p) => !p.includes('401'))).toEqual([]);
    await watched.context.close();
  });

  it('shows the mediator the workspaces and the flagship overview: parties, documents, packages', async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await signIn(page, 'mediator', account('mediator').password);
    const flagship = page.getByRole('link', { name: /Russia–Ukraine peace talks/ });
    await flagship.waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Your role: mediator' }).count()).toBe(3);
    await checkView(watched, 'workspaces');

    await flagship.click();
    await page.getByRole('heading', { level: 1, name: /Russia–Ukraine peace talks/ }).waitFor();
    const table = page.getByRole('table');
    for (const party of ['Ukraine', 'Russian Federation', 'United States']) {
      await expect.poll(() => table.getByRole('rowheader', { name: party }).count()).toBe(1);
    }
    await expect.poll(() => table.getByRole('row', { name: /Ukraine .* ukraine/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Documents' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Package builder' }).isVisible()).toBe(true);
    await page.getByText(/#1 · .* mediator created from scenarios\/ukraine-2025.yaml/).waitFor();
    await checkView(watched, 'overview');
    await watched.context.close();
  });

  it('signs out: the session ends and workspace pages ask for sign-in again', async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await signIn(page, 'observer', account('observer').password);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session).toEqual({ user: null, csrfToken: null });
    await watched.context.close();
  });
});
