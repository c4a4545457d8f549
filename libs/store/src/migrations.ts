/** Schema migrations, applied in order and never edited once shipped: add a new one instead. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'sources, items, poll log, outbox, custom entities',
    sql: `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('media', 'official')),
  type TEXT NOT NULL CHECK (type IN ('feed', 'html')),
  language TEXT,
  country TEXT,
  poll_interval_seconds INTEGER NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  selectors_json TEXT,
  tags_json TEXT NOT NULL DEFAULT '[]',
  demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  -- RFC 9110 §8.8 validators of the last 200 response, sent back as a conditional GET
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  last_status TEXT NOT NULL DEFAULT 'new',
  last_error TEXT,
  last_new_item_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_poll_at TEXT,
  -- median gap between the source's recent items: a source is silent after three such gaps with nothing new
  usual_gap_seconds INTEGER
);

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  url TEXT,
  title TEXT NOT NULL,
  summary TEXT,
  content_text TEXT,
  content_html TEXT,
  author TEXT,
  published_at TEXT,
  fetched_at TEXT NOT NULL,
  sort_at TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'und',
  entities_json TEXT NOT NULL DEFAULT '[]',
  denial INTEGER NOT NULL DEFAULT 0,
  mentions_denial INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT NOT NULL,
  simhash TEXT NOT NULL,
  duplicate_of INTEGER REFERENCES items(id) ON DELETE SET NULL,
  story_id INTEGER,
  UNIQUE (source_id, guid)
);
CREATE INDEX items_source_sort ON items (source_id, sort_at);
CREATE INDEX items_url ON items (url) WHERE url IS NOT NULL;
CREATE INDEX items_hash ON items (content_hash);
CREATE INDEX items_sort ON items (sort_at);
CREATE INDEX items_story ON items (story_id) WHERE story_id IS NOT NULL;

CREATE TABLE item_entities (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  qid TEXT NOT NULL,
  PRIMARY KEY (qid, item_id)
) WITHOUT ROWID;

CREATE TABLE poll_log (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  started_at TEXT NOT NULL,
  status TEXT NOT NULL,
  http_status INTEGER,
  duration_ms INTEGER NOT NULL,
  fetched INTEGER NOT NULL,
  new_items INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  error TEXT
);
CREATE INDEX poll_log_source ON poll_log (source_id, id);

-- Transactional outbox: written in the same transaction as the item, drained into the search index.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  topic TEXT NOT NULL,
  ref_id INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  available_at TEXT NOT NULL,
  last_error TEXT
);
CREATE INDEX outbox_due ON outbox (topic, available_at);

CREATE TABLE custom_entities (
  qid TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  aliases_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'keyword alerts: rules, match log, deliveries and their attempts',
    sql: `
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  owner TEXT NOT NULL,
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('instant', 'hourly', 'daily')),
  webhook_url TEXT,
  email TEXT,
  webhook_secret TEXT NOT NULL,
  feed_token TEXT NOT NULL,
  muted INTEGER NOT NULL DEFAULT 0,
  snoozed_until TEXT,
  denial_json TEXT,
  spike_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- end of the last digest period sent: a restart neither skips nor repeats a digest
  last_digest_at TEXT,
  -- start of the hour of the last spike notice: at most one per hour
  last_spike_at TEXT
);

-- The match log: the durable record of what each alert matched and why; one row per alert and item.
CREATE TABLE alert_matches (
  id INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  matched_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  UNIQUE (alert_id, item_id)
);
CREATE INDEX alert_matches_time ON alert_matches (alert_id, matched_at);

-- One message to one channel, written with the match (or digest) it carries; the key makes it idempotent.
CREATE TABLE alert_deliveries (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('sse', 'webhook', 'email')),
  kind TEXT NOT NULL CHECK (kind IN ('match', 'digest', 'spike')),
  item_ids_json TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  next_attempt_at TEXT,
  delivered_at TEXT,
  last_error TEXT
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id, id);

CREATE TABLE alert_delivery_attempts (
  id INTEGER PRIMARY KEY,
  delivery_id INTEGER NOT NULL REFERENCES alert_deliveries(id) ON DELETE CASCADE,
  attempted_at TEXT NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX alert_delivery_attempts_delivery ON alert_delivery_attempts (delivery_id, id);
`,
  },
  {
    version: 3,
    name: 'stories, denial links, analysed terms per item, term document frequencies',
    sql: `
-- A story: items about one event across outlets and languages (items.story_id). Times and count are kept
-- up to date by assignment, for finding candidate stories; the API counts from items, which is exact.
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  item_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX stories_first ON stories (first_at);

-- An official denial linked to a story it rejects, with the evidence shown to analysts.
CREATE TABLE denial_links (
  denial_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  score REAL NOT NULL,
  reasons_json TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (denial_id, story_id)
);
CREATE INDEX denial_links_story ON denial_links (story_id);

-- The analysed title+summary terms of each item (libs/query's analyser), to find story neighbours by rare term.
CREATE TABLE item_terms (
  term TEXT NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  PRIMARY KEY (term, item_id)
) WITHOUT ROWID;
CREATE INDEX item_terms_item ON item_terms (item_id);

-- Document frequencies of entity QIDs and terms over the clustered items (libs/enrich TermStats).
CREATE TABLE term_stats (
  key TEXT PRIMARY KEY,
  df INTEGER NOT NULL
) WITHOUT ROWID;
`,
  },
  {
    version: 4,
    name: 'accounts: users, login sessions, personal API tokens',
    sql: `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  -- scrypt$N$r$p$salt$hash (base64url); NULL for an account that can only use API tokens
  password_hash TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A login session: the cookie carries the secret, only its SHA-256 is kept; the CSRF token is per session.
CREATE TABLE sessions (
  id_sha256 TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Personal API tokens: shown once at creation, stored as SHA-256, revocable.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_sha256 TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
`,
  },
  {
    version: 5,
    name: 'items by fetch time, for the per-source daily counts of the sources page',
    sql: `
-- The sources list shows 14 days of items per source: a range scan on fetched_at, covering source_id.
CREATE INDEX items_fetched ON items (fetched_at, source_id);
`,
  },
  {
    version: 6,
    name: 'story terms kept with each item',
    sql: `
-- Story clustering finds neighbours in memory now (libs/pipeline StoryAssigner): the terms are read
-- per item, never looked up by term, so one JSON column written with the item's story replaces a
-- table of one row per term and item, and its two B-trees.
ALTER TABLE items ADD COLUMN story_terms_json TEXT;
UPDATE items SET story_terms_json = (SELECT json_group_array(t.term) FROM item_terms t WHERE t.item_id = items.id)
  WHERE id IN (SELECT item_id FROM item_terms);
DROP TABLE item_terms;
`,
  },
  {
    version: 7,
    name: 'term frequencies counted per batch, folded later',
    sql: `
-- Placing a batch of items used to upsert every key of every item into term_stats (thousands of
-- B-tree seeks and dirty pages per batch). The batch's counts go in one row here instead, in the same
-- transaction as its placements, and are folded into term_stats many batches at a time
-- (libs/store StoryRepository.foldStats): common keys are then written once per fold, not per batch.
CREATE TABLE term_stats_delta (
  id INTEGER PRIMARY KEY,
  documents INTEGER NOT NULL,
  counts_json TEXT NOT NULL
);
`,
  },
  {
    version: 8,
    name: 'official denials by time',
    sql: `
-- Every placed batch looks for the denials published from its earliest report to 14 days after its
-- latest (libs/pipeline StoryAssigner.relink), to link them to the coverage that just arrived. Through
-- items_sort that read every item of those weeks to find the few denials among them (10 ms per batch
-- at 10,000 items, growing with the archive); denials alone are a small index.
CREATE INDEX items_denials ON items (sort_at) WHERE denial = 1;
`,
  },
  {
    version: 9,
    name: 'outbox entries by item',
    sql: `
-- An item is queued for indexing when it is stored and again when it is placed in a story, usually
-- before the first entry is drained. One upsert covers every entry waiting when it read the item's row
-- (libs/pipeline IndexFeeder, OutboxRepository.waitingFor): this index finds those entries.
CREATE INDEX outbox_ref ON outbox (topic, ref_id);
`,
  },
  {
    version: 10,
    name: 'item count per source',
    sql: `
-- The sources list (the API and the dashboard's sources page) showed each source's item count by
-- counting its items: 72 ms warm and 1.6 s cold for 500 sources at 1,000,000 items, on every visit.
-- The count is kept with the items instead, by triggers, so that every way items come and go (a poll,
-- a source's deletion by cascade, a test's DELETE) keeps it right.
ALTER TABLE sources ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0;
UPDATE sources SET item_count = (SELECT count(*) FROM items WHERE items.source_id = sources.id);
CREATE TRIGGER items_count_insert AFTER INSERT ON items BEGIN
  UPDATE sources SET item_count = item_count + 1 WHERE id = NEW.source_id;
END;
CREATE TRIGGER items_count_delete AFTER DELETE ON items BEGIN
  UPDATE sources SET item_count = item_count - 1 WHERE id = OLD.source_id;
END;
CREATE TRIGGER items_count_move AFTER UPDATE OF source_id ON items WHEN OLD.source_id IS NOT NEW.source_id BEGIN
  UPDATE sources SET item_count = item_count - 1 WHERE id = OLD.source_id;
  UPDATE sources SET item_count = item_count + 1 WHERE id = NEW.source_id;
END;
`,
  },
  {
    version: 11,
    name: 'index entries by item only',
    sql: `
-- outbox_ref is read for the index topic alone (OutboxRepository.indexEntriesWaitingFor), yet every item
-- wrote its match and story entries into it too, and deleted them again: a partial index holds only
-- what is read. Storing an item took 16 us less of its 170-190 (a store of 3,000 bench items).
DROP INDEX outbox_ref;
CREATE INDEX outbox_ref ON outbox (topic, ref_id) WHERE topic = 'index';
`,
  },
];
