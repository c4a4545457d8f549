// Builds (or reuses) a data directory holding N synthetic items, written straight through the store
// and the embedded search index in batches (no HTTP: the ingest benchmark measures that path), and
// cached under bench/.cache/ so reruns are fast. The store and the index are cached separately: a
// change to the index's full-text table or the analyser rebuilds the index only; other schema changes
// are migrations, applied to the cached files when they are opened.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ENTITIES, LANGUAGES, createTextModel, syntheticItem } from './corpus.mjs';

const GENERATOR_VERSION = 1;
const OUTLETS = 500;

function hashFiles(files) {
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(fs.existsSync(f) ? fs.readFileSync(f) : Buffer.from(`missing ${f}`));
  return h.digest('hex').slice(0, 12);
}

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []))
    .sort();
}

/** What the cached files depend on: the generator; for the index also its FTS5 table and the analyser. */
export function corpusKeys(root, require) {
  const here = path.join(root, 'bench/lib');
  // The generated text only: Store.open applies newer migrations to a cached file.
  const store = hashFiles([path.join(here, 'corpus.mjs')]);
  // The index's full-text table and the analyser: other schema changes migrate a cached file on open.
  const { SCHEMA_SQL } = require(path.join(root, 'libs/search/dist/sqlite-fts/sqlite-fts.schema.js'));
  const h = crypto.createHash('sha256').update(/CREATE VIRTUAL TABLE[\s\S]*?\);/.exec(SCHEMA_SQL)?.[0] ?? SCHEMA_SQL);
  const index = `${hashFiles([path.join(here, 'corpus.mjs'), ...filesUnder(path.join(root, 'libs/query/dist/analysis'))])}-${h.digest('hex').slice(0, 8)}`;
  return { store: `g${GENERATOR_VERSION}-${store}`, index: `g${GENERATOR_VERSION}-${index}` };
}

function outletOf(n) {
  return { name: `Outlet ${n} ${LANGUAGES[n % LANGUAGES.length].toUpperCase()}`, url: `http://outlet-${n}.bench.invalid/feed.xml`, language: LANGUAGES[n % LANGUAGES.length], kind: n % 10 === 0 ? 'official' : 'media' };
}

/**
 * Returns `{ dir, built: { store, index }, seconds }`: `dir` is a MONITOR_DATA_DIR with
 * `parallax.db` and `search.db` holding `size` items.
 */
export async function ensureSearchCorpus({ root, require, size, log = () => {} }) {
  const { Store } = require('@parallax/store');
  const { SqliteFtsIndex } = require('@parallax/search');
  const keys = corpusKeys(root, require);
  const dir = path.join(root, 'bench/.cache', `corpus-${size}`);
  const stamp = path.join(dir, 'keys.json');
  const have = fs.existsSync(stamp) ? JSON.parse(fs.readFileSync(stamp, 'utf8')) : {};
  const storeFresh = have.store === keys.store && have.storeComplete;
  const indexFresh = storeFresh && have.index === keys.index && have.indexComplete;
  if (storeFresh && indexFresh) return { dir, built: { store: false, index: false }, seconds: 0 };
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  const removeDb = (name) => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, name + suffix), { force: true });
  };
  if (!storeFresh) removeDb('parallax.db');
  removeDb('search.db');
  const write = (k) => fs.writeFileSync(stamp, JSON.stringify(k));
  write({ store: keys.store, storeComplete: storeFresh, index: keys.index, indexComplete: false });

  const store = storeFresh ? null : Store.open(Store.fileIn(dir));
  const index = new SqliteFtsIndex({ path: path.join(dir, 'search.db'), resolveEntity: (n) => ENTITIES.filter((e) => e.name.toLowerCase() === n.toLowerCase() || e.qid === n.toUpperCase()).map((e) => e.qid) });
  const sources = [];
  if (store) {
    store.db.transaction(() => {
      for (let n = 0; n < OUTLETS; n++) {
        const o = outletOf(n);
        sources.push({ ...store.sources.create({ name: o.name, url: o.url, kind: o.kind, type: 'feed', language: o.language, pollIntervalSeconds: 86_400, enabled: false }), language: o.language });
      }
    })();
  } else {
    for (let n = 0; n < OUTLETS; n++) sources.push({ id: n + 1, name: outletOf(n).name, kind: outletOf(n).kind });
  }
  const model = createTextModel();
  const batch = 5000;
  for (let from = 0; from < size; from += batch) {
    const docs = [];
    const items = [];
    for (let i = from; i < Math.min(size, from + batch); i++) {
      const g = syntheticItem(model, i, { count: size });
      const source = sources[i % OUTLETS];
      const url = `http://outlet-${i % OUTLETS}.bench.invalid/item/${i}`;
      items.push({
        sourceId: source.id, guid: url, url, title: g.title, summary: g.summary, contentText: g.content, contentHtml: g.content && `<p>${g.content}</p>`, author: null,
        publishedAt: g.publishedAt, fetchedAt: g.publishedAt, language: g.language, entities: g.entities, denial: false, mentionsDenial: false,
        contentHash: `h${i}`, simhash: '0', duplicateOf: null,
      });
      docs.push({
        id: i + 1, sourceId: source.id, title: g.title, summary: g.summary, content: g.content, url, outlet: source.name, kind: source.kind, language: g.language,
        publishedAt: g.publishedAt, entities: g.entities, denial: false, mentionsDenial: false, storyId: null, duplicateOf: null,
      });
    }
    if (store) {
      store.db.transaction(() => {
        for (const item of items) store.items.insertIfNew(item);
        // The index is written right here, so the outbox entries the store queued are done with.
        store.db.prepare('DELETE FROM outbox').run();
      })();
    }
    await index.upsert(docs);
    if ((from / batch) % 20 === 0) log(`corpus ${size}: ${from + docs.length} items, ${Math.round((performance.now() - started) / 1000)} s`);
  }
  store?.close();
  await index.close();
  write({ store: keys.store, storeComplete: true, index: keys.index, indexComplete: true });
  return { dir, built: { store: !storeFresh, index: true }, seconds: (performance.now() - started) / 1000 };
}
