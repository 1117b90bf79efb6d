import { expect } from 'vitest';
import { axeViolations } from './axe.js';
import { horizontalOverflow, screenshot, type WatchedPage } from './browser.js';

/**
 * The checks every view of the app gets: screenshots at both widths, no horizontal overflow at either, no
 * serious accessibility violation, no console error and no request to another origin.
 */
export async function checkView(watched: WatchedPage, name: string): Promise<void> {
  await screenshot(watched.page, name);
  for (const width of [1400, 390]) {
    await watched.page.setViewportSize({ width, height: 900 });
    expect(await horizontalOverflow(watched.page), `${name} overflows at ${width} px`).toBe(0);
  }
  await watched.page.setViewportSize({ width: 1400, height: 900 });
  expect(await axeViolations(watched.page), `${name}: axe`).toEqual([]);
  expect(watched.problems, `${name}: console errors`).toEqual([]);
  expect(watched.foreignRequests, `${name}: requests to other origins`).toEqual([]);
}
