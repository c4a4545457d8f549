import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from './support/browser.js';
import { startApi, TEST_TOKEN, type TestApp } from './support/running-api.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApi({ demo: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('search in the browser', () => {
  it('types a query, narrows by a facet and keeps the state in the URL', async () => {
    const page = await browser.page(TEST_TOKEN);
    await page.goto(`${app.url}/`);

    const box = page.getByRole('searchbox', { name: 'Query' });
    await box.fill('Olympics');
    await box.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'Olympics');
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('.hit').count()).toBeGreaterThan(0);

    const outletFacet = page.getByRole('group', { name: 'Outlet' });
    const outlet = (await outletFacet.locator('.facet-label').first().textContent()) ?? '';
    expect(outlet).not.toBe('');
    // The checkbox is driven by the URL (a router navigation), so click and wait for the URL to follow.
    await outletFacet.getByRole('checkbox').first().click();
    await page.waitForURL((u) => u.searchParams.getAll('outlet').length === 1);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('Olympics');
    expect(url.searchParams.getAll('outlet')).toEqual([outlet]);
    await page.getByRole('button', { name: `Remove filter ${outlet}` }).waitFor();
    await expect.poll(async () => [...new Set(await page.locator('.hit .hit-outlet').allTextContents())]).toEqual([outlet]);

    // The link alone reproduces the view, in a tab that never saw the search.
    const shared = await browser.page(TEST_TOKEN);
    await shared.goto(page.url());
    await expect.poll(() => shared.getByRole('searchbox', { name: 'Query' }).inputValue()).toBe('Olympics');
    await expect.poll(() => shared.getByRole('group', { name: 'Outlet' }).getByRole('checkbox', { checked: true }).count()).toBe(1);
    await expect.poll(async () => [...new Set(await shared.locator('.hit .hit-outlet').allTextContents())]).toEqual([outlet]);

    await screenshot(page, 'search-facet');
  });
});
