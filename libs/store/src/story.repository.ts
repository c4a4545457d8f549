import type { EntityRef, Item, SourceKind, StoryItemRef, StoryOverview } from '@parallax/domain';
import { DomainError } from '@parallax/domain';
import type { Db } from './database.js';
import { inOrderOf } from './in-order.js';
import { PreparedStatements } from './prepared-statements.js';
import { OUTBOX_INDEX_TOPIC } from './outbox.repository.js';

/** Outbox topic: the new item `ref_id` must be placed in a story (libs/pipeline StoryAssigner). */
export const OUTBOX_STORY_TOPIC = 'story';

/** The `settings` key holding the number of documents behind `term_stats`. */
const STATS_DOCUMENTS = 'term_stats.documents';

/** What clustering needs of one stored item (libs/enrich StoryCandidate, plus what denial linking reads). */
export interface StoryItemRow {
  id: number;
  storyId: number | null;
  sourceId: number;
  outlet: string;
  kind: SourceKind;
  language: string;
  publishedAt: string;
  entities: string[];
  terms: string[];
  denial: boolean;
  mentionsDenial: boolean;
}

/** An item as placing it in a story reads it: the clustering row with the headline and standfirst its terms come from. */
export type PlacementRow = StoryItemRow & { title: string; summary: string | null };

/** An item with its whole text, for the denying passage of a statement. */
export type StoryItemText = PlacementRow & { contentText: string | null };

/** A story as denial linking sees it: its claim items (official denials left out) summarised. */
export interface StoryProfileRow {
  storyId: number;
  firstReportedAt: string;
  lastAt: string;
  items: number;
  entityCounts: Map<string, number>;
  termCounts: Map<string, number>;
  outlets: string[];
}

export interface DenialLinkRow {
  denialId: number;
  storyId: number;
  score: number;
  reasons: string[];
}

export interface StoryListFilter {
  /** Only these stories (the ids of a query's hits); undefined: all. */
  ids?: number[];
  /** Stories with an item naming one of these QIDs. */
  entities?: string[];
  /** ISO 8601: stories overlapping [from, to]. */
  from?: string;
  to?: string;
  minItems: number;
  limit: number;
  offset: number;
}

interface ItemRefRow {
  id: number;
  title: string;
  url: string | null;
  outlet: string;
  source_id: number;
  kind: SourceKind;
  language: string;
  sort_at: string;
  denial: number;
  mentions_denial: number;
  duplicate_of: number | null;
}

const ITEM_REF = `SELECT i.id, i.title, i.url, s.name AS outlet, i.source_id, s.kind, i.language, i.sort_at, i.denial, i.mentions_denial, i.duplicate_of
  FROM items i JOIN sources s ON s.id = i.source_id`;

/** The columns of a {@link CandidateRow}, over `items i JOIN sources s`. */
const CANDIDATE_COLUMNS = 'i.id, i.story_id, i.source_id, s.name AS outlet, s.kind, i.language, i.sort_at, i.entities_json, i.story_terms_json, i.denial, i.mentions_denial';

const json = (v: unknown): string => JSON.stringify(v);

/** Term frequencies counted by batches of placed items and not yet folded into `term_stats`. */
export interface UnfoldedStats {
  documents: number;
  counts: Map<string, number>;
  /** The id of the last batch counted (null: none). */
  lastBatch: number | null;
}

/** Stories, denial links and the clustering state (analysed terms per item, term frequencies). */
export class StoryRepository {
  private readonly sql: PreparedStatements;

  constructor(private readonly db: Db) {
    this.sql = new PreparedStatements(db);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Document frequencies and document count of the clustered items, as TermStats JSON parts. */
  termStats(unfolded: UnfoldedStats = this.unfoldedTotals()): { documents: number; frequencies: Record<string, number> } {
    const frequencies: Record<string, number> = {};
    for (const r of this.db.prepare('SELECT key, df FROM term_stats').iterate() as IterableIterator<{ key: string; df: number }>) frequencies[r.key] = r.df;
    // Batches counted since the last fold.
    for (const [key, n] of unfolded.counts) frequencies[key] = (frequencies[key] ?? 0) + n;
    return { documents: Number(this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(STATS_DOCUMENTS) ?? 0) + unfolded.documents, frequencies };
  }

  /**
   * Counts a batch of placed items: `documents` documents and, for each key, how many of them hold it.
   * The batch is one row of `term_stats_delta`, folded later ({@link foldStats}). Returns the batch's
   * id (null for no documents), so that the caller can keep the unfolded totals without reading them back.
   */
  addCounts(documents: number, counts: readonly (readonly [string, number])[]): number | null {
    if (documents === 0) return null;
    const r = this.sql.write('INSERT INTO term_stats_delta (documents, counts_json) VALUES (?, ?)').run(documents, json(counts));
    return Number(r.lastInsertRowid);
  }

  /**
   * Folds the batches' counts into `term_stats`, in one transaction: each key once, however many
   * batches counted it. The caller may pass the totals it kept ({@link addCounts}, {@link unfoldedTotals}):
   * reading them back means parsing every batch's counts, which costs ten times the writing.
   */
  foldStats(unfolded: UnfoldedStats = this.unfoldedTotals()): void {
    if (unfolded.lastBatch === null) return;
    const { documents, counts, lastBatch } = unfolded;
    this.transaction(() => {
      // One statement for all keys (json_each) instead of one call per key; `WHERE true` lets SQLite parse
      // the upsert after a SELECT (its documented parsing ambiguity).
      this.sql
        .write(
          `INSERT INTO term_stats (key, df) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true
           ON CONFLICT (key) DO UPDATE SET df = df + excluded.df`,
        )
        .run(json([...counts]));
      this.sql
        .write(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER)`)
        .run(STATS_DOCUMENTS, String(documents));
      // Batches counted after the totals were taken stay for the next fold.
      this.sql.write('DELETE FROM term_stats_delta WHERE id <= ?').run(lastBatch);
    });
  }

  /** The batches not yet folded, summed: documents, each key's count, and the last batch's id. */
  unfoldedTotals(): UnfoldedStats {
    const totals: UnfoldedStats = { documents: 0, counts: new Map(), lastBatch: null };
    for (const r of this.db.prepare('SELECT id, documents, counts_json FROM term_stats_delta ORDER BY id').iterate() as IterableIterator<{ id: number; documents: number; counts_json: string }>) {
      totals.documents += r.documents;
      for (const [key, n] of JSON.parse(r.counts_json) as [string, number][]) totals.counts.set(key, (totals.counts.get(key) ?? 0) + n);
      totals.lastBatch = r.id;
    }
    return totals;
  }

  /** Replaces the frequencies as a whole (re-clustering). */
  replaceStats(documents: number, frequencies: Record<string, number>): void {
    this.db.prepare('DELETE FROM term_stats').run();
    this.db.prepare('DELETE FROM term_stats_delta').run();
    const ins = this.db.prepare('INSERT INTO term_stats (key, df) VALUES (?, ?)');
    for (const [k, df] of Object.entries(frequencies)) ins.run(k, df);
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(STATS_DOCUMENTS, String(documents));
  }

  /** Replaces the analysed terms of items (libs/pipeline storyTerms), kept with each item as a JSON array. */
  writeTerms(rows: readonly { id: number; terms: Iterable<string> }[]): void {
    const put = this.sql.write('UPDATE items SET story_terms_json = ? WHERE id = ?');
    for (const r of rows) put.run(json([...new Set(r.terms)]), r.id);
  }

  /** One item with its stored terms and whole text; null when it no longer exists. */
  item(id: number): StoryItemText | null {
    const r = this.sql
      .rows(`SELECT ${CANDIDATE_COLUMNS}, i.title, i.summary, i.content_text FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ?`)
      .get(id) as (CandidateRow & { title: string; summary: string | null; content_text: string | null }) | undefined;
    return r ? { ...toCandidate(r), title: r.title, summary: r.summary, contentText: r.content_text } : null;
  }

  /** Items about to be placed, by id, without their bodies (placing reads only headline and standfirst); deleted ones are missing. */
  itemsToPlace(ids: readonly number[]): Map<number, PlacementRow> {
    const rows = this.sql
      .rows(`SELECT ${CANDIDATE_COLUMNS}, i.title, i.summary FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id IN (SELECT value FROM json_each(?))`)
      .all(json(ids)) as (CandidateRow & { title: string; summary: string | null })[];
    return new Map(rows.map((r) => [r.id, { ...toCandidate(r), title: r.title, summary: r.summary }]));
  }

  /**
   * Every item for re-clustering, or those of [from, to) (the assigner's window), `batch` rows at a
   * time in time order, with their stored terms.
   */
  *iterateItems(batch = 1000, range: { from: string; to: string } = { from: '', to: '\uffff' }): Generator<StoryItemRow[]> {
    // Keyset on (sort_at, id), the order of the items_sort index (its rowid is the id), so a narrow
    // window reads its own rows, not the whole table.
    let after = { at: range.from, id: 0 };
    const stmt = this.sql.rows(
      `SELECT ${CANDIDATE_COLUMNS} FROM items i JOIN sources s ON s.id = i.source_id
       WHERE i.sort_at >= @from AND i.sort_at < @to AND (i.sort_at > @afterAt OR (i.sort_at = @afterAt AND i.id > @afterId))
       ORDER BY i.sort_at, i.id LIMIT @batch`,
    );
    for (;;) {
      const rows = stmt.all({ from: range.from, to: range.to, afterAt: after.at, afterId: after.id, batch }) as CandidateRow[];
      if (rows.length === 0) return;
      const last = rows[rows.length - 1]!;
      after = { at: last.sort_at, id: last.id };
      yield rows.map(toCandidate);
    }
  }

  /** Opens a story with its first item's headline and time. */
  createStory(title: string, at: string, now = new Date()): number {
    const r = this.sql.write('INSERT INTO stories (title, first_at, last_at, item_count, created_at) VALUES (?, ?, ?, 0, ?)').run(title, at, at, now.toISOString());
    return Number(r.lastInsertRowid);
  }

  /**
   * Puts items in their stories and queues them for re-indexing, so that their `storyId` reaches
   * search; keeps each story's times and count in step. One statement per table for a whole batch.
   */
  assign(placements: readonly { itemId: number; storyId: number; at: string }[], now = new Date()): void {
    if (placements.length === 0) return;
    const stories = new Map<number, { first: string; last: string; count: number }>();
    for (const p of placements) {
      const s = stories.get(p.storyId);
      if (!s) stories.set(p.storyId, { first: p.at, last: p.at, count: 1 });
      else {
        if (p.at < s.first) s.first = p.at;
        if (p.at > s.last) s.last = p.at;
        s.count += 1;
      }
    }
    this.sql
      .write(`UPDATE items SET story_id = j.value ->> '$[1]' FROM json_each(?) j WHERE items.id = j.value ->> '$[0]'`)
      .run(json(placements.map((p) => [p.itemId, p.storyId])));
    this.sql
      .write(
        `UPDATE stories SET first_at = min(first_at, j.value ->> '$[1]'), last_at = max(last_at, j.value ->> '$[2]'), item_count = item_count + (j.value ->> '$[3]')
         FROM json_each(?) j WHERE stories.id = j.value ->> '$[0]'`,
      )
      .run(json([...stories].map(([id, s]) => [id, s.first, s.last, s.count])));
    const at = now.toISOString();
    this.sql
      .write(`INSERT INTO outbox (topic, ref_id, created_at, available_at) SELECT ?, value, ?, ? FROM json_each(?)`)
      .run(OUTBOX_INDEX_TOPIC, at, at, json(placements.map((p) => p.itemId)));
  }

  maxStoryId(): number {
    return (this.db.prepare('SELECT max(id) FROM stories').pluck().get() as number | null) ?? 0;
  }

  /**
   * Replaces every story by a new clustering in one transaction: items whose story changed are queued
   * for re-indexing; the stories no item points to any more are dropped, with their denial links.
   */
  replaceClustering(assignments: { id: number; storyId: number }[], now = new Date()): { stories: number; moved: number } {
    return this.transaction(() => {
      const current = new Map((this.db.prepare('SELECT id, story_id FROM items').all() as { id: number; story_id: number | null }[]).map((r) => [r.id, r.story_id]));
      const setStory = this.db.prepare('UPDATE items SET story_id = ? WHERE id = ?');
      const enqueue = this.db.prepare('INSERT INTO outbox (topic, ref_id, created_at, available_at) VALUES (?, ?, ?, ?)');
      let moved = 0;
      for (const a of assignments) {
        if (!current.has(a.id)) continue;
        if (current.get(a.id) === a.storyId) continue;
        setStory.run(a.storyId, a.id);
        enqueue.run(OUTBOX_INDEX_TOPIC, a.id, now.toISOString(), now.toISOString());
        moved += 1;
      }
      this.db.prepare('DELETE FROM denial_links').run();
      this.db.prepare('DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM items WHERE story_id IS NOT NULL)').run();
      this.db
        .prepare(
          `INSERT INTO stories (id, title, first_at, last_at, item_count, created_at)
           SELECT i.story_id, (SELECT f.title FROM items f WHERE f.story_id = i.story_id ORDER BY f.sort_at, f.id LIMIT 1),
             min(i.sort_at), max(i.sort_at), count(*), @now
           FROM items i WHERE i.story_id IS NOT NULL GROUP BY i.story_id
           ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_at = excluded.first_at, last_at = excluded.last_at, item_count = excluded.item_count`,
        )
        .run({ now: now.toISOString() });
      const stories = this.db.prepare('SELECT count(*) FROM stories').pluck().get() as number;
      return { stories, moved };
    });
  }

  /** Stories with claim items first reported within [from, to] that share an entity with `entities`. */
  candidateStories(q: { from: string; to: string; entities: string[]; limit: number }): number[] {
    return this.db
      .prepare(
        `SELECT DISTINCT i.story_id FROM item_entities e JOIN items i ON i.id = e.item_id JOIN stories st ON st.id = i.story_id
         WHERE e.qid IN (SELECT value FROM json_each(@entities)) AND i.denial = 0 AND st.first_at BETWEEN @from AND @to
         ORDER BY st.first_at DESC LIMIT @limit`,
      )
      .pluck()
      .all({ from: q.from, to: q.to, entities: json(q.entities), limit: q.limit }) as number[];
  }

  /** The claim side of stories (official denials left out), summarised for denial linking. */
  profiles(storyIds: number[]): StoryProfileRow[] {
    if (storyIds.length === 0) return [];
    const ids = json(storyIds);
    const base = this.db
      .prepare(
        `SELECT i.story_id AS storyId, min(i.sort_at) AS firstReportedAt, max(i.sort_at) AS lastAt, count(*) AS items, json_group_array(DISTINCT s.name) AS outlets
         FROM items i JOIN sources s ON s.id = i.source_id
         WHERE i.story_id IN (SELECT value FROM json_each(?)) AND i.denial = 0 GROUP BY i.story_id`,
      )
      .all(ids) as { storyId: number; firstReportedAt: string; lastAt: string; items: number; outlets: string }[];
    const out = new Map<number, StoryProfileRow>(
      base.map((b) => [b.storyId, { ...b, outlets: JSON.parse(b.outlets) as string[], entityCounts: new Map(), termCounts: new Map() }]),
    );
    const count = (sql: string, pick: (p: StoryProfileRow) => Map<string, number>) => {
      for (const r of this.db.prepare(sql).all(ids) as { storyId: number; key: string; n: number }[]) {
        const p = out.get(r.storyId);
        if (p) pick(p).set(r.key, r.n);
      }
    };
    count(
      `SELECT i.story_id AS storyId, e.qid AS key, count(*) AS n FROM items i JOIN item_entities e ON e.item_id = i.id
       WHERE i.story_id IN (SELECT value FROM json_each(?)) AND i.denial = 0 GROUP BY i.story_id, e.qid`,
      (p) => p.entityCounts,
    );
    count(
      `SELECT i.story_id AS storyId, t.value AS key, count(*) AS n FROM items i JOIN json_each(i.story_terms_json) t
       WHERE i.story_id IN (SELECT value FROM json_each(?)) AND i.denial = 0 GROUP BY i.story_id, t.value`,
      (p) => p.termCounts,
    );
    return [...out.values()];
  }

  /** Replaces the links of one denial. */
  replaceLinks(denialId: number, links: Omit<DenialLinkRow, 'denialId'>[], now = new Date()): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM denial_links WHERE denial_id = ?').run(denialId);
      const ins = this.db.prepare('INSERT INTO denial_links (denial_id, story_id, score, reasons_json, linked_at) VALUES (?, ?, ?, ?, ?)');
      for (const l of links) ins.run(denialId, l.storyId, l.score, json(l.reasons), now.toISOString());
    });
  }

  /** Official denials published within [from, to], for re-linking after coverage arrived. */
  denialIdsBetween(from: string, to: string, limit: number): number[] {
    // Through the partial index items_denials (migration 8): the denials of those weeks, not every item.
    return this.sql
      .column(`SELECT i.id FROM items i JOIN sources s ON s.id = i.source_id WHERE i.denial = 1 AND s.kind = 'official' AND i.sort_at BETWEEN ? AND ? ORDER BY i.sort_at LIMIT ?`)
      .all(from, to, limit) as number[];
  }

  allDenialIds(): number[] {
    return this.db.prepare(`SELECT i.id FROM items i JOIN sources s ON s.id = i.source_id WHERE i.denial = 1 AND s.kind = 'official' ORDER BY i.sort_at, i.id`).pluck().all() as number[];
  }

  linksOfStory(storyId: number): DenialLinkRow[] {
    return (this.db.prepare('SELECT denial_id, story_id, score, reasons_json FROM denial_links WHERE story_id = ? ORDER BY score DESC').all(storyId) as LinkRow[]).map(toLink);
  }

  linksOfDenials(denialIds: number[]): DenialLinkRow[] {
    return (
      this.db
        .prepare('SELECT denial_id, story_id, score, reasons_json FROM denial_links WHERE denial_id IN (SELECT value FROM json_each(?)) ORDER BY score DESC')
        .all(json(denialIds)) as LinkRow[]
    ).map(toLink);
  }

  /** Official denials, newest first; with `storyId`, only those linked to it. */
  listDenials(q: { storyId?: number; limit: number; offset: number }): { total: number; items: StoryItemRef[] } {
    const where = `WHERE i.denial = 1 AND s.kind = 'official'${q.storyId !== undefined ? ' AND i.id IN (SELECT denial_id FROM denial_links WHERE story_id = @story)' : ''}`;
    const params = { story: q.storyId, limit: q.limit, offset: q.offset };
    const total = this.db.prepare(`SELECT count(*) FROM items i JOIN sources s ON s.id = i.source_id ${where}`).pluck().get(params) as number;
    const rows = this.db.prepare(`${ITEM_REF} ${where} ORDER BY i.sort_at DESC, i.id DESC LIMIT @limit OFFSET @offset`).all(params) as ItemRefRow[];
    return { total, items: rows.map(toItemRef) };
  }

  /** Stories with live counts from their items, most recently active first. */
  list(f: StoryListFilter): { total: number; stories: StoryOverview[] } {
    const conds = ['i.story_id IS NOT NULL'];
    if (f.ids) conds.push('i.story_id IN (SELECT value FROM json_each(@ids))');
    if (f.entities?.length) {
      conds.push(
        'i.story_id IN (SELECT x.story_id FROM items x JOIN item_entities e ON e.item_id = x.id WHERE x.story_id IS NOT NULL AND e.qid IN (SELECT value FROM json_each(@entities)))',
      );
    }
    const having = ['count(*) >= @minItems'];
    if (f.from) having.push('max(i.sort_at) >= @from');
    if (f.to) having.push('min(i.sort_at) <= @to');
    const params = { ids: json(f.ids ?? []), entities: json(f.entities ?? []), from: f.from, to: f.to, minItems: f.minItems, limit: f.limit, offset: f.offset };
    const grouped = `SELECT i.story_id AS id, min(i.sort_at) AS firstAt, max(i.sort_at) AS lastAt, count(*) AS itemCount, count(DISTINCT i.source_id) AS outletCount,
        json_group_array(DISTINCT i.language) AS languages
      FROM items i WHERE ${conds.join(' AND ')} GROUP BY i.story_id HAVING ${having.join(' AND ')}`;
    const total = this.db.prepare(`SELECT count(*) FROM (${grouped})`).pluck().get(params) as number;
    const rows = this.db.prepare(`${grouped} ORDER BY lastAt DESC, id DESC LIMIT @limit OFFSET @offset`).all(params) as OverviewRow[];
    return { total, stories: this.overviews(rows) };
  }

  get(id: number): StoryOverview {
    const row = this.db
      .prepare(
        `SELECT i.story_id AS id, min(i.sort_at) AS firstAt, max(i.sort_at) AS lastAt, count(*) AS itemCount, count(DISTINCT i.source_id) AS outletCount,
           json_group_array(DISTINCT i.language) AS languages
         FROM items i WHERE i.story_id = ? GROUP BY i.story_id`,
      )
      .get(id) as OverviewRow | undefined;
    if (!row) throw new DomainError('NOT_FOUND', `story ${id} does not exist`, { field: 'id' });
    return this.overviews([row])[0]!;
  }

  /** A story's items in time order. */
  items(storyId: number): StoryItemRef[] {
    return (this.db.prepare(`${ITEM_REF} WHERE i.story_id = ? ORDER BY i.sort_at, i.id`).all(storyId) as ItemRefRow[]).map(toItemRef);
  }

  itemRefs(ids: number[]): StoryItemRef[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`${ITEM_REF} WHERE i.id IN (SELECT value FROM json_each(?))`).all(json(ids)) as ItemRefRow[];
    return inOrderOf(ids, rows, toItemRef);
  }

  /** The story of each item. */
  storiesOf(itemIds: number[]): Map<number, number> {
    const rows = this.db
      .prepare('SELECT id, story_id FROM items WHERE story_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))')
      .all(json(itemIds)) as { id: number; story_id: number }[];
    return new Map(rows.map((r) => [r.id, r.story_id]));
  }

  private overviews(rows: OverviewRow[]): StoryOverview[] {
    if (rows.length === 0) return [];
    const ids = json(rows.map((r) => r.id));
    const titles = new Map(
      (this.db.prepare('SELECT id, title FROM stories WHERE id IN (SELECT value FROM json_each(?))').all(ids) as { id: number; title: string }[]).map((r) => [r.id, r.title]),
    );
    const denials = new Map(
      (
        this.db.prepare('SELECT story_id, count(*) AS n FROM denial_links WHERE story_id IN (SELECT value FROM json_each(?)) GROUP BY story_id').all(ids) as {
          story_id: number;
          n: number;
        }[]
      ).map((r) => [r.story_id, r.n]),
    );
    const entityRows = this.db
      .prepare(
        `SELECT i.story_id AS storyId, e.qid, count(*) AS n FROM items i JOIN item_entities e ON e.item_id = i.id
         WHERE i.story_id IN (SELECT value FROM json_each(?)) GROUP BY i.story_id, e.qid ORDER BY n DESC, e.qid`,
      )
      .all(ids) as { storyId: number; qid: string; n: number }[];
    const names = this.entityNames(rows.map((r) => r.id));
    const entities = new Map<number, EntityRef[]>();
    for (const e of entityRows) {
      const list = entities.get(e.storyId) ?? [];
      if (list.length < 8) list.push({ qid: e.qid, name: names.get(e.qid) ?? e.qid });
      entities.set(e.storyId, list);
    }
    return rows.map((r) => ({
      id: r.id,
      title: titles.get(r.id) ?? '',
      firstAt: r.firstAt,
      lastAt: r.lastAt,
      itemCount: r.itemCount,
      outletCount: r.outletCount,
      languages: (JSON.parse(r.languages) as string[]).sort(),
      entities: entities.get(r.id) ?? [],
      denialCount: denials.get(r.id) ?? 0,
    }));
  }

  /** Entity display names as the items of these stories carry them. */
  private entityNames(storyIds: number[]): Map<string, string> {
    const names = new Map<string, string>();
    const rows = this.db.prepare('SELECT entities_json FROM items WHERE story_id IN (SELECT value FROM json_each(?))').pluck().all(json(storyIds)) as string[];
    for (const r of rows) for (const e of JSON.parse(r) as EntityRef[]) if (!names.has(e.qid)) names.set(e.qid, e.name);
    return names;
  }
}

interface CandidateRow {
  id: number;
  story_id: number | null;
  source_id: number;
  outlet: string;
  kind: SourceKind;
  language: string;
  sort_at: string;
  entities_json: string;
  /** JSON array of the item's story terms; null until the item is placed. */
  story_terms_json: string | null;
  denial: number;
  mentions_denial: number;
}

interface OverviewRow {
  id: number;
  firstAt: string;
  lastAt: string;
  itemCount: number;
  outletCount: number;
  languages: string;
}

interface LinkRow {
  denial_id: number;
  story_id: number;
  score: number;
  reasons_json: string;
}

/**
 * The new item `item` as {@link StoryRepository.itemsToPlace} reads it back, from the item just stored
 * and the story terms it was stored with (`NewItem.storyTerms`): the ingest cycle hands its items to
 * story placement, which reading them back cost a join and two JSON parses each.
 */
export function placementRow(item: Item, storyTerms: readonly string[]): PlacementRow {
  return {
    id: item.id,
    storyId: item.storyId,
    sourceId: item.sourceId,
    outlet: item.outlet,
    kind: item.kind,
    language: item.language,
    publishedAt: item.sortAt,
    entities: item.entities.map((e) => e.qid),
    // As insertIfNew writes them.
    terms: [...new Set(storyTerms)],
    denial: item.denial,
    mentionsDenial: item.mentionsDenial,
    title: item.title,
    summary: item.summary,
  };
}

function toCandidate(r: CandidateRow): StoryItemRow {
  return {
    id: r.id,
    storyId: r.story_id,
    sourceId: r.source_id,
    outlet: r.outlet,
    kind: r.kind,
    language: r.language,
    publishedAt: r.sort_at,
    entities: (JSON.parse(r.entities_json) as EntityRef[]).map((e) => e.qid),
    terms: r.story_terms_json ? (JSON.parse(r.story_terms_json) as string[]) : [],
    denial: r.denial === 1,
    mentionsDenial: r.mentions_denial === 1,
  };
}

function toLink(r: LinkRow): DenialLinkRow {
  return { denialId: r.denial_id, storyId: r.story_id, score: r.score, reasons: JSON.parse(r.reasons_json) as string[] };
}

function toItemRef(r: ItemRefRow): StoryItemRef {
  return {
    id: r.id,
    title: r.title,
    url: r.url,
    outlet: r.outlet,
    sourceId: r.source_id,
    kind: r.kind,
    language: r.language,
    publishedAt: r.sort_at,
    denial: r.denial === 1,
    mentionsDenial: r.mentions_denial === 1,
    duplicateOf: r.duplicate_of,
  };
}
