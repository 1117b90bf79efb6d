/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHHELD } from '../../web/src/screens/analysis/disclosure.js';
import { checkView } from './support/check-view.js';
import {
  DEMO_ACCOUNTS,
  hasChromium,
  launchBrowser,
  openPage,
  type RunningServer,
  signIn,
  startParleyServer,
} from './support/index.js';

/**
 * The analysis dashboard in a real chromium against a real `parley serve --demo`: the mediator reads the
 * flagship's empty zone, its two conflicts and the relaxation; a click on a frontier line (used car) opens that
 * outcome in the builder; Russia's delegate sees only what is disclosed, with the rest marked withheld.
 */
if (!hasChromium) console.warn('web analysis tests skipped: /usr/bin/chromium is missing');

const account = (login: string) => DEMO_ACCOUNTS.find((a) => a.login === login)!;
const ANALYSIS_TIMEOUT = 240_000;

async function openAnalysis(page: Page, workspaceName: RegExp): Promise<string> {
  await page.getByRole('link', { name: workspaceName }).first().click();
  await page.waitForURL(/\/w\/[^/]+$/);
  const workspace = new URL(page.url()).pathname;
  await page.goto(`${workspace}/analysis`);
  await page.getByRole('heading', { level: 2, name: 'Summary' }).waitFor({ timeout: ANALYSIS_TIMEOUT });
  return workspace;
}

describe.skipIf(!hasChromium)('analysis dashboard', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startParleyServer(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'shows the mediator the flagship’s empty zone, the two conflicts and the relaxation that opens it',
    async () => {
      const watched = await openPage(browser, server.url);
      const { page } = watched;
      await signIn(page, 'mediator', account('mediator').password);
      await openAnalysis(page, /Russia–Ukraine peace talks/);
      const summary = page.locator('section.dashboard-summary');
      expect(await summary.textContent()).toContain(
        'No deal: no outcome meets every signatory’s red lines and BATNA.',
      );
      await expect.poll(() => summary.locator('ol.conflicts > li').count()).toBe(2);
      expect(await summary.textContent()).toContain(
        'Smallest relaxation: drop Russian Federation: donbas-withdrawal',
      );
      const solutions = page.getByRole('heading', { name: 'Bargaining solutions' });
      expect(await solutions.isVisible()).toBe(true);
      expect(await page.getByText(/these are the solutions of the smallest relaxation/).count()).toBe(1);
      // Four signatories: parallel coordinates, the projection matrix and a chosen pair, each a labelled image.
      const charts = page.locator('.live-chart[role="img"]');
      await expect.poll(() => charts.count()).toBe(3);
      expect(await charts.nth(1).getAttribute('aria-label')).toMatch(/projection/i);
      await checkView(watched, 'analysis-mediator');
      await watched.context.close();
    },
    ANALYSIS_TIMEOUT + 60_000,
  );

  it(
    'opens the outcome of a clicked frontier line in the builder (used car, three parties)',
    async () => {
      const watched = await openPage(browser, server.url);
      const { page } = watched;
      await signIn(page, 'mediator', account('mediator').password);
      const workspace = await openAnalysis(page, /used car/i);
      const links = page.getByRole('link', { name: /^Open #\d+$/ });
      await links.first().waitFor();
      const hrefs = new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
      await page
        .getByRole('button', { name: /^Show all/ })
        .click()
        .catch(() => undefined);
      const all = new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
      for (const h of hrefs) all.add(h);
      // The frontier lines of the parallel chart: grey strokes; click along them until one opens the builder.
      const chart = page.locator('.live-chart').first();
      await chart.scrollIntoViewIfNeeded();
      // Brushing: drag along Sam's axis over its upper half; the table keeps only the outcomes selected.
      const axis = await chart.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const name = [...element.querySelectorAll('text')].find((t) => t.textContent === 'Sam');
        const label = [...element.querySelectorAll('text')].filter((t) => t.textContent === '100');
        const top = label.map((t) => t.getBoundingClientRect()).sort((a, b) => a.top - b.top)[0];
        const at = name?.getBoundingClientRect();
        return at && top
          ? { x: at.left + at.width / 2 - box.left, y: top.top + top.height / 2 - box.top }
          : undefined;
      });
      expect(axis).toBeDefined();
      const box = (await chart.boundingBox())!;
      await page.mouse.move(box.x + axis!.x, box.y + axis!.y + 10);
      await page.mouse.down();
      await page.mouse.move(box.x + axis!.x, box.y + axis!.y + 90, { steps: 8 });
      await page.mouse.up();
      const status = page.getByText(/selected by brushing \(of \d+\)/);
      await status.waitFor({ timeout: 10_000 });
      const [shown, total] = (
        (await status.textContent())?.match(/Showing \d+ of (\d+) selected by brushing \(of (\d+)\)/) ?? []
      )
        .slice(1)
        .map(Number);
      expect(shown).toBeLessThan(total);
      await page.getByRole('button', { name: 'Clear the selection' }).click();
      // A fresh page (the cached result) for clicking: brushing leaves unselected lines dimmed.
      await page.reload();
      await chart.waitFor({ timeout: ANALYSIS_TIMEOUT });
      await chart.scrollIntoViewIfNeeded();
      const points = await chart.evaluate((element) =>
        [...element.querySelectorAll('path')]
          .filter((p) => p.getAttribute('stroke') === '#4d4d4d')
          .slice(0, 30)
          .map((p) => {
            const at = p.getPointAtLength(p.getTotalLength() * 0.25);
            const box = element.getBoundingClientRect();
            const matrix = p.getScreenCTM();
            const point = matrix ? new DOMPoint(at.x, at.y).matrixTransform(matrix) : at;
            return { x: point.x - box.left, y: point.y - box.top };
          }),
      );
      expect(points.length).toBeGreaterThan(0);
      // Hovering a frontier line shows its outcome by option labels.
      await chart.hover({ position: points[0] });
      await expect.poll(() => chart.locator('div').last().textContent()).toMatch(/Warranty: /);
      for (const point of points) {
        await chart.click({ position: point });
        if (page.url().includes('/builder')) break;
      }
      const url = new URL(page.url());
      expect(url.pathname).toBe(`${workspace}/builder`);
      expect(all).toContain(`${url.pathname}${url.search}`);
      expect(watched.problems, 'console errors').toEqual([]);
      await watched.context.close();
    },
    ANALYSIS_TIMEOUT + 60_000,
  );

  it(
    'shows Russia’s delegate only what is disclosed, and says what is withheld',
    async () => {
      const watched = await openPage(browser, server.url);
      const { page } = watched;
      await signIn(page, 'russia', account('russia').password);
      await openAnalysis(page, /Russia–Ukraine peace talks/);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('No deal');
      expect(text).toContain(WITHHELD);
      expect(await page.locator('.live-chart').count()).toBe(0);
      for (const secret of ['No unilateral Ukrainian withdrawal', 'no-recognition-of-annexation', 'Kalai']) {
        expect(text, secret).not.toContain(secret);
      }
      await checkView(watched, 'analysis-delegate');
      await watched.context.close();
    },
    ANALYSIS_TIMEOUT + 60_000,
  );
});
