/// <reference lib="dom" />
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreferencesDraft } from '../../web/src/screens/preferences/preferences-form.js';
import { runCli, writeTemp } from '../support/run-cli.js';
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
 * The confidential preferences screen in a real chromium against a real `parley serve --demo`: a delegate
 * edits a red line and sees its verdict on the December package change; Russia's delegate never receives
 * Ukraine's private values; two browsers editing at once give a conflict and lose nothing; bad input in each
 * form shows the command line's own message at the field.
 */
if (!hasChromium)
  console.warn('preferences e2e skipped: /usr/bin/chromium is missing (apt-get install -y chromium)');

const password = (login: string) => DEMO_ACCOUNTS.find((a) => a.login === login)!.password;

/** Unique strings and numbers planted in Ukraine's preferences, which Russia's delegate must never receive. */
const MARKERS = {
  source: 'UKR-PRIVATE-SOURCE-7f3a91',
  notes: 'UKR-PRIVATE-NOTES-c5d2e8',
  redLine: 'UKR-PRIVATE-REDLINE-0b6e44',
  weight: 13.37219,
  batna: 41.93817,
};
const MARKER_TEXTS = [
  MARKERS.source,
  MARKERS.notes,
  MARKERS.redLine,
  String(MARKERS.weight),
  String(MARKERS.batna),
];

interface Session {
  api: APIRequestContext;
  csrf: string;
}

async function apiSession(server: RunningServer, login: string): Promise<Session> {
  const { request } = await import('playwright-core');
  const api = await request.newContext({ baseURL: server.url });
  const answer = await api.post('/api/session', { data: { login, password: password(login) } });
  expect(answer.status()).toBe(200);
  return { api, csrf: ((await answer.json()) as { csrfToken: string }).csrfToken };
}

async function readUkraine(session: Session, workspace: string) {
  const view = (await (await session.api.get(`/api/workspaces/${workspace}`)).json()) as {
    revision: number;
    scenario: { preferences: Array<PreferencesDraft & { party: string }> };
  };
  const { party: _party, ...draft } = view.scenario.preferences.find((p) => p.party === 'ukraine')!;
  return { revision: view.revision, draft: draft as PreferencesDraft };
}

async function putUkraine(session: Session, workspace: string, draft: PreferencesDraft, revision: number) {
  return session.api.put(`/api/workspaces/${workspace}/parties/ukraine/preferences`, {
    data: { preferences: draft, summary: 'planted markers' },
    headers: { 'x-csrf-token': session.csrf, 'if-match': `"${revision}"` },
  });
}

async function flagshipId(session: Session): Promise<string> {
  const list = (await (await session.api.get('/api/workspaces')).json()) as {
    workspaces: Array<{ id: string; name: string }>;
  };
  return list.workspaces.find((w) => w.name.includes('Russia–Ukraine'))!.id;
}

async function openPreferences(watched: WatchedPage, workspace: string, party = 'ukraine') {
  await watched.page.goto(`/w/${workspace}/preferences/${party}`);
  await watched.page.getByRole('heading', { level: 1, name: /Preferences of/ }).waitFor();
}

/** The row of a package in the "packages for the party" table, once evaluated. */
async function verdictOf(page: Page, pack: string): Promise<string> {
  const row = page.locator(`tr[data-package="${pack}"]`);
  await row.waitFor({ timeout: 120_000 });
  return (await row.locator('td').first().textContent()) ?? '';
}

describe.skipIf(!hasChromium)('confidential preferences in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let workspace: string;
  let ukraine: Session;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startParleyServer(), launchBrowser()]);
    ukraine = await apiSession(server, 'ukraine');
    workspace = await flagshipId(ukraine);
    const { revision, draft } = await readUkraine(ukraine, workspace);
    draft.source = `${draft.source} ${MARKERS.source}`;
    draft.notes = MARKERS.notes;
    draft.weights.nato = MARKERS.weight;
    draft.redLines[0] = { ...draft.redLines[0], description: MARKERS.redLine };
    draft.batna = { estimate: MARKERS.batna, low: 30, high: 50 };
    const put = await putUkraine(ukraine, workspace, draft, revision);
    expect(put.status(), await put.text()).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await ukraine?.api.dispose();
    await browser?.close();
    await server?.stop();
  });

  it("lets Ukraine's delegate add a red line and see its verdict on the December package change", async () => {
    const watched = await openPage(browser, server.url);
    const { page } = watched;
    await signIn(page, 'ukraine', password('ukraine'));
    await openPreferences(watched, workspace);
    expect(await verdictOf(page, 'december')).not.toBe('rejects');
    await screenshot(page, 'preferences');
    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(page), `preferences overflow at ${width} px`).toBe(0);
    }
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add a red line' }).click();
    const added = page.locator('fieldset.red-line:not(.adjustment)').last();
    await added.getByLabel('What the party will not accept').fill('No guarantee limited to 15 years');
    await added.getByLabel('Source', { exact: true }).fill('Test delegation');
    await added.getByLabel(/: issue$/).selectOption('us-guarantee');
    await added.getByLabel('Article-5-like guarantee, 15 years, extendable').check();
    await added.getByLabel('No US guarantee').uncheck();
    await expect.poll(() => added.locator('.rule-text').textContent()).toContain('US security guarantee');
    await page.getByLabel("What changed (the revision's summary)").fill('a red line on the guarantee');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Saved as revision \d+/ })
      .waitFor();
    await expect.poll(() => verdictOf(page, 'december'), { timeout: 120_000 }).toBe('rejects');
    expect(await page.locator('tr[data-package="december"] td').nth(1).textContent()).toContain('red-line-');
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  }, 300_000);

  it("never gives Russia's delegate Ukraine's private values: page text, DOM, network, storage", async () => {
    const watched = await openPage(browser, server.url);
    const { page, context } = watched;
    const bodies: string[] = [];
    page.on('response', async (response) => {
      try {
        bodies.push(await response.text());
      } catch {
        // Redirects and aborted requests have no body.
      }
    });
    await signIn(page, 'russia', password('russia'));
    const screens = [
      '/',
      `/w/${workspace}`,
      `/w/${workspace}/builder`,
      `/w/${workspace}/builder?package=december`,
      `/w/${workspace}/analysis`,
      `/w/${workspace}/preferences/russia`,
      `/w/${workspace}/preferences/ukraine`,
      '/import',
    ];
    const seen: string[] = [];
    for (const path of screens) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1500);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what a person sees
      seen.push(await page.evaluate(() => document.body.innerText));
      seen.push(await page.evaluate(() => document.documentElement.outerHTML));
      seen.push(await storageDump(page));
    }
    expect(seen.join('\n')).toContain('Preferences of Russian Federation');
    expect(seen.join('\n')).toContain('You may not see or edit');
    const ownScreen = await context.request.get(`/api/workspaces/${workspace}/parties/ukraine/preferences`);
    expect([403, 404, 405]).toContain(ownScreen.status());
    expect(bodies.length).toBeGreaterThan(5);
    const everything = [...seen, ...bodies].join('\n');
    for (const marker of MARKER_TEXTS) expect(everything, `found ${marker}`).not.toContain(marker);

    // The markers are findable where they may be: Ukraine's own view of its preferences.
    const own = await openPage(browser, server.url);
    await signIn(own.page, 'ukraine', password('ukraine'));
    await openPreferences(own, workspace);
    const html = await own.page.evaluate(() => document.documentElement.outerHTML);
    expect(html).toContain(MARKERS.source);
    expect(html).toContain(String(MARKERS.weight));
    await own.context.close();
    await context.close();
  }, 300_000);

  it('shows a second browser a conflict, and after merging both changes are saved', async () => {
    const first = await openPage(browser, server.url);
    const second = await openPage(browser, server.url);
    await signIn(first.page, 'ukraine', password('ukraine'));
    await signIn(second.page, 'mediator', password('mediator'));
    await openPreferences(first, workspace);
    await openPreferences(second, workspace);

    await first.page.locator('#pref-weights-crimea').fill('8');
    await first.page.getByRole('button', { name: 'Save preferences' }).click();
    await first.page
      .getByRole('status')
      .filter({ hasText: /Saved as revision/ })
      .waitFor();

    await second.page.locator('#pref-weights-elections').fill('5');
    await second.page.getByRole('button', { name: 'Save preferences' }).click();
    const conflict = second.page.getByRole('region', { name: /Someone saved these preferences first/ });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('weight of crimea');
    expect(await conflict.textContent()).toContain('weight of elections');
    await screenshot(second.page, 'preferences-conflict');
    await conflict.getByRole('button', { name: 'Merge' }).click();
    await second.page.getByRole('button', { name: 'Save preferences' }).click();
    await second.page
      .getByRole('status')
      .filter({ hasText: /Saved as revision/ })
      .waitFor();

    const { draft } = await readUkraine(ukraine, workspace);
    expect(draft.weights.crimea).toBe(8);
    expect(draft.weights.elections).toBe(5);
    expect(first.problems.concat(second.problems).filter((p) => !p.includes('412'))).toEqual([]);
    await first.context.close();
    await second.context.close();
  }, 300_000);

  describe('bad input shows the command line’s message at the field', () => {
    let watched: WatchedPage;
    let base: PreferencesDraft;

    beforeAll(async () => {
      watched = await openPage(browser, server.url);
      await signIn(watched.page, 'ukraine', password('ukraine'));
      base = (await readUkraine(ukraine, workspace)).draft;
    });

    afterAll(async () => {
      await watched?.context.close();
    });

    type Case = {
      name: string;
      act: (page: Page) => Promise<void>;
      edit: (d: PreferencesDraft) => void;
    };
    const cases: Case[] = [
      {
        name: 'weight negative',
        act: (page) => page.locator('#pref-weights-nato').fill('-3'),
        edit: (d) => (d.weights.nato = -3),
      },
      {
        name: 'weight not a number',
        act: (page) => page.locator('#pref-weights-nato').fill('four'),
        edit: (d) => (d.weights.nato = 'four' as unknown as number),
      },
      {
        name: 'value out of range',
        act: async (page) => {
          await page.locator('#pref-values-crimea').click();
          await page.locator('#pref-values-crimea-not-addressed').fill('140');
        },
        edit: (d) => ((d.values.crimea as Record<string, number>)['not-addressed'] = 140),
      },
      {
        name: 'unknown option in a rule',
        act: async (page) => {
          const input = page.getByLabel('Red line 1 rule, condition 1: add an option by id');
          await input.fill('de-jure-rusian');
          await input.press('Enter');
        },
        edit: (d) => {
          const rule = d.redLines[0].crossedWhen as { any: Array<{ in: string[] }> };
          rule.any[0].in.push('de-jure-rusian');
        },
      },
      {
        name: 'BATNA date malformed',
        act: async (page) => {
          await page.getByLabel('Form', { exact: true }).selectOption('series');
          await page.locator('#pref-batna-series-0-date').fill('2025-13-40');
        },
        edit: (d) => {
          d.batna = { series: [{ date: '2025-13-40', value: d.batna as number }], interpolation: 'step' };
        },
      },
      {
        name: 'low above high',
        act: async (page) => {
          await page.locator('#pref-weights-donbas-low').fill('22');
        },
        edit: (d) => (d.weights.donbas = { estimate: 14, low: 22, high: 20 }),
      },
    ];

    for (const c of cases) {
      it(c.name, async () => {
        const { page } = watched;
        await openPreferences(watched, workspace);
        await c.act(page);
        const draft = structuredClone(base);
        c.edit(draft);
        const expected = await cliErrors(draft);
        expect(expected.length).toBeGreaterThan(0);
        const summary = page.getByRole('alert').filter({ hasText: 'to fix before saving' });
        await summary.waitFor();
        for (const problem of expected) {
          await expect.poll(() => summary.textContent()).toContain(`${problem.path}: ${problem.message}`);
          const atField = page.locator('#preferences-form .issues li').filter({ hasText: problem.message });
          expect(await atField.count(), `${problem.message} next to its field`).toBeGreaterThan(0);
        }
        if (c.name === 'unknown option in a rule') {
          expect(await summary.textContent()).toContain("did you mean 'de-jure-russian'?");
          await screenshot(page, 'preferences-errors');
        }
      }, 180_000);
    }
  });
});

/** What `parley validate` says about the same preferences in the flagship file, relative to them. */
async function cliErrors(draft: PreferencesDraft): Promise<Array<{ path: string; message: string }>> {
  const { parseScenario } = await import('../../src/adapters/load/parse-scenario.js');
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { repoRoot } = await import('../support/run-cli.js');
  const parsed = parseScenario(readFileSync(join(repoRoot, 'scenarios', 'ukraine-2025.yaml'), 'utf8'), {
    fileName: 'ukraine-2025.yaml',
  });
  if (!parsed.ok) throw new Error('the flagship scenario does not load');
  const scenario = parsed.scenario;
  const at = scenario.preferences.findIndex((p) => p.party === 'ukraine');
  scenario.preferences[at] = { party: 'ukraine', ...draft };
  const run = await runCli(['validate', writeTemp('bad.yaml', scenario), '--json']);
  const own = `preferences[${at}]`;
  const report = JSON.parse(run.stdout) as {
    files: Array<{ diagnostics?: Array<{ path: string; message: string; severity: string }> }>;
  };
  return (report.files[0].diagnostics ?? [])
    .filter((d) => d.severity === 'error' && d.path.startsWith(own))
    .map((d) => ({ path: d.path.slice(own.length).replace(/^\./, ''), message: d.message }));
}

/** Everything the page keeps: localStorage, sessionStorage and every IndexedDB store, as text. */
async function storageDump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
        });
        out.push(JSON.stringify(all));
      }
      db.close();
    }
    return out.join('\n');
  });
}
