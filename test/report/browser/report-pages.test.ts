/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

/**
 * The HTML reports in a real headless chromium at a desktop and a phone width: no console errors, no
 * horizontal overflow of the page, an accessible name on every chart, and no serious or critical axe-core
 * violations. Screenshots go to test-artefacts/ (git-ignored) for a person to look at.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WIDTHS = [1400, 390];
const ARTEFACTS = join(repoRoot, 'test-artefacts', 'report');

/** Each page and the command that writes it (the output file is appended). */
const REPORTS = [
  { name: 'ukraine', args: ['report', 'scenarios/ukraine-2025.yaml', '--package', 'december', '-o'] },
  { name: 'used-car', args: ['report', 'scenarios/teaching-used-car.yaml', '--parties', 'dealer,sam', '-o'] },
  { name: 'river', args: ['report', 'scenarios/river-water-sharing.yaml', '-o'] },
  {
    name: 'diff',
    args: ['diff', 'scenarios/ukraine-2025.yaml', '--packages', 'european-counter', 'december', '--html'],
  },
  { name: 'timeline', args: ['timeline', 'scenarios/ukraine-2025.yaml', '--html'] },
];

/**
 * Runs in the page: every visible chart text's rendered font size (its font size times the SVG's scale), and
 * the pairs of visible texts in one chart whose rendered boxes overlap (by more than a pixel each way).
 */
function chartTextProblems() {
  const small: string[] = [];
  const overlaps: string[] = [];
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.classList.contains('bar') || svg.getClientRects().length === 0) continue;
    const rect = svg.getBoundingClientRect();
    const viewWidth = svg.viewBox.baseVal?.width || rect.width;
    const scale = rect.width / viewWidth;
    const name = svg.querySelector('title')?.textContent ?? '';
    const boxes: Array<{ text: string; box: DOMRect }> = [];
    for (const text of svg.querySelectorAll('text')) {
      const content = text.textContent?.trim() ?? '';
      if (content === '' || text.getClientRects().length === 0) continue;
      const size = Number.parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < 11.95) small.push(`${name}: "${content}" at ${size.toFixed(1)} px`);
      boxes.push({ text: content, box: text.getBoundingClientRect() });
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].box, boxes[j].box];
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 1 && dy > 1) overlaps.push(`${name}: "${boxes[i].text}" × "${boxes[j].text}"`);
      }
  }
  return { small, overlaps };
}

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`report browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}

describe.skipIf(!hasChromium)('HTML reports in headless chromium', () => {
  const tempDir = useTempDirs('parley-report-browser-');
  const pages = new Map<string, string>();
  let browser: Browser;
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    const dir = tempDir();
    for (const report of REPORTS) {
      const file = join(dir, `${report.name}.html`);
      const run = await runCli([...report.args, file]);
      expect(run.code, run.stderr).toBe(0);
      pages.set(report.name, file);
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    mkdirSync(ARTEFACTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const report of REPORTS) {
    for (const width of WIDTHS) {
      it(`${report.name} at ${width} px: no console errors, no overflow, named charts, axe clean`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(pathToFileURL(pages.get(report.name)!).href);
        await page.screenshot({ path: join(ARTEFACTS, `${report.name}-${width}.png`), fullPage: true });

        const overflow = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        expect(overflow.scroll, 'page wider than the window').toBeLessThanOrEqual(overflow.inner);

        const unnamed = await page.evaluate(() =>
          [...document.querySelectorAll('svg')]
            .filter((svg) => {
              const label = svg.getAttribute('aria-label') ?? svg.querySelector('title')?.textContent ?? '';
              return label.trim() === '';
            })
            .map((svg) => svg.outerHTML.slice(0, 120)),
        );
        expect(unnamed, 'charts without an accessible name').toEqual([]);

        const { small, overlaps } = await page.evaluate(chartTextProblems);
        expect(small, 'chart text rendered under 12 px').toEqual([]);
        expect(overlaps, 'chart labels that overlap').toEqual([]);

        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (o: object) => Promise<AxeResult> } }).axe;
          type AxeResult = {
            violations: Array<{ id: string; impact: string; nodes: unknown[]; help: string }>;
          };
          const result = await axe.run({ resultTypes: ['violations'] });
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}`);
        });
        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  it('prints folded sections unfolded', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(pages.get('ukraine')!).href);
    const hidden = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('details:not([open]) > :not(summary)')].filter(
            (e) => !e.checkVisibility({ contentVisibilityAuto: true }),
          ).length,
      );
    expect(await hidden()).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    // The print styles apply when the page next recomputes its styles, which a busy machine can delay.
    await expect.poll(hidden, { timeout: 15_000 }).toBe(0);
    await context.close();
  });

  it('keeps the flagship report under 600 kB', () => {
    expect(readFileSync(pages.get('ukraine')!).length).toBeLessThan(600 * 1024);
  });
});
