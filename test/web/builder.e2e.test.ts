/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
} from './support/index.js';

/**
 * The package builder in a real chromium against a real `parley serve --demo`: the mediator builds the December
 * package and sees Russia reject it, switches Russia's red lines off as a hypothesis (marked, not saved) and the
 * verdict changes, asks for the nearest acceptable package and loads it. Russia's delegate sees its own row
 * only: none of Ukraine's private values reach its page or its network answers.
 */
if (!hasChromium) console.warn('builder e2e skipped: /usr/bin/chromium is missing');

const account = (login: string) => DEMO_ACCOUNTS.find((a) => a.login === login)!;

interface PreferencesFile {
  preferences: Array<{ party: string; redLines: Array<{ id: string; description: string }> }>;
}
const flagship = parse(readFileSync('scenarios/ukraine-2025.yaml', 'utf8')) as PreferencesFile;
const ukraine = flagship.preferences.find((p) => p.party === 'ukraine')!;

async function openBuilder(page: Page, query: string): Promise<string> {
  const list = await page.evaluate(async () => (await fetch('/api/workspaces')).json());
  const workspace = (list.workspaces as Array<{ id: string; name: string }>).find((w) =>
    w.name.includes('Ukraine'),
  )!.id;
  await page.goto(`/w/${workspace}/builder${query}`);
  await page.getByRole('heading', { level: 1, name: 'Package builder' }).waitFor();
  return workspace;
}

const verdictOf = (page: Page) => page.locator('.builder-verdict').getAttribute('data-verdict');

describe.skipIf(!hasChromium)('package builder', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startParleyServer(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('builds the December package, Russia rejects; a what-if changes the verdict; the nearest package loads', async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await signIn(page, 'mediator', account('mediator').password);
    await openBuilder(page, '');
    await page.getByLabel('Start from', { exact: true }).selectOption('package:december');
    await page.waitForURL(/package=december/);
    const russia = page.locator('[data-party="russia"]').first();
    await expect.poll(() => russia.locator('.badge').first().textContent()).toBe('rejects');
    await expect.poll(() => verdictOf(page)).toBe('no');
    expect(await russia.textContent()).toContain('Red line crossed');
    await screenshot(page, 'builder-december');

    // What-if: Russia's three red lines off. Marked as a hypothesis; the verdict is no longer "no".
    for (const line of ['crimea-non-negotiable', 'no-western-troops', 'donbas-withdrawal']) {
      await page.locator(`[data-redline="russia:${line}"]`).uncheck();
    }
    await page.getByText('Hypothesis — not saved').waitFor();
    await page.getByRole('heading', { name: 'Who would accept (hypothesis)' }).waitFor();
    await expect.poll(() => verdictOf(page)).not.toBe('no');

    await page.getByRole('button', { name: 'Find the nearest acceptable package' }).click();
    const fewest = page.locator('[data-candidate="fewestChanges"]');
    await fewest.waitFor({ timeout: 120_000 });
    await fewest.getByRole('button', { name: 'Load into the builder' }).click();
    await page.waitForURL(/outcome=/);
    expect(page.url()).not.toContain('package=');
    await page.locator('.builder-loaded').waitFor();
    expect(await page.locator('.builder-loaded').textContent()).toMatch(
      /Loaded Nearest acceptable: fewest changes/,
    );
    await expect.poll(() => verdictOf(page)).toBe('yes');
    await screenshot(page, 'builder-nearest');
    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(page), `builder overflows at ${width} px`).toBe(0);
    }
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('heading', { name: 'Who would accept', exact: true }).waitFor();
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  }, 240_000);

  it("shows Russia's delegate its own row only, and none of Ukraine's private values anywhere", async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    const bodies: string[] = [];
    page.on('response', async (response) => {
      if (response.url().includes('/api/')) bodies.push(await response.text().catch(() => ''));
    });
    await signIn(page, 'russia', account('russia').password);
    await openBuilder(page, '?package=december');
    await page.locator('[data-party="russia"]').first().waitFor();
    expect(await page.locator('.builder-party').count()).toBe(1);
    expect(await verdictOf(page)).toBe('withheld');
    await page.locator('[data-redline="russia:donbas-withdrawal"]').uncheck();
    await page.getByText('Hypothesis — not saved').waitFor();
    await screenshot(page, 'builder-delegate');
    const seen = [await page.content(), ...bodies, await page.evaluate(() => JSON.stringify(localStorage))];
    for (const line of ukraine.redLines) {
      for (const text of seen) {
        expect(text).not.toContain(line.id);
        expect(text).not.toContain(line.description);
      }
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  }, 120_000);
});
