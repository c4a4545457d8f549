import { createHash } from 'node:crypto';
import type { Settings } from 'meilisearch';
import { MAX_SEARCH_LIMIT, MAX_SEARCH_OFFSET } from '../search-request.js';

/**
 * Raised whenever the settings or the document shape below change. The applied version and a hash
 * of the settings are recorded in the meta index, so start-up applies them once (no task at all
 * when they are current) and an index written by an older shape is reported as needing a reindex.
 */
export const MEILI_SETTINGS_VERSION = 1;

/** Locale pinned on the analysed fields and on every search (see `localizedAttributes` below). */
export const TERMS_LOCALE = 'eng';

/** Facet values returned per facet: enough to merge outlet spellings and keep a useful top list. */
export const MAX_VALUES_PER_FACET = 500;

/**
 * The settings of the items index (https://www.meilisearch.com/docs/reference/api/settings).
 *
 * - searchable: the analysed title, then the analysed summary + content; the `attribute` ranking
 *   rule then weighs a title match above a body match, as bm25 column weights do in FTS5.
 * - filterable: entity ids, outlet (and its key), kind, language, publishedAt as a number,
 *   storyId, denial, mentionsDenial, duplicateOf, sourceId; sortable: publishedAt (and id for ties).
 * - rankingRules: `sort` first, so `sort=newest` is a strict date order, and a no-op when a request
 *   sorts by relevance (no `sort` parameter).
 * - typo tolerance off: terms are already folded and stemmed, and a typo match of a stem is another
 *   word (`рос` is Russia, `рис` is rice).
 * - localizedAttributes: Meilisearch documents that Chinese and Japanese in one index need locales,
 *   else its language detection guesses per document. The analysed fields hold the project's own
 *   CJK bigrams spelled in ASCII (meili-document.ts), so they are pinned to one locale: the plain
 *   Latin pipeline, no dictionary segmentation (and no German compound splitting) on either side.
 *   The raw title/summary/content are stored, not searched, so no locale guess touches them.
 * - pagination: deep enough for the API's deepest page and the facet sample of an OR query.
 */
export function meiliSettings(): Settings {
  return {
    searchableAttributes: ['titleTerms', 'bodyTerms'],
    displayedAttributes: ['*'],
    filterableAttributes: [
      'entityIds', 'entityFacet', 'outlet', 'outletKey', 'kind', 'language', 'publishedAt', 'storyId', 'denial', 'mentionsDenial', 'duplicateOf', 'sourceId',
    ],
    sortableAttributes: ['publishedAt', 'id'],
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    typoTolerance: { enabled: false },
    stopWords: [],
    synonyms: {},
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_SEARCH_OFFSET + MAX_SEARCH_LIMIT },
    localizedAttributes: [{ attributePatterns: ['titleTerms', 'bodyTerms'], locales: [TERMS_LOCALE] }],
  };
}

/** A stable fingerprint of the settings, to tell whether the index already has them. */
export function settingsHash(settings: Settings = meiliSettings()): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}
