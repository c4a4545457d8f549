import Database from 'better-sqlite3';
import { DomainError, type FacetBucket, type SearchDocument, type SearchHit, type SearchRequest, type SearchResponse } from '@parallax/domain';
import { analyseTerms, bindQuery, highlightSnippet, outletKey, parseQuery, plainSnippet, type BoundQuery, type EntityResolver } from '@parallax/query';
import { bucketKey, bucketSizeFor, fillHistogram } from '../date-histogram.js';
import type { SearchIndex } from '../search-index.port.js';
import { checkSearchRequest, normalisePublishedAt, type TimeRange } from '../search-request.js';
import { ALL_DOCS_TOKEN, compileMatch, metaToken } from './fts-match-compiler.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './sqlite-fts.schema.js';

export interface SqliteFtsIndexOptions {
  /** The index's own database file (e.g. `data/search.db`), or `:memory:`. */
  path: string;
  /** Resolves `entity:Name` in queries to QIDs (the gazetteer's lookup). */
  resolveEntity?: EntityResolver;
  /** Buckets per facet. */
  facetSize?: number;
  /**
   * Facets and the histogram are computed over at most this many matching documents (the newest),
   * so a query matching a million items stays fast; above it they describe the newest matches
   * only (`total` stays exact). Measured: reading matched rows into the facet pass costs about
   * 2–5 µs a row, so 20,000 rows is 40–100 ms and 100,000 rows 0.5–1.2 s.
   */
  facetSampleLimit?: number;
}

/** bm25 column weights: title, body, meta. A title match counts four times a body match. */
const BM25_WEIGHTS = '4.0, 1.0, 0.0';

interface DocRow {
  id: number;
  doc: string;
}

interface Where {
  sql: string;
  params: unknown[];
}

/** The embedded search engine: SQLite FTS5 in its own file, behind the SearchIndex port. */
export class SqliteFtsIndex implements SearchIndex {
  private readonly db: Database.Database;
  private readonly facetSize: number;
  private readonly facetSampleLimit: number;
  private closed = false;

  constructor(private readonly options: SqliteFtsIndexOptions) {
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // The API and a CLI reindex may write the same file; wait for the other writer, do not fail.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA_SQL);
    this.db.prepare('INSERT OR IGNORE INTO search_meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    this.facetSize = Math.max(1, Math.floor(options.facetSize ?? 20));
    this.facetSampleLimit = Math.max(1, Math.floor(options.facetSampleLimit ?? 20_000));
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    this.ensureOpen();
    const rows = docs.map((d) => {
      if (!Number.isSafeInteger(d.id) || d.id <= 0) throw new DomainError('VALIDATION', `document id must be a positive integer, got ${String(d.id)}`, { field: 'id' });
      return { doc: d, publishedAt: normalisePublishedAt(d.publishedAt, d.id) };
    });
    const deleteFts = this.db.prepare('DELETE FROM search_fts WHERE rowid = ?');
    const deleteEntities = this.db.prepare('DELETE FROM search_doc_entity WHERE doc_id = ?');
    const putDoc = this.db.prepare(
      'INSERT OR REPLACE INTO search_doc (id, published_at, outlet, outlet_key, language, kind, source_id, entity_qids) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const putSource = this.db.prepare('INSERT OR REPLACE INTO search_doc_source (id, doc) VALUES (?, ?)');
    const putEntity = this.db.prepare('INSERT OR IGNORE INTO search_doc_entity (qid, doc_id, name) VALUES (?, ?, ?)');
    const nameEntity = this.db.prepare('INSERT INTO search_entity (qid, name) VALUES (?, ?) ON CONFLICT (qid) DO UPDATE SET name = excluded.name');
    const putFts = this.db.prepare('INSERT INTO search_fts (rowid, title, body, meta) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const { doc, publishedAt } of rows) {
        const language = primaryLanguage(doc.language);
        deleteFts.run(doc.id);
        deleteEntities.run(doc.id);
        const qids = [...new Set(doc.entities.map((e) => e.qid.toUpperCase()))];
        putDoc.run(doc.id, publishedAt, doc.outlet, outletKey(doc.outlet), language, doc.kind, doc.sourceId, qids.join(' '));
        putSource.run(doc.id, JSON.stringify({ ...doc, publishedAt }));
        for (const e of doc.entities) {
          putEntity.run(e.qid.toUpperCase(), doc.id, e.name);
          nameEntity.run(e.qid.toUpperCase(), e.name);
        }
        const meta = [
          ALL_DOCS_TOKEN,
          ...doc.entities.map((e) => metaToken('entity', e.qid)),
          metaToken('outlet', outletKey(doc.outlet)),
          metaToken('lang', language),
          metaToken('kind', doc.kind),
          metaToken('source', String(doc.sourceId)),
        ];
        const body = [...analyseTerms(doc.summary), ...analyseTerms(doc.content)];
        putFts.run(doc.id, analyseTerms(doc.title).join(' '), body.join(' '), meta.join(' '));
      }
    })();
  }

  async remove(ids: number[]): Promise<void> {
    this.ensureOpen();
    const statements = [
      'DELETE FROM search_fts WHERE rowid = ?',
      'DELETE FROM search_doc_entity WHERE doc_id = ?',
      'DELETE FROM search_doc WHERE id = ?',
      'DELETE FROM search_doc_source WHERE id = ?',
    ].map((sql) => this.db.prepare(sql));
    this.db.transaction(() => {
      for (const id of ids) for (const s of statements) s.run(id);
    })();
  }

  async search(req: SearchRequest): Promise<SearchResponse> {
    this.ensureOpen();
    const range = checkSearchRequest(req);
    const bound = bindQuery(parseQuery(req.q ?? '', { resolveEntity: this.options.resolveEntity }));
    const match = compileMatch(bound);
    const filters = this.filters(req, range);
    try {
      return this.run(req, range, bound, match, filters);
    } catch (e) {
      // Last line of defence: the compiler quotes everything, but an FTS5 complaint must still
      // reach the analyst as a 400 about the query, not as a 500.
      if (e instanceof Database.SqliteError && /fts5/i.test(e.message)) {
        throw new DomainError('QUERY_SYNTAX', 'the query could not be run', { field: 'q', position: 0, expected: 'a simpler query' });
      }
      throw e;
    }
  }

  async count(): Promise<number> {
    this.ensureOpen();
    return (this.db.prepare('SELECT count(*) AS n FROM search_doc').get() as { n: number }).n;
  }

  async clear(): Promise<void> {
    this.ensureOpen();
    this.db.transaction(() => {
      this.db.exec("DELETE FROM search_doc; DELETE FROM search_doc_source; DELETE FROM search_doc_entity; DELETE FROM search_entity; INSERT INTO search_fts (search_fts) VALUES ('delete-all');");
    })();
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    if (this.closed) return { ok: false, detail: 'index closed' };
    try {
      this.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 1').get(`meta : "${ALL_DOCS_TOKEN}"`);
      const n = (this.db.prepare('SELECT count(*) AS n FROM search_doc').get() as { n: number }).n;
      return { ok: true, detail: `sqlite-fts, ${n} documents` };
    } catch (e) {
      return { ok: false, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private run(req: SearchRequest, range: TimeRange, bound: BoundQuery, match: string | null, filters: Where): SearchResponse {
    const filtered = filters.params.length > 0;
    const where = match
      ? { sql: `d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?) AND ${filters.sql}`, params: [match, ...filters.params] }
      : filters;
    // Without request filters the FTS table alone answers count and ranking, with no join (measured
    // at 100k documents: 17 ms instead of 130 ms for a count of 50k matches).
    const total = match && !filtered ? this.scalar('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?', [match]) : this.scalar(`SELECT count(*) AS n FROM search_doc d WHERE ${where.sql}`, where.params);
    const ids = req.limit === 0 || req.offset >= total ? [] : this.pageIds(req, match, filtered, filters, where);
    const hits = this.loadHits(ids, bound);
    if (req.facets === false || total === 0) return { total, hits, facets: { entity: [], outlet: [], language: [], kind: [] }, histogram: [] };
    return { total, hits, ...this.facetsAndHistogram(where, range, total) };
  }

  private pageIds(req: SearchRequest, match: string | null, filtered: boolean, filters: Where, where: Where): number[] {
    if (match && req.sort === 'relevance') {
      const sql = filtered
        ? `SELECT d.id FROM search_fts f JOIN search_doc d ON d.id = f.rowid WHERE search_fts MATCH ? AND ${filters.sql}
           ORDER BY bm25(search_fts, ${BM25_WEIGHTS}), d.published_at DESC, d.id DESC LIMIT ? OFFSET ?`
        : `SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, ${BM25_WEIGHTS}), rowid DESC LIMIT ? OFFSET ?`;
      return (this.db.prepare(sql).all(match, ...filters.params, req.limit, req.offset) as { id: number }[]).map((r) => r.id);
    }
    // Newest first walks the published_at index and tests each row against the MATCH set, instead
    // of ranking every match: the page is found after LIMIT + OFFSET hits.
    const sql = `SELECT d.id FROM search_doc d WHERE ${where.sql} ORDER BY d.published_at DESC, d.id DESC LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...where.params, req.limit, req.offset) as { id: number }[]).map((r) => r.id);
  }

  private scalar(sql: string, params: unknown[]): number {
    return (this.db.prepare(sql).get(...params) as { n: number }).n;
  }

  private filters(req: SearchRequest, range: TimeRange): Where {
    const clauses: string[] = [];
    const params: unknown[] = [];
    // Several entities: items about all of them (China and Russia), as an analyst narrows down.
    for (const qid of new Set((req.entity ?? []).map((q) => q.toUpperCase()))) {
      clauses.push('d.id IN (SELECT doc_id FROM search_doc_entity WHERE qid = ?)');
      params.push(qid);
    }
    // Several outlets, languages or kinds: items from any of them (an item has one of each).
    const anyOf = (column: string, values: string[] | undefined): void => {
      if (!values || values.length === 0) return;
      clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    anyOf('d.outlet_key', req.outlet?.map(outletKey));
    anyOf('d.language', req.lang?.map(primaryLanguage));
    anyOf('d.kind', req.kind);
    if (range.from) {
      clauses.push('d.published_at >= ?');
      params.push(range.from);
    }
    if (range.to) {
      clauses.push('d.published_at <= ?');
      params.push(range.to);
    }
    return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
  }

  private loadHits(ids: number[], bound: BoundQuery): SearchHit[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`SELECT id, doc FROM search_doc_source WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as DocRow[];
    const byId = new Map(rows.map((r) => [r.id, JSON.parse(r.doc) as SearchDocument]));
    return ids.flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [toHit(doc, bound)] : [];
    });
  }

  /**
   * One scan of the matching rows (the newest `facetSampleLimit` when there are more) gives every
   * facet and the histogram: evaluating the MATCH once instead of once per facet.
   */
  private facetsAndHistogram(where: Where, range: TimeRange, total: number): Pick<SearchResponse, 'facets' | 'histogram'> {
    const sample = total > this.facetSampleLimit ? `ORDER BY d.published_at DESC LIMIT ${this.facetSampleLimit}` : '';
    const rows = this.db
      .prepare(`SELECT d.outlet_key, d.outlet, d.language, d.kind, d.published_at, d.entity_qids FROM search_doc d WHERE ${where.sql} ${sample}`)
      .raw()
      .all(...where.params) as [string, string, string, string, string, string][];
    const outlets = new Map<string, { label: string; count: number }>();
    const languages = new Map<string, number>();
    const kinds = new Map<string, number>();
    const entities = new Map<string, number>();
    let first = '';
    let last = '';
    for (const [key, outlet, language, kind, publishedAt, qids] of rows) {
      const o = outlets.get(key);
      if (o) o.count++;
      else outlets.set(key, { label: outlet, count: 1 });
      languages.set(language, (languages.get(language) ?? 0) + 1);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (qids) for (const qid of qids.split(' ')) entities.set(qid, (entities.get(qid) ?? 0) + 1);
      if (!first || publishedAt < first) first = publishedAt;
      if (publishedAt > last) last = publishedAt;
    }
    const top = <T>(entries: Iterable<[string, T]>, count: (t: T) => number, label: (v: string, t: T) => string): FacetBucket[] =>
      [...entries]
        .map(([value, t]) => ({ value: label(value, t), label: label(value, t), count: count(t) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, this.facetSize);
    const entityTop = top(entities, (n) => n, (v) => v);
    const names = this.entityNames(entityTop.map((b) => b.value));
    const facets = {
      entity: entityTop.map((b) => ({ ...b, label: names.get(b.value) ?? b.value })),
      outlet: top(outlets, (o) => o.count, (_v, o) => o.label),
      language: top(languages, (n) => n, (v) => v),
      kind: top(kinds, (n) => n, (v) => v),
    };
    const from = range.from ?? first;
    const to = range.to ?? last;
    const size = bucketSizeFor(from, to);
    const counts = new Map<string, number>();
    for (const row of rows) {
      const k = bucketKey(row[4], size);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return { facets, histogram: fillHistogram(counts, from, to, size) };
  }

  private entityNames(qids: string[]): Map<string, string> {
    if (qids.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT qid, name FROM search_entity WHERE qid IN (${qids.map(() => '?').join(', ')})`)
      .all(...qids) as { qid: string; name: string }[];
    return new Map(rows.map((r) => [r.qid, r.name]));
  }

  private ensureOpen(): void {
    if (this.closed) throw new DomainError('UNAVAILABLE', 'search index is closed');
  }
}

function primaryLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase() || 'und';
}

function toHit(doc: SearchDocument, bound: BoundQuery): SearchHit {
  const snippet =
    (doc.summary && highlightSnippet(doc.summary, bound)) ||
    (doc.content && highlightSnippet(doc.content, bound)) ||
    plainSnippet(doc.summary ?? doc.content ?? doc.title);
  return {
    id: doc.id,
    title: doc.title,
    url: doc.url,
    outlet: doc.outlet,
    sourceId: doc.sourceId,
    kind: doc.kind,
    language: doc.language,
    publishedAt: doc.publishedAt,
    entities: doc.entities,
    denial: doc.denial,
    mentionsDenial: doc.mentionsDenial,
    storyId: doc.storyId,
    duplicateOf: doc.duplicateOf,
    snippet,
  };
}
