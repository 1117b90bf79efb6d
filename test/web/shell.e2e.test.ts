/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkView } from './support/check-view.js';
import {
  DEMO_ACCOUNTS,
  hasChromium,
  launchBrowser,
  openPage,
  type RunningServer,
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
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Clicks a download link and returns what the browser saved, as text. */
async function download(page: Page, name: string | RegExp): Promise<{ file: string; text: string }> {
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  const path = await saved.path();
  return { file: saved.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

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

  /** As checkView, for a view reached through an expected failed request (the browser logs its status). */
  async function checkViewAllowing401(watched: WatchedPage, name: string) {
    const problems = watched.problems.splice(0);
    watched.problems.push(...problems.filter((p) => !/status of 4\d\d/.test(p)));
    await checkView(watched, name);
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
    await page.getByLabel('Login').waitFor();
    // The keyboard: Tab goes to the skip link, the home link, then the fields, each with a visible outline.
    const focused = async () => {
      await page.keyboard.press('Tab');
      return page.evaluate(() => {
        const element = document.activeElement!;
        return `${element.getAttribute('name') ?? element.textContent} ${getComputedStyle(element).outlineStyle}`;
      });
    };
    expect([await focused(), await focused(), await focused(), await focused()]).toEqual([
      'Skip to content solid',
      'Parley solid',
      'login solid',
      'password solid',
    ]);
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

  it("passes on the server's rate limit after repeated failures (429)", async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await page.goto('/sign-in');
    const alert = page.getByRole('alert');
    // The server allows five failures per login in its window; the sixth attempt is refused before checking.
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByLabel('Login').fill('no-such-login');
      await page.getByLabel('Password').fill(`wrong password ${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':not([disabled])')).waitFor();
    }
    await expect.poll(() => alert.textContent()).toMatch(/too many failed sign-ins; try again in \d+ s/);
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

  it('imports a scenario file, showing a broken one by line and column first', async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await signIn(page, 'mediator', account('mediator').password);
    await page.goto('/import');
    const scenarioFile = page.getByLabel('Scenario file (YAML or JSON)');
    const broken = 'parley: 1\nid: broken\ntitle: Broken\nparties: 3\n';
    await scenarioFile.setInputFiles({
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(broken),
    });
    await page.getByRole('button', { name: 'Create workspace' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('broken.yaml was not imported');
    expect(await alert.textContent()).toMatch(/line 4, column \d+: .*parties/);
    await checkViewAllowing401(watched, 'import-error');

    await scenarioFile.setInputFiles(join(repoRoot, 'scenarios', 'teaching-used-car.yaml'));
    await page.getByLabel('Workspace name (optional)').fill('Imported used car');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imported used car' }).waitFor();
    expect(await page.getByRole('table').getByRole('rowheader').count()).toBeGreaterThanOrEqual(2);
    await watched.context.close();
  });

  it('imports a GENIUS domain with its profiles', async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await signIn(page, 'mediator', account('mediator').password);
    await page.goto('/import');
    const dir = join(repoRoot, 'examples', 'domains', 'genius-lunch');
    await page
      .getByLabel('Domain and profile files')
      .setInputFiles(readdirSync(dir).map((f) => join(dir, f)));
    await page.getByRole('button', { name: 'Import domain' }).click();
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toContain('from genius files');
    await checkView(watched, 'import-domain');
    await status.getByRole('link', { name: 'Open the workspace' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const parties = await page.getByRole('table').getByRole('rowheader').allTextContents();
    expect(parties.length).toBe(2);
    await watched.context.close();
  });

  it('downloads the scenario and the report as the role may see them', async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await signIn(page, 'russia', account('russia').password);
    await page.getByRole('link', { name: /Russia–Ukraine peace talks/ }).click();
    await page.getByText('Your role: delegate of russia').waitFor();
    const exported = await download(page, 'Scenario (YAML)');
    expect(exported.file).toBe('ukraine-2025.yaml');
    expect(exported.text).toMatch(/^parley: 1$/m);
    // Russia's own preferences are in its view; Ukraine's are not.
    const preferences = (parse(exported.text) as { preferences: Array<{ party: string }> }).preferences;
    expect(preferences.map((p) => p.party)).toEqual(['russia']);
    await watched.context.close();

    const mediator = await openPage(browser, server.url);
    await signIn(mediator.page, 'mediator', account('mediator').password);
    await mediator.page.getByRole('link', { name: 'Buying a used car (teaching example)' }).click();
    await mediator.page.getByRole('button', { name: 'Prepare the report (HTML)' }).click();
    const link = mediator.page.getByRole('link', { name: 'Download the report (HTML)' });
    await link.waitFor({ timeout: 120_000 });
    const report = await download(mediator.page, 'Download the report (HTML)');
    expect(report.file).toMatch(/-report\.html$/);
    expect(report.text).toMatch(/^<!doctype html>/i);
    expect(report.text).toContain('Buying a used car');
    expect(mediator.problems).toEqual([]);
    await mediator.context.close();
  }, 180_000);
});
