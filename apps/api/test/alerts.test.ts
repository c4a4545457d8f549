import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertDelivery, AlertMessage } from '@parallax/domain';
import { parseFeed } from '@parallax/ingest';
import { Runtime } from '@parallax/pipeline';
import { startTestApp, TEST_TOKEN, type TestApp } from '../src/testing/test-app.js';
import { SmtpServer, SseClient, signatureValid, waitFor, WebhookReceiver } from './alerts-receivers.js';
import { FeedFarm, rss } from './feed-farm.js';

let app: TestApp;
let runtime: Runtime;
let farm: FeedFarm;
let hooks: WebhookReceiver;
let smtp: SmtpServer;
let sse: SseClient;

/** Item dates within the last hours, so "test this query" (last 7 days) sees them. */
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toUTCString();

beforeAll(async () => {
  farm = await new FeedFarm().start();
  hooks = await new WebhookReceiver().start();
  smtp = await new SmtpServer().start();
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}?from=alerts@parallax.test` });
  runtime = app.app.get(Runtime);
  // The backoff is injectable: a failing receiver is retried within milliseconds, not minutes.
  runtime.alerts.deliverer.retrySchedule = () => 50;
  sse = await new SseClient().open(`${app.url}/api/stream`, TEST_TOKEN);
});

afterAll(async () => {
  await sse?.close();
  await app?.close();
  await Promise.all([farm?.stop(), hooks?.stop(), smtp?.stop()]);
});

const json = async <T>(res: Response, status = 200): Promise<T> => {
  const body = await res.text();
  expect(res.status, body).toBe(status);
  return JSON.parse(body) as T;
};

const createAlert = async (body: object) => json<Alert>(await app.api('/api/alerts', { method: 'POST', json: body }), 201);

let feeds = 0;
/** Serves one feed on the farm, adds it as a source and polls it once. */
async function publish(outlet: string, items: { title: string; link: string; description: string; date?: string }[]): Promise<void> {
  const path = `/feed-${++feeds}.xml`;
  farm.set(path, { body: rss(outlet, items.map((i) => ({ ...i, date: i.date ?? hoursAgo(1) }))), contentType: 'application/rss+xml' });
  const source = await json<{ id: number }>(await app.api('/api/sources', { method: 'POST', json: { name: outlet, url: farm.url + path, language: 'en' } }), 201);
  const poll = await json<{ new: number }>(await app.api(`/api/sources/${source.id}/poll`, { method: 'POST' }));
  expect(poll.new).toBe(items.length);
}

/** Everything matched and every delivery of the alert settled (delivered or failed). */
async function settled(alertId: number): Promise<AlertDelivery[]> {
  return waitFor(async () => {
    if (runtime.alerts.matcher.pending() > 0) return null;
    const { items } = await json<{ items: AlertDelivery[] }>(await app.api(`/api/alerts/${alertId}/deliveries`));
    return items.every((d) => d.status !== 'pending') ? items : null;
  }, `deliveries of alert ${alertId} to settle`);
}

describe('keyword alerts', () => {
  it('delivers an item served on a loopback feed to an SSE client and a signed webhook', async () => {
    const alert = await createAlert({ name: 'Olympics delay', query: 'Olympics invasion', channels: { webhookUrl: `${hooks.url}/live` } });
    expect(alert).toMatchObject({ mode: 'instant', muted: false, owner: 'admin', channels: { webhookUrl: `${hooks.url}/live` } });
    await publish('Meridian Times', [
      { title: 'Officials asked Moscow to delay invasion until after the Olympics', link: 'http://news.example/olympics', description: 'Intelligence officials say the request came in early February.' },
      { title: 'Storm closes harbour', link: 'http://news.example/storm', description: 'Ferries stay in port.' },
    ]);

    const event = await waitFor(() => sse.events.find((e) => e.event === 'alert' && (JSON.parse(e.data) as AlertMessage).alertId === alert.id), 'the SSE alert event');
    const live = JSON.parse(event.data) as AlertMessage;
    expect(live).toMatchObject({ kind: 'match', alertName: 'Olympics delay', item: { title: 'Officials asked Moscow to delay invasion until after the Olympics', outlet: 'Meridian Times' } });
    expect(live.item?.reason).toContain('Olympics');

    const [hook] = await waitFor(() => (hooks.at('/live').length ? hooks.at('/live') : null), 'the webhook');
    expect(signatureValid(hook!, alert.webhookSecret)).toBe(true);
    expect(signatureValid(hook!, 'another secret')).toBe(false);
    expect(Number(hook!.headers['x-parallax-timestamp'])).toBeGreaterThan(0);
    const body = JSON.parse(hook!.body) as AlertMessage;
    expect(hook!.headers['x-parallax-delivery']).toBe(body.key);
    expect(body.key).toBe(`${alert.id}:${body.item?.itemId}:webhook`);
    expect(body.matches.map((m) => m.title)).toEqual(['Officials asked Moscow to delay invasion until after the Olympics']);

    const matches = await json<{ items: { itemId: number; title: string; url: string; matchedAt: string; reason: string }[]; total: number }>(await app.api(`/api/alerts/${alert.id}/matches?limit=10`));
    expect(matches.total).toBe(1);
    expect(matches.items[0]).toMatchObject({ title: 'Officials asked Moscow to delay invasion until after the Olympics', url: 'http://news.example/olympics' });
    expect(matches.items[0]!.reason).toMatch(/invasion/);

    const deliveries = await settled(alert.id);
    expect(deliveries.map((d) => [d.channel, d.status]).sort()).toEqual([
      ['sse', 'delivered'],
      ['webhook', 'delivered'],
    ]);
  });

  it('retries a receiver that fails three times: it gets the alert once more and the log shows 4 attempts', async () => {
    hooks.plan('/flaky', [500, 503, 500, 200]);
    const alert = await createAlert({ name: 'Harbour', query: 'harbour gale', channels: { webhookUrl: `${hooks.url}/flaky` } });
    await publish('Coastal Post', [{ title: 'Gale keeps the harbour closed', link: 'http://coast.example/gale', description: 'No ferries today.' }]);
    const [delivery] = (await settled(alert.id)).filter((d) => d.channel === 'webhook');
    expect(delivery).toMatchObject({ status: 'delivered', lastError: null });
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([500, 503, 500, 200]);
    expect(delivery!.attempts[0]!.error).toContain('500');
    const received = hooks.at('/flaky');
    expect(received.map((r) => r.answered)).toEqual([500, 503, 500, 200]);
    // Every attempt carries the same idempotency key, and an acknowledged delivery is never sent again.
    expect(new Set(received.map((r) => r.headers['x-parallax-delivery'])).size).toBe(1);
    await runtime.alerts.tick();
    expect(hooks.at('/flaky')).toHaveLength(4);
  });

  it('fires once for a wire story carried by three outlets', async () => {
    const alert = await createAlert({ name: 'Kremlin', query: 'Kremlin', channels: { webhookUrl: `${hooks.url}/wire` } });
    const wire = 'The Kremlin said on Tuesday that talks on the grain corridor would resume next week in Istanbul, after officials from both sides met to discuss shipping guarantees and inspections of vessels leaving Black Sea ports.';
    await publish('Wire Daily', [{ title: 'Kremlin says grain talks to resume', link: 'http://wire-a.example/1', description: wire }]);
    await publish('Capital Herald', [{ title: 'Grain talks to resume, Kremlin says', link: 'http://wire-b.example/x', description: wire }]);
    await publish('Evening Courier', [{ title: 'Kremlin: grain corridor talks next week', link: 'http://wire-c.example/y', description: wire }]);
    const deliveries = await settled(alert.id);
    const matches = await json<{ total: number; items: { title: string }[] }>(await app.api(`/api/alerts/${alert.id}/matches`));
    expect(matches.total).toBe(1);
    expect(matches.items[0]!.title).toBe('Kremlin says grain talks to resume');
    expect(deliveries.filter((d) => d.channel === 'webhook')).toHaveLength(1);
    expect(hooks.at('/wire')).toHaveLength(1);
  });

  it('sends one digest for many matches, by webhook and e-mail, and never the same period twice', async () => {
    const alert = await createAlert({ name: 'Ferry digest', query: 'ferry', mode: 'hourly', channels: { webhookUrl: `${hooks.url}/digest`, email: 'analyst@parallax.test' } });
    const titles = ['Ferry strike enters second day', 'Ferry operator cuts winter timetable', 'New ferry ordered for island route', 'Ferry fares to rise in spring'];
    await publish('Island News', titles.map((title, i) => ({ title, link: `http://island.example/${i}`, description: `Story ${i} about the ferry.` })));
    await waitFor(async () => (await json<{ total: number }>(await app.api(`/api/alerts/${alert.id}/matches`))).total === 4, 'four matches');
    expect(hooks.at('/digest')).toHaveLength(0);
    const mailsBefore = smtp.mails.length;

    const nextHour = new Date(Date.now() + 3_600_000);
    await runtime.alerts.tick(nextHour);
    await settled(alert.id);
    const [digest] = hooks.at('/digest');
    const body = JSON.parse(digest!.body) as AlertMessage;
    expect(body.kind).toBe('digest');
    expect(body.matches.map((m) => m.title).sort()).toEqual([...titles].sort());
    expect(signatureValid(digest!, alert.webhookSecret)).toBe(true);

    const mails = smtp.mails.slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['<analyst@parallax.test>']);
    expect(mails[0]!.from).toBe('<alerts@parallax.test>');
    expect(mails[0]!.data).toMatch(/^Subject: \[Parallax\] Ferry digest: 4 new matches/m);
    for (const t of titles) expect(mails[0]!.data).toContain(t);

    await runtime.alerts.tick(nextHour);
    await settled(alert.id);
    expect(hooks.at('/digest')).toHaveLength(1);
    expect(smtp.mails.slice(mailsBefore)).toHaveLength(1);
  });

  it('serves the matches as a well-formed Atom 1.0 feed that our feed parser reads, with the per-alert token', async () => {
    const [alert] = (await json<Alert[]>(await app.api('/api/alerts'))).filter((a) => a.name === 'Olympics delay');
    const res = await fetch(`${app.url}${alert!.feedUrl}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated', 'author']) expect(doc.querySelector(`feed > ${required}`), required).not.toBeNull();
    const feed = parseFeed(xml);
    expect(feed.feed.title).toBe('Parallax alert: Olympics delay');
    expect(feed.items.map((i) => [i.title, i.link])).toEqual([['Officials asked Moscow to delay invasion until after the Olympics', 'http://news.example/olympics']]);
    expect(feed.items[0]!.guid).toMatch(/^tag:parallax,\d{4}-\d{2}-\d{2}:alert:\d+:item:\d+$/);

    expect((await fetch(`${app.url}/api/alerts/${alert!.id}/feed.atom`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/alerts/${alert!.id}/feed.atom?token=wrong`)).status).toBe(401);
    expect((await app.api(`/api/alerts/${alert!.id}/feed.atom`)).status).toBe(200);
  });

  it('tests a query over the last 7 days with the search index, and refuses bad input with the field', async () => {
    const tested = await json<{ total: number; hits: { title: string }[] }>(await app.api('/api/alerts/test', { method: 'POST', json: { query: 'ferry strike' } }));
    expect(tested.hits.map((h) => h.title)).toEqual(['Ferry strike enters second day']);

    const syntax = await json<{ code: string; position: number }>(await app.api('/api/alerts', { method: 'POST', json: { name: 'x', query: 'China (' } }), 400);
    expect(syntax).toMatchObject({ code: 'QUERY_SYNTAX', position: 7 });
    for (const [body, field] of [
      [{ name: 'x', query: 'a', mode: 'weekly' }, 'mode'],
      [{ name: 'x', query: 'a', channels: { webhookUrl: 'ftp://x' } }, 'channels.webhookUrl'],
      [{ name: 'x', query: 'a', channels: { email: 'nope' } }, 'channels.email'],
      [{ name: '', query: 'a' }, 'name'],
      [{ name: 'x', query: '' }, 'query'],
      [{ name: 'x', query: 'a', denial: { entity: 'Nowhereland' } }, 'denial.entity'],
    ] as const) {
      expect((await json<{ field: string }>(await app.api('/api/alerts', { method: 'POST', json: body }), 400)).field).toBe(field);
    }
    expect((await app.api('/api/alerts/999999/matches')).status).toBe(404);
    expect((await app.api('/api/alerts/1/matches?limit=0')).status).toBe(400);
  });

  it('logs nothing for a muted alert, and logs but does not deliver while snoozed', async () => {
    const muted = await createAlert({ name: 'Muted', query: 'lighthouse', muted: true, channels: { webhookUrl: `${hooks.url}/muted` } });
    const snoozed = await createAlert({ name: 'Snoozed', query: 'lighthouse', snoozedUntil: new Date(Date.now() + 86_400_000).toISOString(), channels: { webhookUrl: `${hooks.url}/snoozed` } });
    await publish('Harbour Gazette', [{ title: 'Old lighthouse to reopen', link: 'http://harbour.example/lighthouse', description: 'Restored lamp lit again.' }]);
    await settled(snoozed.id);
    expect((await json<{ total: number }>(await app.api(`/api/alerts/${muted.id}/matches`))).total).toBe(0);
    expect((await json<{ total: number }>(await app.api(`/api/alerts/${snoozed.id}/matches`))).total).toBe(1);
    expect(await settled(snoozed.id)).toEqual([]);
    expect(hooks.at('/muted').length + hooks.at('/snoozed').length).toBe(0);
  });
});
