// @vitest-environment jsdom
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PollLogEntry, Source } from '@parallax/domain';
import { setApiBase } from '../../api/api-client.js';
import { tokenStore } from '../../auth/token-store.js';
import { startFakeApi, type Answer } from '../../../testing/fake-api-server.js';
import { byText, click, renderApp, typeInto, waitFor } from '../../../testing/render-app.js';
import type { DailyCount, OpmlImportResult, SourcePreview } from '../api/sources.api.js';

const days = (counts: number[]): DailyCount[] => counts.map((count, i) => ({ date: `2022-02-${String(i + 1).padStart(2, '0')}`, count }));

const gazette: Source & { itemsPerDay: DailyCount[] } = {
  id: 1,
  name: 'Harbour Gazette',
  url: 'https://gazette.example.org/feed.xml',
  kind: 'media',
  type: 'feed',
  language: 'en',
  country: null,
  pollIntervalSeconds: 900,
  enabled: true,
  selectors: null,
  tags: [],
  demo: false,
  createdAt: '2022-02-01T00:00:00.000Z',
  lastPolledAt: '2022-02-14T10:00:00.000Z',
  lastStatus: 'ok',
  lastError: null,
  lastNewItemAt: '2022-02-14T10:00:00.000Z',
  itemCount: 12,
  consecutiveFailures: 0,
  nextPollAt: '2022-02-14T10:15:00.000Z',
  itemsPerDay: days([0, 1, 0, 2, 0, 0, 3, 0, 0, 1, 0, 4, 0, 1]),
};

const polls: PollLogEntry[] = [
  { id: 9, sourceId: 1, startedAt: '2022-02-14T10:00:00.000Z', status: 'error', httpStatus: 503, fetched: 0, new: 0, duplicates: 0, errors: 1, error: 'HTTP 503 Service Unavailable', unchanged: false, durationMs: 1200 },
  { id: 8, sourceId: 1, startedAt: '2022-02-14T09:45:00.000Z', status: 'ok', httpStatus: 200, fetched: 7, new: 3, duplicates: 4, errors: 0, error: null, unchanged: false, durationMs: 310 },
];

const OPML = `<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body>
<outline text="Harbour Gazette" type="rss" xmlUrl="https://gazette.example.org/feed.xml"/>
<outline text="Ministry" type="rss" xmlUrl="https://ministry.example.org/rss"/>
<outline text="Broken" type="rss" xmlUrl="ftp://broken.example.org/feed"/></body></opml>`;
const importAnswer: OpmlImportResult = { added: 1, skipped: 1, errors: [{ url: 'ftp://broken.example.org/feed', error: 'only http and https URLs can be polled' }] };

/** The sources `GET /api/sources` lists; a test may set others. */
let listed: Source[] = [gazette];
/** How the fake API answers a PATCH of the source; a test may set a 400 here. */
let patchAnswer: ((body: unknown) => Answer) | undefined;

const gazettePage: SourcePreview = {
  feed: { title: 'Harbour Gazette', link: 'https://gazette.example.org/', language: 'en' },
  items: [],
  feedUrl: 'https://gazette.example.org/feed.xml',
  discovered: [{ url: 'https://gazette.example.org/feed.xml', title: 'Harbour Gazette', type: 'application/rss+xml' }],
};

let api: Awaited<ReturnType<typeof startFakeApi>>;
let app: Awaited<ReturnType<typeof renderApp>> | undefined;

beforeAll(async () => {
  api = await startFakeApi((req) => {
    const path = req.url.pathname;
    if (path === '/api/stream') return { stream: true };
    if (path === '/api/sources' && req.method === 'GET') return { body: listed };
    if (path === '/api/sources/1' && req.method === 'PATCH') return patchAnswer?.(req.body) ?? { body: { ...gazette, ...(req.body as object) } };
    if (path === '/api/sources/preview' && req.method === 'POST') return { body: gazettePage };
    if (path === '/api/sources' && req.method === 'POST') return { status: 201, body: { ...gazette, ...(req.body as object), id: 2 } };
    if (path === '/api/sources/1/polls') return { body: polls };
    if (path === '/api/sources/export.opml') return { text: OPML, contentType: 'text/x-opml; charset=utf-8' };
    if (path === '/api/sources/import-opml' && req.method === 'POST') {
      // As the API does: a progress event per outline on the live stream while it imports, then the summary.
      for (let done = 1; done <= 3; done++) api.emit('progress', { task: 'import-opml', done, total: 3 });
      return { body: importAnswer };
    }
    return undefined;
  });
  setApiBase(api.origin);
  tokenStore.set('test-token');
});
afterAll(() => api.close());
afterEach(async () => {
  await app?.unmount();
  app = undefined;
  patchAnswer = undefined;
  listed = [gazette];
});

/** The control a label names, inside `root`. */
function control<T extends HTMLElement>(root: ParentNode, label: string): T {
  const el = byText<HTMLLabelElement>(root, 'label', label);
  const found = el ? document.getElementById(el.htmlFor) : null;
  if (!found) throw new Error(`no control labelled ${label}`);
  return found as T;
}

/** Opens the edit panel of the gazette; returns its button, its panel and how many requests came before. */
async function openEdit() {
  app = await renderApp('/sources');
  const button = await waitFor(() => app?.container.querySelector<HTMLButtonElement>('button[aria-label="Edit: Harbour Gazette"]'));
  await waitFor(() => api.requests.some((r) => r.url.pathname === '/api/sources'));
  const before = api.requests.length;
  await click(button);
  const panel = await waitFor(() => app?.container.querySelector<HTMLElement>('.source-edit'));
  return { button, panel, patches: () => api.requests.slice(before).filter((r) => r.method === 'PATCH') };
}

describe('SourcesPage', () => {
  it('draws items per day as a sparkline labelled with the total', async () => {
    app = await renderApp('/sources');
    const spark = await waitFor(() => app?.container.querySelector('svg.sparkline'));
    const total = gazette.itemsPerDay.reduce((n, d) => n + d.count, 0);
    expect(spark.getAttribute('role')).toBe('img');
    expect(spark.getAttribute('aria-label')).toBe(`${total} items in the last 14 days`);
    const points = spark.querySelector('polyline')?.getAttribute('points')?.split(' ') ?? [];
    expect(points).toHaveLength(14);
    // The highest day touches the top padding, an empty day the bottom.
    const ys = points.map((p) => Number(p.split(',')[1]));
    expect(Math.min(...ys)).toBe(2);
    expect(ys[0]).toBe(20);
  });

  it('opens the poll log of a source in a row beneath it', async () => {
    app = await renderApp('/sources');
    const toggle = await waitFor(() => app?.container.querySelector<HTMLButtonElement>('button[aria-label="Poll log: Harbour Gazette"]'));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const log = await waitFor(() => app?.container.querySelector('.poll-log table'));
    expect(log.closest('tr')?.id).toBe(toggle.getAttribute('aria-controls'));
    const rows = [...log.querySelectorAll(':scope > tbody > tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('503');
    expect(rows[0]).toContain('HTTP 503 Service Unavailable');
    expect(rows[1]).toContain('Fetched 7, new 3, duplicates 4, errors 0.');
    expect(api.requests.findLast((r) => r.url.pathname === '/api/sources/1/polls')?.headers.authorization).toBe('Bearer test-token');
    await click(toggle);
    expect(app.container.querySelector('.poll-log')).toBeNull();
  });

  it('adds a source: the preview sets the feed a page announces and the name, saving sends every field and empties the form', async () => {
    app = await renderApp('/sources');
    const form = await waitFor(() => app?.container.querySelector<HTMLElement>('section[aria-labelledby="add-source-title"]'));
    const url = control<HTMLInputElement>(form, 'Feed or page URL');
    await act(async () => typeInto(url, 'https://gazette.example.org/'));
    await click(byText<HTMLButtonElement>(form, 'button', 'Preview')!);
    await waitFor(() => byText(form, '[role="status"]', 'This page announces a feed'));
    expect(url.value).toBe('https://gazette.example.org/feed.xml');
    expect(control<HTMLInputElement>(form, 'Name').value).toBe('Harbour Gazette');
    await click(byText<HTMLButtonElement>(form, 'button', 'Save source')!);
    await waitFor(() => byText(form, '[role="status"]', 'Source saved.'));
    expect(api.requests.findLast((r) => r.url.pathname === '/api/sources' && r.method === 'POST')?.body).toEqual({
      name: 'Harbour Gazette',
      url: 'https://gazette.example.org/feed.xml',
      kind: 'media',
      type: 'feed',
      language: null,
      country: null,
      pollIntervalSeconds: 900,
    });
    expect([url.value, control<HTMLInputElement>(form, 'Name').value, control<HTMLInputElement>(form, 'Poll every').value]).toEqual(['', '', '900']);
    expect(form.querySelector('.preview')).toBeNull();
  });

  it('edits a source in a row beneath it, sending only the fields changed', async () => {
    const { button, panel, patches } = await openEdit();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.closest('tr')?.id).toBe(button.getAttribute('aria-controls'));
    expect(panel.querySelector('h3')?.textContent).toBe('Edit source “Harbour Gazette”');
    // Filled in with the source as saved, and ready for typing.
    expect(control<HTMLInputElement>(panel, 'Name').value).toBe('Harbour Gazette');
    expect(control<HTMLInputElement>(panel, 'Feed or page URL').value).toBe(gazette.url);
    expect(control<HTMLInputElement>(panel, 'Language').value).toBe('en');
    expect(control<HTMLInputElement>(panel, 'Poll every').value).toBe('900');
    expect(document.activeElement).toBe(control(panel, 'Name'));

    const listed = api.requests.filter((r) => r.url.pathname === '/api/sources' && r.method === 'GET').length;
    await act(async () => {
      typeInto(control(panel, 'Poll every'), '3600');
      typeInto(control(panel, 'Language'), ' fr ');
    });
    await click(byText<HTMLButtonElement>(panel, 'button', 'Save')!);
    await waitFor(() => !app?.container.querySelector('.source-edit'));
    expect(patches().map((r) => [r.url.pathname, r.body])).toEqual([['/api/sources/1', { pollIntervalSeconds: 3600, language: 'fr' }]]);
    // The table is read again, and the row says the edit was saved.
    await waitFor(() => api.requests.filter((r) => r.url.pathname === '/api/sources' && r.method === 'GET').length > listed);
    expect(byText(app!.container, '.actions [role="status"]', 'Source saved.')).toBeDefined();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('shows the API\'s field error beside that field and keeps the edit open', async () => {
    patchAnswer = () => ({ status: 400, body: { statusCode: 400, code: 'VALIDATION', message: 'url: must be an http or https URL', field: 'url' } });
    const { panel, patches } = await openEdit();
    const url = control<HTMLInputElement>(panel, 'Feed or page URL');
    await act(async () => typeInto(url, 'https://gazette.example.org/rss'));
    await click(byText<HTMLButtonElement>(panel, 'button', 'Save')!);
    const err = await waitFor(() => panel.querySelector('.field-error'));
    expect(err.textContent).toBe('url: must be an http or https URL');
    expect(err.closest('.field')).toBe(url.closest('.field'));
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')).toBe(err.id);
    expect(panel.isConnected).toBe(true);
    expect(patches().map((r) => r.body)).toEqual([{ url: 'https://gazette.example.org/rss' }]);
  });

  it('lets an edit save a source whose interval is off the minute', async () => {
    const odd = { ...gazette, pollIntervalSeconds: 90 };
    listed = [odd];
    const { panel, patches } = await openEdit();
    expect(control<HTMLInputElement>(panel, 'Poll every').checkValidity()).toBe(true);
    await act(async () => typeInto(control(panel, 'Name'), 'Gazette'));
    await click(byText<HTMLButtonElement>(panel, 'button', 'Save')!);
    await waitFor(() => patches().length > 0);
    expect(patches().map((r) => r.body)).toEqual([{ name: 'Gazette' }]);
  });

  it('closes the edit on Cancel or Escape without sending anything', async () => {
    const { button, panel, patches } = await openEdit();
    await act(async () => typeInto(control(panel, 'Name'), 'Renamed'));
    await click(byText<HTMLButtonElement>(panel, 'button', 'Cancel')!);
    expect(app?.container.querySelector('.source-edit')).toBeNull();
    expect(document.activeElement).toBe(button);

    await click(button);
    const reopened = await waitFor(() => app?.container.querySelector<HTMLElement>('.source-edit'));
    // Opened afresh: what was typed before Cancel is gone.
    expect(control<HTMLInputElement>(reopened, 'Name').value).toBe('Harbour Gazette');
    await act(async () => typeInto(control(reopened, 'Language'), 'de'));
    await act(async () => {
      control(reopened, 'Language').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(app?.container.querySelector('.source-edit')).toBeNull();
    expect(patches()).toEqual([]);
  });

  it('imports an OPML file with progress from the live stream and lists what failed', async () => {
    app = await renderApp('/sources');
    const input = await waitFor(() => app?.container.querySelector<HTMLInputElement>('input[type="file"]'));
    // The progress events only reach a page whose stream is open.
    await waitFor(() => api.streams() > 0 && byText(app!.container, '.live', 'Live'));
    const kind = byText<HTMLLabelElement>(app.container, 'form[aria-label="Import OPML"] label', 'Kind');
    const select = document.getElementById(kind?.htmlFor ?? '') as HTMLSelectElement;
    await act(async () => {
      select.value = 'official';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const file = new File([OPML], 'feeds.opml', { type: 'text/x-opml' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await click(byText<HTMLButtonElement>(app.container, 'button', 'Import OPML')!);

    const result = await waitFor(() => app?.container.querySelector('.opml-result'));
    expect(result.getAttribute('role')).toBe('status');
    expect(result.textContent).toContain('Added 1, skipped 1 already present, 1 failed.');
    expect(result.querySelector('.opml-errors li')?.textContent).toBe('ftp://broken.example.org/feed: only http and https URLs can be polled');
    const post = api.requests.findLast((r) => r.url.pathname === '/api/sources/import-opml');
    expect(post?.body).toEqual({ opml: OPML, kind: 'official' });
    await waitFor(() => byText(app!.container, '.opml-progress', '3 of 3 feeds'));
    const bar = app.container.querySelector<HTMLProgressElement>('.opml-progress progress')!;
    expect([bar.value, bar.max]).toEqual([3, 3]);
    expect(bar.getAttribute('aria-label')).toBe('Import progress');
  });

  it('exports OPML through an authorised fetch, handed to the browser as a file', async () => {
    const saved: Blob[] = [];
    const downloads: string[] = [];
    // jsdom has no object URLs nor downloads: these stand in for the browser's own.
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:opml';
    };
    URL.revokeObjectURL = () => undefined;
    const onClick = (e: Event) => {
      if (e.target instanceof HTMLAnchorElement && e.target.href === 'blob:opml') {
        downloads.push(e.target.download);
        e.preventDefault();
      }
    };
    document.addEventListener('click', onClick);
    try {
      app = await renderApp('/sources');
      await click(await waitFor(() => byText<HTMLButtonElement>(app!.container, 'button', 'Export OPML')));
      await waitFor(() => downloads.length > 0);
      expect(downloads).toEqual(['parallax-sources.opml']);
      expect(await saved[0]?.text()).toBe(OPML);
      expect(api.requests.findLast((r) => r.url.pathname === '/api/sources/export.opml')?.headers.authorization).toBe('Bearer test-token');
    } finally {
      document.removeEventListener('click', onClick);
    }
  });
});
