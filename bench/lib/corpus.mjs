// Seeded, synthetic multilingual news text for the benchmarks: the same bytes every run, so figures
// from different days compare. Word frequencies follow a Zipf-like skew, as news text does, and a few
// planted words give the search query mix known selectivities (see QUERY_TERMS).

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const LANGUAGES = ['en', 'zh', 'ru', 'uk', 'fr', 'de', 'ar', 'ja'];
/** Share of items per language: an archive that leans to English, as most monitoring desks do. */
const LANGUAGE_WEIGHTS = [0.34, 0.12, 0.12, 0.1, 0.1, 0.1, 0.06, 0.06];

// Syllables per script; words are 2–4 of them. CJK "words" are 2 characters.
const SYLLABLES = {
  latin: ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'ba', 'po', 'gre', 'tan', 'vor', 'lin', 'mar', 'sel', 'dov', 'kir', 'pha', 'est', 'ung', 'ber', 'che'],
  cyrillic: ['ка', 'ло', 'ми', 'не', 'ру', 'са', 'то', 'ви', 'де', 'ба', 'по', 'гре', 'тан', 'вор', 'лин', 'мар', 'сел', 'дов', 'кір', 'ів', 'ня', 'ство'],
  arabic: ['كا', 'لو', 'مي', 'نا', 'رو', 'سا', 'تو', 'في', 'دي', 'با', 'بو', 'غر', 'تان', 'ور', 'لين', 'مار'],
  han: [...'国家政府外交部经济会议北京上海俄罗斯乌克兰美国联合发展安全合作表示报道新闻记者军事制裁市场能源总统官员'],
  kana: [...'かきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもらりるれろ'],
};
const SCRIPT = { en: 'latin', fr: 'latin', de: 'latin', ru: 'cyrillic', uk: 'cyrillic', ar: 'arabic', zh: 'han', ja: 'kana' };

/** Planted words and their share of documents, chosen so each query of the mix has a known selectivity. */
export const QUERY_TERMS = {
  /** In 70% of documents, in every language: the "term in 70% of documents". */
  common: { word: 'said', share: 0.7 },
  /** In 0.05% of documents. */
  rare: { word: 'olympics', share: 0.0005 },
  /** "foreign ministry" as a phrase in 3%, each word alone in another 8%. */
  phrase: ['foreign', 'ministry'],
  /** sanctions 5%, embargo 2%. */
  or: ['sanctions', 'embargo'],
  /** In 30% of Chinese documents. */
  chinese: '外交部',
};

export const ENTITIES = [
  { qid: 'Q148', name: 'China', share: 0.2 },
  { qid: 'Q159', name: 'Russia', share: 0.15 },
  { qid: 'Q212', name: 'Ukraine', share: 0.12 },
  { qid: 'Q30', name: 'United States', share: 0.1 },
  { qid: 'Q1065', name: 'United Nations', share: 0.03 },
  ...Array.from({ length: 300 }, (_, i) => ({ qid: `Q${1000 + i * 7}`, name: `Entity ${i}`, share: 0.02 / (1 + i / 10) })),
];

function vocabulary(script, random, size) {
  const syllables = SYLLABLES[script];
  const words = new Set();
  // CJK words are 1–3 characters (the analyser indexes Chinese as character bigrams).
  const parts = script === 'han' || script === 'kana' ? () => 1 + Math.floor(random() * 3) : () => 2 + Math.floor(random() * 3);
  while (words.size < size) words.add(Array.from({ length: parts() }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  return [...words];
}

/** A text generator: one vocabulary per script, built once from a fixed seed. */
export function createTextModel(seed = 0x5eed) {
  const random = seededRandom(seed);
  const vocab = {};
  for (const script of Object.keys(SYLLABLES)) vocab[script] = vocabulary(script, random, script === 'han' || script === 'kana' ? 3000 : 8000);
  return { vocab };
}

function pickWeighted(random, weights) {
  let r = random();
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function words(model, lang, random, n) {
  const vocab = model.vocab[SCRIPT[lang]];
  const out = [];
  for (let i = 0; i < n; i++) out.push(vocab[Math.min(vocab.length - 1, Math.floor(vocab.length * random() ** 2.4))]);
  return out;
}

function join(lang, ws) {
  return lang === 'zh' || lang === 'ja' ? ws.join('') : ws.join(' ');
}

/** Inserts `extra` words at random places of `ws`. */
function plant(ws, extra, random) {
  for (const w of extra) ws.splice(Math.floor(random() * (ws.length + 1)), 0, w);
  return ws;
}

/**
 * One synthetic item: title (~10 words), summary (~30), content (~60, a quarter of items), language, entities, date.
 * `i` is the item's position in the corpus; the same `i` and `seed` give the same item.
 */
export function syntheticItem(model, i, { seed = 1, start = Date.parse('2024-01-01T00:00:00Z'), spanMs = 730 * 86_400_000, count = 1 } = {}) {
  const random = seededRandom((seed * 2654435761) ^ (i * 40503) ^ 0x9e3779b9);
  const lang = LANGUAGES[pickWeighted(random, LANGUAGE_WEIGHTS)];
  const title = words(model, lang, random, 7 + Math.floor(random() * 6));
  const summary = words(model, lang, random, 20 + Math.floor(random() * 20));
  // A quarter of feeds carry the article body as well (content:encoded), the rest a standfirst only.
  const content = random() < 0.25 ? words(model, lang, random, 40 + Math.floor(random() * 40)) : null;
  const planted = [];
  if (random() < QUERY_TERMS.common.share) planted.push(QUERY_TERMS.common.word);
  if (random() < QUERY_TERMS.rare.share) planted.push(QUERY_TERMS.rare.word);
  const p = random();
  if (p < 0.03) planted.push('foreign ministry');
  else if (p < 0.07) planted.push('foreign');
  else if (p < 0.11) planted.push('ministry');
  if (random() < 0.05) planted.push(QUERY_TERMS.or[0]);
  if (random() < 0.02) planted.push(QUERY_TERMS.or[1]);
  if (lang === 'zh' && random() < 0.3) planted.push(QUERY_TERMS.chinese);
  plant(summary, planted, random);
  const entities = [];
  for (const e of ENTITIES) if (random() < e.share) entities.push({ qid: e.qid, name: e.name });
  // Items arrive roughly in order of publication, with some jitter (late feeds, backfills).
  const at = start + Math.floor((i / Math.max(1, count)) * spanMs + (random() - 0.8) * 6 * 3_600_000);
  return {
    language: lang,
    title: join(lang, title),
    summary: join(lang, summary),
    content: content && join(lang, content),
    entities,
    publishedAt: new Date(at).toISOString(),
  };
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
export const round = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
/** p50, p95 and p99 of timings in ms, to 0.01 ms. */
export function percentiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: round(percentile(s, 0.5), 2), p95: round(percentile(s, 0.95), 2), p99: round(percentile(s, 0.99), 2) };
}
