import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from './support/browser.js';
import { startLoopbackFeed, type FeedEntry, type LoopbackFeed } from './support/loopback-feed.js';
import { json, startApi, TEST_TOKEN, type TestApp } from './support/running-api.js';

let app: TestApp;
let browser: Browser;
let feed: LoopbackFeed;
let sourceId: number;

const day = (iso: string) => new Date(iso);
const calm: FeedEntry[] = [
  { guid: 'calm-1', title: 'Harbour authority publishes winter timetable', link: 'http://127.0.0.1/calm-1', html: '<p>Ferries run hourly until March.</p>', publishedAt: day('2022-02-01T08:00:00Z') },
  { guid: 'calm-2', title: 'City library extends opening hours', link: 'http://127.0.0.1/calm-2', html: '<p>Open until 22:00 on weekdays.</p>', publishedAt: day('2022-02-02T08:00:00Z') },
];
/** Every way we know of to run script from feed HTML: each would set window.__pwned or open a dialog. */
const hostile: FeedEntry = {
  guid: 'hostile-1',
  title: 'Quarterly fisheries report <script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=\'title-img\'">',
  link: 'javascript:window.__pwned="link";alert("link")',
  html:
    '<p>Catch volumes rose.</p><script>window.__pwned = "script"; alert("script")</script>' +
    '<img src="x" onerror="window.__pwned=\'onerror\'; alert(\'onerror\')">' +
    '<a href="javascript:window.__pwned=\'href\';alert(\'href\')" id="evil-link">read more</a>' +
    '<svg onload="window.__pwned=\'svg\'"></svg><iframe srcdoc="<script>parent.__pwned=\'iframe\'</script>"></iframe>' +
    '<div style="background:url(javascript:alert(1))" onmouseover="alert(\'hover\')">hover me</div>' +
    '<form action="javascript:alert(\'form\')"><button>send</button></form><math><a xlink:href="javascript:alert(\'math\')">m</a></math>',
  publishedAt: day('2022-02-03T08:00:00Z'),
};

beforeAll(async () => {
  [app, browser, feed] = await Promise.all([startApi(), launchBrowser(), startLoopbackFeed('Harbour Gazette', 'en', calm)]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await feed?.close();
});

/** Fails the test on any dialog (alert/confirm/prompt) the page opens, and records them. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}

describe('sources, alerts and hostile feed items in the browser', () => {
  it('adds a source after previewing its parsed items', async () => {
    const page = await browser.page(TEST_TOKEN);
    await page.goto(`${app.url}/sources`);
    await page.getByRole('heading', { name: 'Add a source' }).waitFor();
    // The page URL, not the feed: the preview finds the feed the page announces.
    await page.getByLabel('Feed or page URL').fill(feed.pageUrl);
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: /^Preview: Harbour Gazette/ });
    await preview.waitFor();
    expect(await preview.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(calm[0]!.title), expect.stringContaining(calm[1]!.title)]);
    await expect.poll(() => page.getByLabel('Feed or page URL').inputValue()).toBe(feed.feedUrl);
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Harbour Gazette');
    // Nothing is saved by a preview.
    expect(await json<unknown[]>(app.api('/api/sources'))).toEqual([]);

    await page.getByLabel('Language', { exact: true }).fill('en');
    await page.getByRole('button', { name: 'Save source' }).click();
    await page.getByText('Source saved.').waitFor();
    const row = page.getByRole('row', { name: /Harbour Gazette/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'Poll now: Harbour Gazette' }).click();
    await row.getByText('Fetched 2, new 2, duplicates 0, errors 0.').waitFor();
    const sources = await json<{ id: number; url: string; itemCount: number }[]>(app.api('/api/sources'));
    expect(sources.map((s) => [s.url, s.itemCount])).toEqual([[feed.feedUrl, 2]]);
    sourceId = sources[0]!.id;
    await screenshot(page, 'sources-add-with-preview');
  });

  it('imports an OPML file with progress and a summary; the row shows its sparkline and poll log', async () => {
    expect(sourceId).toBeDefined();
    const page = await browser.page(TEST_TOKEN);
    await page.goto(`${app.url}/sources`);
    const row = page.getByRole('row', { name: /Harbour Gazette/ });
    await row.waitFor();
    // The two items polled in the test before were stored today.
    await row.getByRole('img', { name: '2 items in the last 14 days' }).waitFor();
    await row.getByRole('button', { name: 'Poll log: Harbour Gazette' }).click();
    await page.getByRole('region', { name: 'Poll log of Harbour Gazette' }).getByText('Fetched 2, new 2, duplicates 0, errors 0.').waitFor();

    // One known feed (skipped), one new (added; the scheduler is off in tests, so it is never polled), one that is not http (an error).
    const quiet = new URL('/quiet.xml', feed.feedUrl).href;
    const opml =
      '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Harbour desk</title></head><body>' +
      `<outline text="Harbour Gazette" type="rss" xmlUrl="${feed.feedUrl}"/>` +
      `<outline text="Quiet Harbour" type="rss" xmlUrl="${quiet}"/>` +
      '<outline text="Old archive" type="rss" xmlUrl="ftp://archive.example.org/feed.xml"/></body></opml>';
    // Progress arrives on the live stream, so it must be open before the import starts.
    await page.locator('.live-open').waitFor();
    await page.getByLabel('OPML file').setInputFiles({ name: 'harbour.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    await page.getByRole('button', { name: 'Import OPML' }).click();
    const result = page.locator('.opml-result');
    await result.getByText('Added 1, skipped 1 already present, 1 failed.').waitFor();
    expect(await result.locator('.opml-errors li').allTextContents()).toEqual([expect.stringContaining('ftp://archive.example.org/feed.xml')]);
    await page.locator('.opml-progress').getByText('3 of 3 feeds').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Import progress' }).evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])).toEqual([3, 3]);
    await page.getByRole('row', { name: /Quiet Harbour/ }).waitFor();
    const sources = await json<{ url: string }[]>(app.api('/api/sources'));
    expect(sources.map((s) => s.url).sort()).toEqual([feed.feedUrl, quiet].sort());
    await screenshot(page, 'sources-opml-import');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export OPML' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('parallax-sources.opml');
    const exported = await fs.promises.readFile((await file.path()) ?? '', 'utf8');
    expect(exported).toContain(quiet);

  });

  it('shows a new matching item in the alerts page live stream, with the reason', async () => {
    expect(sourceId).toBeDefined();
    const page = await browser.page(TEST_TOKEN);
    await page.goto(`${app.url}/alerts`);
    const form = page.getByRole('form', { name: 'New alert' });
    await form.getByLabel('Name').fill('Ferry strike');
    await form.getByLabel('Query').fill('ferry strike');
    await form.getByRole('button', { name: 'Create alert' }).click();
    await page.getByRole('heading', { name: /^Ferry strike/ }).waitFor();
    // The live stream is open before the item arrives (SSE sends no history).
    await page.locator('.live-open').waitFor();

    feed.setEntries([
      ...calm,
      { guid: 'strike-1', title: 'Ferry strike halts harbour crossings', link: 'http://127.0.0.1/strike-1', html: '<p>Crews walked out at dawn.</p>', publishedAt: new Date() },
    ]);
    const poll = await json<{ new: number }>(app.api(`/api/sources/${sourceId}/poll`, { method: 'POST' }));
    expect(poll.new).toBe(1);

    const live = page.locator('.live-alerts .live-alert').filter({ hasText: 'Ferry strike halts harbour crossings' });
    await live.waitFor({ timeout: 30_000 });
    expect(await live.textContent()).toMatch(/Ferry strike/);
    expect((await live.locator('.live-alert-reason').textContent())?.toLowerCase()).toMatch(/ferry|strike/);
    await screenshot(page, 'alerts-live-match');
  });

  it('renders a feed item carrying script, event-handler and javascript: payloads inert', async () => {
    feed.setEntries([...calm, hostile]);
    const poll = await json<{ new: number }>(app.api(`/api/sources/${sourceId}/poll`, { method: 'POST' }));
    expect(poll.new).toBe(1);

    const page = await browser.page(TEST_TOKEN);
    const dialogs = watchDialogs(page);
    await page.goto(`${app.url}/?q=${encodeURIComponent('fisheries')}`);
    const hit = page.locator('.hit').filter({ hasText: 'Quarterly fisheries report' });
    await hit.waitFor();
    // The title is text: the markup shows as characters, not as elements.
    expect(await hit.locator('script, img').count()).toBe(0);
    // The javascript: link of the item is not a link.
    expect(await hit.getByRole('link', { name: /Original/ }).count()).toBe(0);
    await screenshot(page, 'hostile-item-search');

    await hit.getByRole('link', { name: /Quarterly fisheries report/ }).click();
    await page.waitForURL(/\/items\/\d+$/);
    const frame = page.frameLocator('iframe.sandboxed-html');
    await frame.getByText('Catch volumes rose.').waitFor();
    expect(await frame.locator('script, iframe, svg, form, [onerror], [onload], [onmouseover]').count()).toBe(0);
    for (const href of await frame.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) expect(href).not.toMatch(/^\s*javascript:/i);
    const more = frame.getByText('read more');
    if (await more.count()) await more.click();
    await frame.getByText('hover me').hover();
    // Two animation frames: anything the clicks and the hover could have started has had its turn.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

    // Neither the page nor the item's frame ran any of the payloads.
    for (const f of page.frames()) expect(await f.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), f.url()).toBeUndefined();
    expect(page.frames().length).toBe(2);
    expect(dialogs).toEqual([]);
    await screenshot(page, 'hostile-item-page');
  });
});
