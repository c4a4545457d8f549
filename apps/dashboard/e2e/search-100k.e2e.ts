import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from './support/browser.js';
import { enterToResults } from './support/enter-to-results.mjs';
import { ARTIFACTS } from './support/paths.js';
import { startApi, TEST_TOKEN, type TestApp } from './support/running-api.js';
import { writeSyntheticCorpus } from './support/synthetic-corpus.js';

const ITEMS = 100_000;
const QUERIES = ['China sanctions', 'Олимпиаду', '冬奥会', 'Россия OR Росія', 'Ukraine -NATO', '"grain exports"', 'sanc*'];

let dataDir: string;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-100k-'));
  const started = Date.now();
  const written = await writeSyntheticCorpus(dataDir, ITEMS);
  console.log(`synthetic corpus: ${ITEMS} items stored and indexed in ${Math.round((Date.now() - started) / 1000)} s`);
  expect(written).toEqual({ items: ITEMS, indexed: ITEMS });
  [app, browser] = await Promise.all([startApi({ env: { MONITOR_DATA_DIR: dataDir } }), launchBrowser()]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`search over ${ITEMS.toLocaleString('en')} stored items`, () => {
  it('measures, in the browser, the time from pressing Enter to the results on screen (reported, not asserted)', async () => {
    const page = await browser.page(TEST_TOKEN);
    await page.goto(`${app.url}/`);
    const box = page.getByRole('searchbox', { name: 'Query' });
    await box.waitFor();
    const timings: { query: string; total: number; ms: number }[] = [];
    for (const query of QUERIES) {
      const ms = await enterToResults(page, query);
      console.log(`${query}: ${Math.round(ms)} ms`);
      const heading = (await page.locator('#results-title').textContent()) ?? '';
      timings.push({ query, total: Number(heading.replace(/\D/g, '')), ms: Math.round(ms) });
    }
    for (const t of timings) expect(t.total, t.query).toBeGreaterThan(0);
    const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
    const report = { items: ITEMS, timings, medianMs: sorted[Math.floor(sorted.length / 2)], maxMs: sorted[sorted.length - 1] };
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'search-100k.json'), JSON.stringify(report, null, 2));
    console.log(`search over ${ITEMS} items, Enter to results on screen (ms):`, JSON.stringify(report));
    await screenshot(page, 'search-100k');
  }, 600_000);
});
