// @vitest-environment jsdom
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertDelivery, SearchHit } from '@parallax/domain';
import { setApiBase } from '../../api/api-client.js';
import { tokenStore } from '../../auth/token-store.js';
import { startFakeApi, type RecordedRequest } from '../../../testing/fake-api-server.js';
import { byText, click, renderApp, typeInto, waitFor } from '../../../testing/render-app.js';

const alert: Alert = {
  id: 7,
  name: 'Ferry strike',
  query: 'ferry strike',
  mode: 'instant',
  channels: { webhookUrl: 'https://hooks.example.org/parallax', email: 'desk@example.org' },
  muted: false,
  snoozedUntil: null,
  denial: null,
  spike: null,
  owner: 'admin',
  webhookSecret: 'secret',
  feedUrl: '/api/alerts/7/feed.atom?token=t',
  createdAt: '2022-02-01T00:00:00.000Z',
  updatedAt: '2022-02-01T00:00:00.000Z',
};

const deliveries: AlertDelivery[] = [
  {
    id: 2,
    key: '7:41:webhook',
    alertId: 7,
    channel: 'webhook',
    kind: 'match',
    itemIds: [41],
    status: 'delivered',
    attempts: [
      { attemptedAt: '2022-02-14T10:00:00.000Z', statusCode: 502, error: null, durationMs: 80 },
      { attemptedAt: '2022-02-14T10:00:30.000Z', statusCode: 204, error: null, durationMs: 45 },
    ],
    createdAt: '2022-02-14T10:00:00.000Z',
    nextAttemptAt: null,
    deliveredAt: '2022-02-14T10:00:30.000Z',
    lastError: 'HTTP 502',
  },
  {
    id: 3,
    key: '7:41:email',
    alertId: 7,
    channel: 'email',
    kind: 'match',
    itemIds: [41],
    status: 'failed',
    attempts: [{ attemptedAt: '2022-02-14T10:00:01.000Z', statusCode: null, error: 'connect ECONNREFUSED 127.0.0.1:25', durationMs: 3 }],
    createdAt: '2022-02-14T10:00:00.000Z',
    nextAttemptAt: null,
    deliveredAt: null,
    lastError: 'connect ECONNREFUSED 127.0.0.1:25',
  },
];

const hit = (id: number, title: string): SearchHit => ({
  id,
  title,
  url: null,
  outlet: 'Harbour Gazette',
  sourceId: 1,
  kind: 'media',
  language: 'en',
  publishedAt: '2022-02-13T08:00:00.000Z',
  entities: [],
  denial: false,
  mentionsDenial: false,
  storyId: null,
  duplicateOf: null,
  snippet: title,
});
const week = [hit(41, 'Ferry strike halts harbour crossings'), hit(42, 'Ferry crews vote on strike'), hit(43, 'City library extends opening hours')];

/** `POST /api/alerts/test` as the contract gives it: the last 7 days' items every word of the query is in. */
function testQuery(req: RecordedRequest) {
  const query = (req.body as { query: string }).query;
  if (query.includes('(') && !query.includes(')')) return { status: 400, body: { statusCode: 400, code: 'QUERY_SYNTAX', message: 'expected ")"', field: 'query', position: query.length } };
  const words = query.toLowerCase().split(/\s+/);
  const hits = week.filter((h) => words.every((w) => h.title.toLowerCase().includes(w)));
  return { body: { from: '2022-02-07T12:00:00.000Z', to: '2022-02-14T12:00:00.000Z', total: hits.length, truncated: false, hits } };
}

let api: Awaited<ReturnType<typeof startFakeApi>>;
let app: Awaited<ReturnType<typeof renderApp>> | undefined;

beforeAll(async () => {
  api = await startFakeApi((req) => {
    const path = req.url.pathname;
    if (path === '/api/alerts' && req.method === 'GET') return { body: [alert] };
    if (path === '/api/alerts/test' && req.method === 'POST') return testQuery(req);
    if (path === '/api/alerts/7/matches') return { body: { items: [], total: 0 } };
    if (path === '/api/alerts/7/deliveries') return { body: { items: deliveries } };
    return undefined;
  });
  setApiBase(api.origin);
  tokenStore.set('test-token');
});
afterAll(() => api.close());
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

const newAlertQuery = () => app?.container.querySelector<HTMLInputElement>('form[aria-label="New alert"] input[required]');

describe('AlertsPage', () => {
  it('previews a query through the alert test route, over the last 7 days', async () => {
    app = await renderApp('/alerts');
    const input = await waitFor(newAlertQuery);
    await act(async () => typeInto(input, 'ferry strike'));
    const preview = await waitFor(() => byText(app!.container, '.alert-preview p', '2 matches in the last 7 days'));
    const titles = [...(preview.closest('section')?.querySelectorAll('li a') ?? [])].map((a) => a.textContent);
    expect(titles).toEqual(['Ferry strike halts harbour crossings', 'Ferry crews vote on strike']);
    const post = api.requests.findLast((r) => r.url.pathname === '/api/alerts/test');
    expect(post?.body).toEqual({ query: 'ferry strike' });
    expect(post?.headers.authorization).toBe('Bearer test-token');
    expect(api.requests.some((r) => r.url.pathname === '/api/search')).toBe(false);
  });

  it('shows a syntax error of the test route at its position', async () => {
    app = await renderApp('/alerts');
    const input = await waitFor(newAlertQuery);
    await act(async () => typeInto(input, '(ferry'));
    const err = await waitFor(() => app?.container.querySelector('form[aria-label="New alert"] .field-error'));
    expect(err.textContent).toContain('character 7');
    expect(err.textContent).toContain('expected ")"');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('loads the delivery log when opened: each channel, its status and every attempt', async () => {
    app = await renderApp('/alerts');
    const log = await waitFor(() => app?.container.querySelector<HTMLDetailsElement>('details.delivery-log'));
    expect(api.requests.some((r) => r.url.pathname === '/api/alerts/7/deliveries')).toBe(false);
    await click(log.querySelector('summary')!);
    const items = await waitFor(() => {
      const li = log.querySelectorAll('.deliveries > li');
      return li.length === 2 ? [...li] : null;
    });
    const [webhook, email] = items;
    expect(webhook?.querySelector('.delivery-head')?.textContent).toMatch(/^Webhook Delivered Match/);
    expect([...(webhook?.querySelectorAll('.attempts code') ?? [])].map((c) => c.textContent)).toEqual(['502', '204']);
    expect(webhook?.querySelector('.attempts')?.getAttribute('aria-label')).toBe('2 attempts');
    // A delivered message does not show the error of an attempt it got past.
    expect(webhook?.querySelector(':scope > .text-danger')).toBeNull();
    expect(email?.querySelector('.delivery-head')?.textContent).toMatch(/^E-mail Failed Match/);
    expect(email?.querySelector('.attempts .text-danger')?.textContent).toBe('connect ECONNREFUSED 127.0.0.1:25');
  });
});
