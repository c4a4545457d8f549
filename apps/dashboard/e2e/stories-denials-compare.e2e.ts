import type { DenialsResponse, StoriesResponse, StoryDetail } from '@parallax/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from './support/browser.js';
import { json, startApi, TEST_TOKEN, type TestApp } from './support/running-api.js';

let app: TestApp;
let browser: Browser;
/** The demo story an official denial rejects (the reference case of DESIGN.md). */
let story: StoryDetail;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApi({ demo: true }), launchBrowser()]);
  const { stories } = await json<StoriesResponse>(app.api('/api/stories'));
  const details = await Promise.all(stories.map((s) => json<StoryDetail>(app.api(`/api/stories/${s.id}`))));
  const denied = details.filter((d) => d.denials.length > 0).sort((a, b) => b.outlets.length - a.outlets.length);
  expect(denied.length, 'the demo workspace has a story with a linked denial').toBeGreaterThan(0);
  story = denied[0]!;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('stories, denials and narratives in the browser', () => {
  it('shows the story timeline with the official denial marked on it, and the items by outlet', async () => {
    const page = await browser.page(TEST_TOKEN);
    await page.goto(`${app.url}/stories/${story.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline by outlet' });
    // The chart draws SVG: the denial marker's label is text on the chart.
    await timeline.locator('svg text', { hasText: 'Official denial' }).first().waitFor();
    for (const g of story.outlets) await page.getByRole('region', { name: g.outlet, exact: true }).waitFor();
    for (const d of story.denials) await page.getByRole('link', { name: d.title }).first().waitFor();
    await screenshot(page, 'story-timeline-denial');
  });

  it('lists the official denials with the coverage they reject', async () => {
    const { denials } = await json<DenialsResponse>(app.api('/api/denials'));
    expect(denials.length).toBeGreaterThan(0);
    const page = await browser.page(TEST_TOKEN);
    await page.goto(`${app.url}/denials`);
    for (const d of denials) {
      const card = page.locator('.card').filter({ has: page.getByRole('link', { name: d.title, exact: true }) });
      await card.waitFor();
      expect(await card.textContent()).toContain(d.outlet);
    }
    // Each denial that rejects a story shows its first report and a coverage chart with the denial marked.
    const linked = denials.filter((d) => d.stories.length > 0).length;
    expect(linked).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('First report', { exact: true }).count()).toBe(linked);
    await expect.poll(() => page.locator('.card .echart svg text', { hasText: 'Official denial' }).count()).toBeGreaterThanOrEqual(linked);
    await screenshot(page, 'denials');
  });

  it('compares two outlets side by side for one story', async () => {
    const outlets = story.outlets.slice(0, 2).map((g) => g.outlet);
    expect(outlets).toHaveLength(2);
    const page = await browser.page(TEST_TOKEN);
    await page.goto(`${app.url}/compare`);
    await page.getByLabel('Story id').fill(String(story.id));
    await page.getByLabel(/^Outlets/).fill(outlets.join(', '));
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('story') === String(story.id));
    const table = page.getByRole('region', { name: 'Compare narratives' });
    await table.locator('tbody tr').first().waitFor();
    expect((await table.locator('tbody th[scope=row]').allTextContents()).sort()).toEqual([...outlets].sort());
    await screenshot(page, 'compare-two-outlets');
  });
});
