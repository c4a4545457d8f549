// The browser tests drive the real API, which the dashboard's own code never imports (lint boundary).
// Accepted exception: this test harness loads the API's test starter by relative path; eslint.config.mjs
// allows it for apps/dashboard/e2e/** only.
import { startTestApp, TEST_TOKEN, type TestApp } from '../../../api/src/testing/test-app.js';

export { TEST_TOKEN, type TestApp };

/** The real Nest app on port 0 serving the built dashboard; with `demo`, every demo source polled once. */
export async function startApi(options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const app = await startTestApp({ MONITOR_SEED: options.demo ? 'demo' : 'none', ...options.env });
  if (options.demo) {
    // The scheduler is off in tests: poll each demo source now, so the index holds the demo workspace.
    const sources = (await (await app.api('/api/sources')).json()) as { id: number; name: string }[];
    for (const s of sources) {
      const res = await app.api(`/api/sources/${s.id}/poll`, { method: 'POST' });
      if (!res.ok) throw new Error(`polling demo source ${s.name} failed: ${res.status} ${await res.text()}`);
    }
  }
  return app;
}

export async function json<T>(res: Promise<Response>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}
