// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResponse } from '@parallax/domain';
import { setApiBase } from '../../api/api-client.js';
import { tokenStore } from '../../auth/token-store.js';
import { startFakeApi, type RecordedRequest } from '../../../testing/fake-api-server.js';
import { byText, click, renderApp, typeInto, waitFor } from '../../../testing/render-app.js';
import { act } from 'react';

const hit = (id: number, outlet: string, language: string, extra: Partial<SearchHit> = {}): SearchHit => ({
  id,
  title: `Item ${id} from ${outlet}`,
  url: `https://example.org/${id}`,
  outlet,
  sourceId: id,
  kind: 'media',
  language,
  publishedAt: `2022-02-0${id}T08:00:00.000Z`,
  entities: [{ qid: 'Q148', name: 'China' }],
  denial: false,
  mentionsDenial: false,
  storyId: null,
  duplicateOf: null,
  snippet: `text about <mark>Olympics</mark> &amp; &lt;script&gt;alert(1)&lt;/script&gt; ${id}`,
  ...extra,
});

const corpus: SearchHit[] = [
  hit(1, 'New York Times', 'en'),
  hit(2, 'Xinhua', 'zh', { mentionsDenial: true }),
  hit(3, 'TASS', 'ru'),
  hit(4, 'Reuters', 'en', { duplicateOf: 1 }),
];

/** The search route of the contract, over a small corpus: outlet and lang filters, facets, histogram. */
function search(req: RecordedRequest): { status?: number; body: unknown } {
  const q = req.url.searchParams.get('q') ?? '';
  if (q.includes('(') && !q.includes(')')) return { status: 400, body: { statusCode: 400, code: 'QUERY_SYNTAX', message: 'expected ")"', field: 'q', position: q.length } };
  const outlets = req.url.searchParams.getAll('outlet');
  const langs = req.url.searchParams.getAll('lang');
  const hits = corpus.filter((h) => (outlets.length === 0 || outlets.includes(h.outlet)) && (langs.length === 0 || langs.includes(h.language)));
  const count = (key: (h: SearchHit) => string) => [...new Set(hits.map(key))].map((value) => ({ value, label: value, count: hits.filter((h) => key(h) === value).length }));
  const body: SearchResponse = {
    total: hits.length,
    hits,
    facets: { entity: [{ value: 'Q148', label: 'China', count: hits.length }], outlet: count((h) => h.outlet), language: count((h) => h.language), kind: count((h) => h.kind) },
    histogram: hits.map((h) => ({ date: h.publishedAt.slice(0, 10), count: 1 })),
  };
  return { body };
}

let api: Awaited<ReturnType<typeof startFakeApi>>;
let app: Awaited<ReturnType<typeof renderApp>> | undefined;

beforeAll(async () => {
  api = await startFakeApi((req) => {
    if (req.url.pathname === '/api/search') return search(req);
    if (req.url.pathname === '/api/alerts' && req.method === 'POST') return { status: 201, body: { id: 7, ...(req.body as object) } };
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

describe('SearchPage', () => {
  it('runs a typed query, keeps it in the URL and sends the bearer token', async () => {
    app = await renderApp('/');
    const input = await waitFor(() => app?.container.querySelector<HTMLInputElement>('input[type="search"]'));
    await act(async () => typeInto(input, 'China Russia Olympics'));
    await act(async () => input.form?.requestSubmit());
    await waitFor(() => app?.router.state.location.search.includes('q=China'));
    expect(new URLSearchParams(app.router.state.location.search).get('q')).toBe('China Russia Olympics');
    const last = await waitFor(() => api.requests.findLast((r) => r.url.searchParams.get('q') === 'China Russia Olympics'));
    expect(last.headers.authorization).toBe('Bearer test-token');
    await waitFor(() => byText(app!.container, 'h2', '4 results'));
  });

  it('renders snippets as text with marks, never as HTML', async () => {
    app = await renderApp('/?q=Olympics');
    const snippet = await waitFor(() => app?.container.querySelector('.snippet'));
    expect(snippet.querySelector('mark')?.textContent).toBe('Olympics');
    expect(snippet.querySelector('script')).toBeNull();
    expect(snippet.textContent).toContain('& <script>alert(1)</script>');
  });

  it('folds a syndicated copy under its original', async () => {
    app = await renderApp('/?q=Olympics');
    await waitFor(() => app?.container.querySelector('.hit'));
    const titles = [...app.container.querySelectorAll('.hit-title')].map((h) => h.textContent);
    expect(titles).not.toContain('Item 4 from Reuters');
    const copies = app.container.querySelector('#hit-1')?.closest('article')?.querySelector('.copies');
    expect(copies?.textContent).toContain('Item 4 from Reuters');
  });

  it('filters by a facet and puts the filter in the URL', async () => {
    app = await renderApp('/?q=Olympics');
    const label = await waitFor(() => byText<HTMLLabelElement>(app!.container, '.facet label', 'Xinhua'));
    await click(label.querySelector('input')!);
    await waitFor(() => app?.router.state.location.search.includes('outlet=Xinhua'));
    const sp = new URLSearchParams(app.router.state.location.search);
    expect(sp.get('q')).toBe('Olympics');
    expect(sp.getAll('outlet')).toEqual(['Xinhua']);
    await waitFor(() => byText(app!.container, 'h2', '1 result'));
    expect(app.container.querySelector('.hit .badge-warn')?.textContent).toBe('Mentions denial');
  });

  it('restores facets, dates and page from a shared link', async () => {
    app = await renderApp('/?q=Olympics&lang=ru&from=2022-02-01&to=2022-02-10&sort=newest');
    await waitFor(() => byText(app!.container, 'h2', '1 result'));
    const req = api.requests.findLast((r) => r.url.pathname === '/api/search')!;
    expect(req.url.searchParams.getAll('lang')).toEqual(['ru']);
    expect(req.url.searchParams.get('from')).toBe('2022-02-01T00:00:00.000Z');
    expect(req.url.searchParams.get('to')).toBe('2022-02-10T23:59:59.999Z');
    expect(req.url.searchParams.get('sort')).toBe('newest');
    expect(app.container.querySelector<HTMLInputElement>('input[type="date"]')?.value).toBe('2022-02-01');
  });

  it('shows a query syntax error at its position under the query box', async () => {
    app = await renderApp('/?q=(China');
    const err = await waitFor(() => app?.container.querySelector('.query-error'));
    expect(err.getAttribute('role')).toBe('alert');
    expect(err.textContent).toContain('character 7');
    expect(err.textContent).toContain('expected ")"');
    expect(app.container.querySelector('.query-caret')?.textContent).toBe('(China\n      ^');
    expect(app.container.querySelector('input[type="search"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('saves the search as an alert with its facet filters', async () => {
    app = await renderApp('/?q=Olympics&outlet=New%20York%20Times');
    const open = await waitFor(() => byText<HTMLButtonElement>(app!.container, 'button', 'Save as alert'));
    await click(open);
    const form = await waitFor(() => app?.container.querySelector<HTMLFormElement>('form.save-alert'));
    await act(async () => form.requestSubmit());
    await waitFor(() => byText(app!.container, '[role="status"]', 'Alert saved.'));
    const post = api.requests.findLast((r) => r.method === 'POST' && r.url.pathname === '/api/alerts');
    expect(post?.body).toEqual({ name: 'Olympics outlet:"New York Times"', query: 'Olympics outlet:"New York Times"', mode: 'instant', channels: {}, muted: false });
  });
});

describe('SearchPage on a phone', () => {
  /** jsdom has no layout, so no matchMedia: this one answers as a 390 px wide screen would. */
  const phoneWidth = (width: number) => {
    window.matchMedia = (query: string) => {
      const max = /max-width:\s*(\d+)px/.exec(query);
      const matches = max?.[1] !== undefined && width <= Number(max[1]);
      return { matches, media: query, onchange: null, addEventListener: () => undefined, removeEventListener: () => undefined, addListener: () => undefined, removeListener: () => undefined, dispatchEvent: () => false };
    };
  };
  afterEach(() => {
    Reflect.deleteProperty(window, 'matchMedia');
  });

  it('folds the facets into a closed "Filters" disclosure above the results', async () => {
    phoneWidth(390);
    app = await renderApp('/?q=Olympics&lang=ru');
    const details = await waitFor(() => app?.container.querySelector<HTMLDetailsElement>('details.facets-toggle'));
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Filters (1 active)');
    expect(details.querySelector('aside.facets')).not.toBeNull();
    const layout = details.parentElement!;
    expect([...layout.children].indexOf(details)).toBeLessThan([...layout.children].indexOf(layout.querySelector('.results')!));
    await click(details.querySelector('summary')!);
    await waitFor(() => details.open);
    const label = await waitFor(() => byText<HTMLLabelElement>(details, '.facet label', 'TASS'));
    expect(label.querySelector('input')?.checked).toBe(false);
  });

  it('keeps the facets beside the results on a laptop', async () => {
    phoneWidth(1366);
    app = await renderApp('/?q=Olympics');
    await waitFor(() => app?.container.querySelector('.facet label'));
    expect(app.container.querySelector('details.facets-toggle')).toBeNull();
    expect(app.container.querySelector('.search-layout > aside.facets')).not.toBeNull();
  });
});
