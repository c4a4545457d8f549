import type { EntityRef, Enrichment, Item, NormalisedItem, SearchDocument, SourceKind } from '@parallax/domain';
import { DomainError } from '@parallax/domain';
import type { Db } from './database.js';
import { inOrderOf } from './in-order.js';
import { PreparedStatements } from './prepared-statements.js';
import { OUTBOX_INDEX_TOPIC, OUTBOX_MATCH_TOPIC } from './outbox.repository.js';
import { OUTBOX_STORY_TOPIC } from './story.repository.js';

/** An item ready to store: normalised, enriched, hashed; `duplicateOf` set by near-duplicate detection. */
export interface NewItem extends NormalisedItem, Enrichment {
  sourceId: number;
  fetchedAt: string;
  contentHash: string;
  simhash: string;
  duplicateOf: number | null;
  /** The terms story clustering compares (libs/pipeline storyTerms), when computed with the enrichment. */
  storyTerms?: string[];
}

export type InsertOutcome = { status: 'new'; id: number } | { status: 'duplicate'; existingId: number; reason: 'guid' | 'url' | 'content' };

interface ItemRow {
  id: number;
  source_id: number;
  guid: string;
  url: string | null;
  title: string;
  summary: string | null;
  content_text: string | null;
  content_html: string | null;
  author: string | null;
  published_at: string | null;
  fetched_at: string;
  sort_at: string;
  language: string;
  entities_json: string;
  denial: number;
  mentions_denial: number;
  content_hash: string;
  simhash: string;
  duplicate_of: number | null;
  story_id: number | null;
  outlet: string;
  kind: SourceKind;
}

type DocumentRow = Pick<
  ItemRow,
  'id' | 'source_id' | 'title' | 'summary' | 'content_text' | 'url' | 'outlet' | 'kind' | 'language' | 'sort_at' | 'entities_json' | 'denial' | 'mentions_denial' | 'story_id' | 'duplicate_of'
>;

const SELECT = 'SELECT i.*, s.name AS outlet, s.kind AS kind FROM items i JOIN sources s ON s.id = i.source_id';

export class ItemRepository {
  private readonly sql: PreparedStatements;

  constructor(private readonly db: Db) {
    this.sql = new PreparedStatements(db);
  }

  /**
   * Stores an item unless the source already has it, and queues it for indexing, in one transaction: a
   * crash leaves either both or neither, so nothing is lost and nothing is indexed twice.
   * Re-polls are recognised by guid, by canonical URL and by content hash within the same source.
   */
  insertIfNew(item: NewItem): InsertOutcome {
    return this.db.transaction((): InsertOutcome => {
      const same = this.findExisting(item);
      if (same) return { status: 'duplicate', ...same };
      const sortAt = sortAtOf(item);
      const r = this.sql
        .write(
          `INSERT INTO items (source_id, guid, url, title, summary, content_text, content_html, author, published_at, fetched_at, sort_at,
             language, entities_json, denial, mentions_denial, content_hash, simhash, duplicate_of, story_terms_json)
           VALUES (@sourceId, @guid, @url, @title, @summary, @contentText, @contentHtml, @author, @publishedAt, @fetchedAt, @sortAt,
             @language, @entities, @denial, @mentionsDenial, @contentHash, @simhash, @duplicateOf, @storyTerms)`,
        )
        .run({
          sourceId: item.sourceId,
          guid: item.guid,
          url: item.url,
          title: item.title,
          summary: item.summary,
          contentText: item.contentText,
          contentHtml: item.contentHtml,
          author: item.author,
          publishedAt: item.publishedAt,
          fetchedAt: item.fetchedAt,
          sortAt,
          language: item.language,
          entities: JSON.stringify(item.entities),
          denial: item.denial ? 1 : 0,
          mentionsDenial: item.mentionsDenial ? 1 : 0,
          contentHash: item.contentHash,
          simhash: item.simhash,
          duplicateOf: item.duplicateOf,
          storyTerms: item.storyTerms ? JSON.stringify([...new Set(item.storyTerms)]) : null,
        });
      const id = Number(r.lastInsertRowid);
      this.writeEntities(id, item.entities);
      const enqueue = this.sql.write('INSERT INTO outbox (topic, ref_id, created_at, available_at) VALUES (?, ?, ?, ?)');
      enqueue.run(OUTBOX_INDEX_TOPIC, id, item.fetchedAt, item.fetchedAt);
      // Alert matching is queued with the item: a crash after the commit still gets it matched.
      enqueue.run(OUTBOX_MATCH_TOPIC, id, item.fetchedAt, item.fetchedAt);
      // Story clustering too (libs/pipeline StoryAssigner), so a crash never leaves an item without a story.
      enqueue.run(OUTBOX_STORY_TOPIC, id, item.fetchedAt, item.fetchedAt);
      return { status: 'new', id };
    })();
  }

  private findExisting(item: NewItem): { existingId: number; reason: 'guid' | 'url' | 'content' } | null {
    const byGuid = this.sql.column('SELECT id FROM items WHERE source_id = ? AND guid = ?').get(item.sourceId, item.guid) as number | undefined;
    if (byGuid !== undefined) return { existingId: byGuid, reason: 'guid' };
    if (item.url) {
      const byUrl = this.sql.column('SELECT id FROM items WHERE url = ? AND source_id = ?').get(item.url, item.sourceId) as number | undefined;
      if (byUrl !== undefined) return { existingId: byUrl, reason: 'url' };
    }
    const byHash = this.sql.column('SELECT id FROM items WHERE content_hash = ? AND source_id = ?').get(item.contentHash, item.sourceId) as number | undefined;
    if (byHash !== undefined) return { existingId: byHash, reason: 'content' };
    return null;
  }

  /**
   * The guids among `guids` that the source already holds: a re-poll's entries are mostly known, and
   * recognising them before enrichment spares the costly part of ingest (insertIfNew still checks).
   */
  /** The guids of the source's latest `limit` items, by their time (what its feed most likely still carries). */
  latestGuids(sourceId: number, limit: number): string[] {
    return this.sql.column('SELECT guid FROM items WHERE source_id = ? ORDER BY sort_at DESC LIMIT ?').all(sourceId, limit) as string[];
  }

  knownGuids(sourceId: number, guids: string[]): Set<string> {
    if (guids.length === 0) return new Set();
    const rows = this.sql.column('SELECT guid FROM items WHERE source_id = ? AND guid IN (SELECT value FROM json_each(?))').all(sourceId, JSON.stringify(guids)) as string[];
    return new Set(rows);
  }

  /** Runs `fn` in one transaction (nested calls become savepoints): a poll stores its new items together. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** The earliest item in another source with the same canonical URL or the same text: a syndicated copy's original. */
  findOriginal(item: Pick<NewItem, 'url' | 'contentHash' | 'sourceId'>): number | null {
    const id = this.sql
      .column('SELECT id FROM items WHERE source_id <> @sourceId AND (content_hash = @hash OR (@url IS NOT NULL AND url = @url)) ORDER BY id LIMIT 1')
      .get({ sourceId: item.sourceId, hash: item.contentHash, url: item.url }) as number | undefined;
    return id ?? null;
  }

  get(id: number): Item {
    const row = this.sql.rows(`${SELECT} WHERE i.id = ?`).get(id) as ItemRow | undefined;
    if (!row) throw new DomainError('NOT_FOUND', `item ${id} does not exist`, { field: 'id' });
    return toItem(row);
  }

  getMany(ids: number[]): Item[] {
    if (ids.length === 0) return [];
    const rows = this.sql.rows(`${SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ItemRow[];
    return inOrderOf(ids, rows, toItem);
  }

  /**
   * The items of `ids` as the search index and the alert rules read them, in that order (absent:
   * deleted). Only the columns a document has: the index feeder and the alert matcher read every new
   * item, and `getMany` also materialised its HTML and clustering terms, a few kilobytes an item.
   */
  searchDocuments(ids: number[]): SearchDocument[] {
    if (ids.length === 0) return [];
    const rows = this.sql
      .rows(
        `SELECT i.id, i.source_id, i.title, i.summary, i.content_text, i.url, s.name AS outlet, s.kind AS kind, i.language, i.sort_at,
           i.entities_json, i.denial, i.mentions_denial, i.story_id, i.duplicate_of
         FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as DocumentRow[];
    return inOrderOf(ids, rows, toDocument);
  }

  /** Which of `ids` no item holds (deleted, or never stored). */
  missingIds(ids: number[]): number[] {
    if (ids.length === 0) return [];
    const present = new Set(this.sql.column('SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as number[]);
    return ids.filter((id) => !present.has(id));
  }

  /**
   * Simhashes of items fetched since `since`, oldest first, to seed the in-memory near-duplicate index at
   * start-up. In the order of the `items_fetched` index: a tie-break by id made SQLite sort every row.
   */
  recentSimhashes(since: string): { id: number; simhash: string; sourceId: number; fetchedAt: string }[] {
    return this.db
      .prepare('SELECT id, simhash, source_id AS sourceId, fetched_at AS fetchedAt FROM items WHERE fetched_at >= ? AND duplicate_of IS NULL ORDER BY fetched_at')
      .all(since) as { id: number; simhash: string; sourceId: number; fetchedAt: string }[];
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;
  }

  /** Walks every item in id order, `batch` at a time: for reindexing and re-tagging with bounded memory. */
  *iterate(batch = 500): Generator<Item[]> {
    let after = 0;
    const stmt = this.db.prepare(`${SELECT} WHERE i.id > ? ORDER BY i.id LIMIT ?`);
    for (;;) {
      const rows = stmt.all(after, batch) as ItemRow[];
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.id;
      yield rows.map(toItem);
    }
  }

  /** Replaces an item's enrichment (re-tagging) and queues it for re-indexing. */
  updateEnrichment(id: number, e: Enrichment, now = new Date()): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE items SET language = ?, entities_json = ?, denial = ?, mentions_denial = ? WHERE id = ?')
        .run(e.language, JSON.stringify(e.entities), e.denial ? 1 : 0, e.mentionsDenial ? 1 : 0, id);
      this.db.prepare('DELETE FROM item_entities WHERE item_id = ?').run(id);
      this.writeEntities(id, e.entities);
      this.db.prepare('INSERT INTO outbox (topic, ref_id, created_at, available_at) VALUES (?, ?, ?, ?)').run(OUTBOX_INDEX_TOPIC, id, now.toISOString(), now.toISOString());
    })();
  }

  private writeEntities(id: number, entities: EntityRef[]): void {
    const stmt = this.sql.write('INSERT OR IGNORE INTO item_entities (item_id, qid) VALUES (?, ?)');
    for (const e of entities) stmt.run(id, e.qid);
  }
}

/**
 * As {@link toSearchDocument} makes it of the item the row belongs to, from a document's columns only:
 * going through {@link toItem} (the HTML read as null) took 11–20 µs an item against 8–9 (100,000-item
 * store, in one process).
 */
function toDocument(r: DocumentRow): SearchDocument {
  return {
    id: r.id,
    sourceId: r.source_id,
    title: r.title,
    summary: r.summary,
    content: r.content_text,
    url: r.url,
    outlet: r.outlet,
    kind: r.kind,
    language: r.language,
    publishedAt: r.sort_at,
    entities: JSON.parse(r.entities_json) as EntityRef[],
    denial: r.denial === 1,
    mentionsDenial: r.mentions_denial === 1,
    storyId: r.story_id,
    duplicateOf: r.duplicate_of,
  };
}

export function toSearchDocument(item: Item): SearchDocument {
  return {
    id: item.id,
    sourceId: item.sourceId,
    title: item.title,
    summary: item.summary,
    content: item.contentText,
    url: item.url,
    outlet: item.outlet,
    kind: item.kind,
    language: item.language,
    publishedAt: item.sortAt,
    entities: item.entities,
    denial: item.denial,
    mentionsDenial: item.mentionsDenial,
    storyId: item.storyId,
    duplicateOf: item.duplicateOf,
  };
}

/** An item's effective time: its publication, unless missing or in the future of its fetch. */
function sortAtOf(item: Pick<NewItem, 'publishedAt' | 'fetchedAt'>): string {
  return item.publishedAt && item.publishedAt <= item.fetchedAt ? item.publishedAt : item.fetchedAt;
}

/**
 * The item `insertIfNew` just stored as `id`, as `get` would read it back, from what was written and
 * the source's name and kind: a poll stores thousands of items, and reading each back cost a join and
 * a JSON parse.
 */
export function storedItem(id: number, item: NewItem, source: { name: string; kind: SourceKind }): Item {
  return {
    id,
    sourceId: item.sourceId,
    outlet: source.name,
    kind: source.kind,
    guid: item.guid,
    url: item.url,
    title: item.title,
    summary: item.summary,
    contentText: item.contentText,
    contentHtml: item.contentHtml,
    author: item.author,
    publishedAt: item.publishedAt,
    fetchedAt: item.fetchedAt,
    sortAt: sortAtOf(item),
    language: item.language,
    entities: item.entities,
    denial: item.denial,
    mentionsDenial: item.mentionsDenial,
    contentHash: item.contentHash,
    simhash: item.simhash,
    duplicateOf: item.duplicateOf,
    storyId: null,
  };
}

function toItem(r: ItemRow): Item {
  return {
    id: r.id,
    sourceId: r.source_id,
    outlet: r.outlet,
    kind: r.kind,
    guid: r.guid,
    url: r.url,
    title: r.title,
    summary: r.summary,
    contentText: r.content_text,
    contentHtml: r.content_html,
    author: r.author,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    sortAt: r.sort_at,
    language: r.language,
    entities: JSON.parse(r.entities_json) as EntityRef[],
    denial: r.denial === 1,
    mentionsDenial: r.mentions_denial === 1,
    contentHash: r.content_hash,
    simhash: r.simhash,
    duplicateOf: r.duplicate_of,
    storyId: r.story_id,
  };
}
