import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from './browser.js';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

interface TestApp {
  url: string;
  api(p: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

// The e2e test drives the real API, which the dashboard's own code never imports (lint boundary);
// the test loads the API's test harness by path (apps/api/src/testing/test-app.ts).
async function startApi(): Promise<{ app: TestApp; token: string }> {
  const mod = (await import(pathToFileURL(path.join(repo, 'apps/api/src/testing/test-app.ts')).href)) as {
    startTestApp: (env?: Record<string, string>) => Promise<TestApp>;
    TEST_TOKEN: string;
  };
  return { app: await mod.startTestApp({ MONITOR_SEED: 'demo' }), token: mod.TEST_TOKEN };
}

let app: TestApp;
let token: string;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  const built = spawnSync(process.execPath, [path.join(repo, 'node_modules/vite/bin/vite.js'), 'build', path.join(repo, 'apps/dashboard'), '--logLevel', 'warn'], { stdio: 'inherit' });
  expect(built.status).toBe(0);
  ({ app, token } = await startApi());
  // Fill the index: poll every demo source once (the scheduler is off in tests).
  const sources = (await (await app.api('/api/sources')).json()) as { id: number }[];
  for (const s of sources) await app.api(`/api/sources/${s.id}/poll`, { method: 'POST' });
  browser = await launchBrowser();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('search in the browser', () => {
  it('types a query, narrows by a facet and keeps the state in the URL', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript((t) => localStorage.setItem('parallax.apiToken', t), token);
    await page.goto(`${app.url}/`);

    const box = page.getByRole('searchbox', { name: 'Query' });
    await box.fill('Olympics');
    await box.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'Olympics');
    await page.locator('.hit').first().waitFor();
    const before = await page.locator('.hit').count();
    expect(before).toBeGreaterThan(0);

    const outletFacet = page.getByRole('group', { name: 'Outlet' });
    const first = outletFacet.getByRole('checkbox').first();
    const outlet = (await outletFacet.locator('.facet-label').first().textContent()) ?? '';
    await first.check();
    await page.waitForURL((u) => u.searchParams.getAll('outlet').length === 1);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('Olympics');
    expect(url.searchParams.getAll('outlet')).toEqual([outlet]);
    await page.getByRole('button', { name: `Remove filter ${outlet}` }).waitFor();
    for (const name of await page.locator('.hit .hit-outlet').allTextContents()) expect(name).toBe(outlet);

    // The link alone reproduces the view.
    const shared = await browser.context.newPage();
    await shared.goto(page.url());
    await expect.poll(() => shared.getByRole('searchbox', { name: 'Query' }).inputValue()).toBe('Olympics');
    expect(await shared.getByRole('group', { name: 'Outlet' }).getByRole('checkbox', { checked: true }).count()).toBe(1);

    await page.screenshot({ path: path.join(ARTIFACTS, 'search.png'), fullPage: true });
  });
});
