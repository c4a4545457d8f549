/**
 * The embedded index's own tables, in its own SQLite file (the store's database is separate: the
 * index is a rebuildable copy fed from the outbox).
 *
 * - `search_doc`: one narrow row per document, rowid = item id: the filter columns, indexed together
 *   with `published_at` so "newest first within a filter" walks an index instead of sorting, and
 *   the entity QIDs, so one scan of the matches yields every facet. Kept narrow on purpose: with
 *   the document inline, rows spill to overflow pages and a facet scan of 100k rows took 0.6 s.
 * - `search_doc_source`: the document itself (JSON), read for the page of hits only.
 * - `search_entity`: the latest name seen for each QID, the entity facet's labels.
 * - `search_doc_entity`: entity QIDs per document, keyed by QID for filters and by document for
 *   facets, with the document's published_at (schema 2) so "this entity in this date range, newest
 *   first" is one index range (`search_doc_entity_published`).
 * - `search_fts`: FTS5 over pre-analysed text. Contentless (the text is already in `search_doc`),
 *   with contentless_delete so rows can be replaced (SQLite ≥ 3.43). The `ascii` tokenizer splits
 *   on ASCII spaces and punctuation only, so our analyser's tokens (any script) pass through whole;
 *   `_` is a token character for the meta tokens.
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_doc (
  id INTEGER PRIMARY KEY,
  published_at TEXT NOT NULL,
  outlet TEXT NOT NULL,
  outlet_key TEXT NOT NULL,
  language TEXT NOT NULL,
  kind TEXT NOT NULL,
  source_id INTEGER NOT NULL,
  entity_qids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS search_doc_source (id INTEGER PRIMARY KEY, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS search_doc_published ON search_doc (published_at, id);
CREATE INDEX IF NOT EXISTS search_doc_outlet ON search_doc (outlet_key, published_at);
CREATE INDEX IF NOT EXISTS search_doc_language ON search_doc (language, published_at);
CREATE INDEX IF NOT EXISTS search_doc_kind ON search_doc (kind, published_at);
CREATE TABLE IF NOT EXISTS search_doc_entity (
  qid TEXT NOT NULL,
  doc_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  published_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (qid, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_doc_entity_doc ON search_doc_entity (doc_id, qid);
CREATE TABLE IF NOT EXISTS search_entity (qid TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  title, body, meta,
  content = '', contentless_delete = 1,
  tokenize = "ascii tokenchars '_'"
);
`;

/**
 * Brings an index file written by schema 1 up to schema 2 (published_at on the entity rows, filled
 * from search_doc), then creates the index that needs the column. Idempotent; run after SCHEMA_SQL.
 */
export function migrateSchema(db: { prepare(sql: string): { pluck(): { all(): unknown[] } }; exec(sql: string): unknown; transaction<T>(fn: () => T): () => T }): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('search_doc_entity')").pluck().all();
  if (!columns.includes('published_at')) {
    db.transaction(() => {
      db.exec("ALTER TABLE search_doc_entity ADD COLUMN published_at TEXT NOT NULL DEFAULT ''");
      db.exec("UPDATE search_doc_entity SET published_at = COALESCE((SELECT published_at FROM search_doc WHERE id = doc_id), '')");
    })();
  }
  db.exec('CREATE INDEX IF NOT EXISTS search_doc_entity_published ON search_doc_entity (qid, published_at, doc_id)');
}
