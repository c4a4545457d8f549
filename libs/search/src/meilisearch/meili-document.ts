import { DomainError, type EntityRef, type SearchDocument, type SourceKind } from '@parallax/domain';
import { analyseTerms, outletKey } from '@parallax/query';
import { normalisePublishedAt } from '../search-request.js';

/**
 * One item as the Meilisearch index holds it. The searchable fields are not the raw text but the
 * project analyser's terms (folded, stemmed, CJK bigrams), the same tokens the embedded FTS5 index
 * holds, so both engines answer a query alike: Meilisearch has no stemming (`Россия` would miss
 * `России`) and segments Chinese with a dictionary (the query lib measured that this misses 冬奥
 * inside 北京冬奥会). The raw fields are kept for display and snippets only.
 */
export interface MeiliDocument {
  id: number;
  sourceId: number;
  title: string;
  summary: string | null;
  content: string | null;
  url: string | null;
  outlet: string;
  /** `outletKey(outlet)`: what outlet filters compare, so case and accents do not matter. */
  outletKey: string;
  kind: SourceKind;
  /** Primary subtag (`zh` of `zh-Hans`), what `lang:` filters compare. */
  language: string;
  /** The language tag as the item gave it, for display. */
  languageTag: string;
  /** Milliseconds since the epoch: Meilisearch filters and sorts numbers, not dates. */
  publishedAt: number;
  publishedAtIso: string;
  entities: EntityRef[];
  entityIds: string[];
  /** `Q148|China`: one facet value carries the QID and its label. */
  entityFacet: string[];
  denial: boolean;
  mentionsDenial: boolean;
  storyId: number | null;
  duplicateOf: number | null;
  titleTerms: string;
  bodyTerms: string;
}

/** Separates a QID from its label in `entityFacet`; a QID never contains it. */
export const ENTITY_FACET_SEPARATOR = '|';

/**
 * Meilisearch skips words longer than 250 bytes (milli's MAX_WORD_LENGTH), so an encoded word is
 * cut below that, on both the index and the query side, which keeps prefixes consistent.
 */
const MAX_WORD_BYTES = 249;
const PLAIN_WORD = /^[a-z0-9]+$/;
/** Marks an encoded word; plain analyser terms are stemmed words, and none begins so in practice. */
const ENCODED_MARK = 'zqx';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** 26^5 > U+10FFFF: five letters hold any code point, always five, so encoding keeps prefixes. */
const LETTERS_PER_CODE_POINT = 5;

/**
 * The word Meilisearch indexes for one analyser term. ASCII terms pass as they are; any other term
 * (Cyrillic, Han bigrams, Arabic…) is spelled in lower-case ASCII letters, five per code point. So
 * Meilisearch's tokenizer (charabia) sees one plain Latin word and can neither re-segment it
 * (jieba, lindera, Thai dictionaries) nor normalise it differently on the index and query sides,
 * and a term's prefix encodes to its encoding's prefix, which is what `word*` needs.
 */
export function meiliWord(term: string): string {
  if (PLAIN_WORD.test(term)) return term.slice(0, MAX_WORD_BYTES);
  let out = ENCODED_MARK;
  for (const ch of term) {
    let code = ch.codePointAt(0) ?? 0;
    let letters = '';
    for (let i = 0; i < LETTERS_PER_CODE_POINT; i++) {
      letters = LETTERS[code % 26] + letters;
      code = Math.floor(code / 26);
    }
    if (out.length + letters.length > MAX_WORD_BYTES) break;
    out += letters;
  }
  return out;
}

/** The searchable text of a field: its analysed terms as Meilisearch words, space separated. */
export function meiliTerms(text: string | null | undefined): string {
  return analyseTerms(text).map(meiliWord).join(' ');
}

export function primaryLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase() || 'und';
}

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  if (!Number.isSafeInteger(doc.id) || doc.id <= 0) throw new DomainError('VALIDATION', `document id must be a positive integer, got ${String(doc.id)}`, { field: 'id' });
  const publishedAtIso = normalisePublishedAt(doc.publishedAt, doc.id);
  const entities = doc.entities.map((e) => ({ qid: e.qid.toUpperCase(), name: e.name }));
  const byQid = new Map(entities.map((e) => [e.qid, e.name]));
  // Summary and content form one body, as in the embedded index: a phrase may run across them.
  const body = [doc.summary, doc.content].filter((t): t is string => Boolean(t)).join('\n');
  return {
    id: doc.id,
    sourceId: doc.sourceId,
    title: doc.title,
    summary: doc.summary,
    content: doc.content,
    url: doc.url,
    outlet: doc.outlet,
    outletKey: outletKey(doc.outlet),
    kind: doc.kind,
    language: primaryLanguage(doc.language),
    languageTag: doc.language,
    publishedAt: Date.parse(publishedAtIso),
    publishedAtIso,
    entities: doc.entities,
    entityIds: [...byQid.keys()],
    entityFacet: [...byQid].map(([qid, name]) => `${qid}${ENTITY_FACET_SEPARATOR}${name}`),
    denial: doc.denial,
    mentionsDenial: doc.mentionsDenial,
    storyId: doc.storyId,
    duplicateOf: doc.duplicateOf,
    titleTerms: meiliTerms(doc.title),
    bodyTerms: meiliTerms(body),
  };
}

/** The stored fields a hit needs; the analysed ones stay in the engine. */
export const HIT_ATTRIBUTES = [
  'id', 'sourceId', 'title', 'summary', 'content', 'url', 'outlet', 'kind', 'languageTag', 'publishedAtIso', 'entities', 'denial', 'mentionsDenial', 'storyId', 'duplicateOf',
] as const;

export type StoredHit = Pick<MeiliDocument, (typeof HIT_ATTRIBUTES)[number]>;

export function fromMeiliDocument(d: StoredHit): SearchDocument {
  return {
    id: d.id,
    sourceId: d.sourceId,
    title: d.title,
    summary: d.summary,
    content: d.content,
    url: d.url,
    outlet: d.outlet,
    kind: d.kind,
    language: d.languageTag,
    publishedAt: d.publishedAtIso,
    entities: d.entities,
    denial: d.denial,
    mentionsDenial: d.mentionsDenial,
    storyId: d.storyId,
    duplicateOf: d.duplicateOf,
  };
}
