/// <reference lib="dom" />
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type BenchResult, type BenchSuite, PACKAGE_ROOT } from './bench-result.js';

const SUITE = 'builder';
const CHROMIUM = '/usr/bin/chromium';
const CHANGES = 40;
/** The issue: "each change updates in under 100 ms for a scenario the size of the flagship". */
const TARGET_MS = 100;

/** `parley serve --demo` on a fresh SQLite folder, in its own process. */
function serveDemo(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const bin = join(PACKAGE_ROOT, 'bin', 'parley.js');
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--demo', '--port', '0', '--data-dir', dataDir, '--json'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        resolve({ child, url: JSON.parse(out).url });
      } catch {
        // Not the whole object yet.
      }
    });
    child.on('exit', (code) => reject(new Error(`parley serve exited with ${code}`)));
  });
}

/**
 * One change as a user makes it, timed inside the page: from the change event to the builder's result being
 * rendered again (its update counter moves) and painted (the next animation frame).
 */
function timeChange(page: Page, selector: string, change: 'select' | 'toggle', value = ''): Promise<number> {
  return page.evaluate(
    async ({ selector, change, value }) => {
      const result = document.querySelector('[data-testid="builder-result"]') as HTMLElement;
      const before = result.dataset.updates;
      const updated = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (result.dataset.updates !== before) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(result, { attributes: true });
      });
      const element = document.querySelector(selector) as HTMLSelectElement | HTMLInputElement;
      const start = performance.now();
      if (change === 'select') element.value = value;
      else (element as HTMLInputElement).click();
      if (change === 'select') element.dispatchEvent(new Event('change', { bubbles: true }));
      await updated;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    },
    { selector, change, value },
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

function figures(name: string, samples: number[], notes: string): BenchResult[] {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return [
    {
      suite: SUITE,
      case: name,
      metric: 'median',
      value: round(percentile(sorted, 0.5)),
      unit: 'ms',
      target: TARGET_MS,
      better: 'lower',
      notes,
    },
    {
      suite: SUITE,
      case: name,
      metric: 'p95',
      value: round(percentile(sorted, 0.95)),
      unit: 'ms',
      target: TARGET_MS,
      better: 'lower',
      notes,
    },
  ];
}

/**
 * The package builder in Debian's chromium (playwright-core) against a real `parley serve --demo`: the mediator
 * opens the flagship's December package, then changes one issue at a time, and toggles a red line as a
 * what-if; each figure is the time from the change to the painted result (request, evaluation, render).
 */
export const builderSuite: BenchSuite = {
  name: SUITE,
  async run(): Promise<BenchResult[]> {
    if (!existsSync(CHROMIUM)) {
      process.stderr.write(`builder benchmark skipped: ${CHROMIUM} is missing\n`);
      return [];
    }
    const { chromium } = await import('playwright-core');
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-builder-'));
    const { child, url } = await serveDemo(dataDir);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ baseURL: url, viewport: { width: 1400, height: 900 } });
      await page.goto('/sign-in');
      await page.getByLabel('Login').fill('mediator');
      await page.getByLabel('Password').fill('mediator-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
      const list = await page.evaluate(async () => (await fetch('/api/workspaces')).json());
      const workspace = (list.workspaces as Array<{ id: string; name: string }>).find((w) =>
        w.name.includes('Ukraine'),
      )?.id;
      await page.goto(`/w/${workspace}/builder?package=december`);
      await page.locator('[data-testid="builder-result"][data-updates="1"]').waitFor({ timeout: 60_000 });
      const issues = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLSelectElement>('select[data-issue]')].map((s) => ({
          issue: s.dataset.issue as string,
          options: [...s.options].map((o) => o.value).filter((v) => v !== ''),
        })),
      );
      const selects: number[] = [];
      for (let k = 0; k < CHANGES; k++) {
        const { issue, options } = issues[k % issues.length];
        const option = options[(k * 7) % options.length];
        selects.push(await timeChange(page, `select[data-issue="${issue}"]`, 'select', option));
      }
      const toggles: number[] = [];
      for (let k = 0; k < CHANGES / 2; k++) {
        toggles.push(await timeChange(page, '[data-redline="russia:donbas-withdrawal"]', 'toggle'));
      }
      const requests = await page.evaluate(
        async ({ workspace, count }) => {
          const { csrfToken } = await (await fetch('/api/session')).json();
          const times: number[] = [];
          for (let k = 0; k < count; k++) {
            const start = performance.now();
            const reply = await fetch(`/api/workspaces/${workspace}/what-if`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
              body: JSON.stringify({ package: 'december' }),
            });
            await reply.json();
            times.push(performance.now() - start);
          }
          return times;
        },
        { workspace, count: CHANGES },
      );
      const notes = `flagship (${issues.length} issues), ${CHANGES} changes; server and browser on this machine, measured under load from other work`;
      return [
        ...figures('choose an option', selects, notes),
        ...figures('toggle a red line (what-if)', toggles, notes),
        ...figures('what-if request alone (no rendering)', requests, notes),
      ];
    } finally {
      await browser.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
