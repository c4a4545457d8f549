import type { Page } from 'playwright-core';
import type { StoriesResponse } from '@parallax/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchBrowser, PHONE, screenshot, type Browser } from './support/browser.js';
import { json, startApi, TEST_TOKEN, type TestApp } from './support/running-api.js';

let app: TestApp;
let browser: Browser;
let pages: [name: string, path: string][];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApi({ demo: true }), launchBrowser()]);
  const { stories } = await json<StoriesResponse>(app.api('/api/stories'));
  const story = stories[0];
  const { hits } = await json<{ hits: { id: number }[] }>(app.api('/api/search?q=Olympics&limit=1'));
  pages = [
    ['search', '/?q=China%20Russia%20Olympics'],
    ['search-empty', '/?q=zzzzqqq'],
    ['search-syntax-error', '/?q=%22unclosed'],
    ['sources', '/sources'],
    ['stories', '/stories'],
    ['story', `/stories/${story?.id ?? 1}`],
    ['denials', '/denials'],
    ['compare', `/compare?story=${story?.id ?? 1}`],
    ['alerts', '/alerts'],
    ['entities', '/entities'],
    ['item', `/items/${hits[0]?.id ?? 1}`],
    ['not-found', '/no-such-page'],
  ];
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** What a visitor would trip over: sideways scrolling, controls without a name, raw message keys, no page title. */
async function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px > ${window.innerWidth}px`);
    for (const el of document.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]')) {
      const labelled =
        el.getAttribute('aria-label') ||
        el.getAttribute('aria-labelledby') ||
        ('labels' in el && (el as HTMLInputElement).labels?.length) ||
        el.textContent?.trim() ||
        el.getAttribute('title');
      if (!labelled && el.getAttribute('type') !== 'hidden') found.push(`unnamed ${el.tagName.toLowerCase()} ${el.outerHTML.slice(0, 80)}`);
    }
    const raw = document.body.innerText.match(/\b(?:search|sources|stories|denials|compare|alerts|entities|item|nav|state|badge|kind)\.[a-zA-Z]+(?:\.[a-zA-Z]+)*\b/g);
    if (raw) found.push(`untranslated keys: ${[...new Set(raw)].join(', ')}`);
    if (!document.querySelector('h1')) found.push('no h1');
    return found;
  });
}

async function settle(page: Page): Promise<void> {
  // Loading states end: wait for no busy region and no loading indicator, then two frames for charts.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .state-loading'), undefined, { timeout: 30_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('every page, on a laptop and a phone, in English, Chinese and Russian', () => {
  for (const [lang, viewports] of [
    ['en', [LAPTOP, PHONE]],
    ['zh', [LAPTOP, PHONE]],
    ['ru', [LAPTOP, PHONE]],
  ] as const) {
    it(`${lang}: no sideways scrolling, every control named, no raw message keys`, async () => {
      const report: Record<string, string[]> = {};
      for (const viewport of viewports) {
        const page = await browser.page(TEST_TOKEN, viewport);
        await page.addInitScript((l) => localStorage.setItem('parallax.language', l), lang);
        for (const [name, path] of pages) {
          await page.goto(`${app.url}${path}`);
          await settle(page);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          const found = await problems(page);
          if (found.length) report[`${name} @${viewport.width}`] = found;
          await screenshot(page, `tour-${lang}-${viewport.width}-${name}`);
        }
        await page.close();
      }
      expect(report).toEqual({});
    });
  }

  it('names an item\'s entities in the interface language', async () => {
    const { hits } = await json<{ hits: { id: number }[] }>(app.api('/api/search?q=entity%3AQ148&limit=1'));
    for (const [lang, china] of [
      ['zh', '中国'],
      ['ru', 'Китай'],
      ['en', 'China'],
    ] as const) {
      const page = await browser.page(TEST_TOKEN);
      await page.addInitScript((l) => localStorage.setItem('parallax.language', l), lang);
      await page.goto(`${app.url}/items/${hits[0]?.id ?? 1}`);
      const chip = page.locator('a.chip[href="/?entity=Q148"]');
      await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toBe(china);
      await page.close();
    }
  });

  it('works from the keyboard alone: tab to the query box, search, reach a result', async () => {
    const page = await browser.page(TEST_TOKEN);
    await page.goto(`${app.url}/`);
    await settle(page);
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.getAttribute('type') === 'search')) && guard++ < 30) await page.keyboard.press('Tab');
    expect(guard).toBeLessThan(30);
    await page.keyboard.type('Olympics');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'Olympics');
    await page.locator('.hit').first().waitFor();
    guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.closest('.hit') !== null)) && guard++ < 80) await page.keyboard.press('Tab');
    expect(guard).toBeLessThan(80);
    // The focused element shows a focus ring.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/items\/\d+$/);
    await screenshot(page, 'keyboard-item');
  });
});
