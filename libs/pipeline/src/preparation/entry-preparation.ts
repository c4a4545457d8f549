import { errorMessage } from '@parallax/domain';
import type { AnalysedFields, Enrichment, NormalisedItem, Source } from '@parallax/domain';
import type { Enricher } from '@parallax/enrich';
import { contentHashOfTokens, dedupTokens, entryGuid, normaliseEntry, simhashOfTokens, type FetchedResource } from '@parallax/ingest';
import { analyseTerms, documentFields } from '@parallax/query';
import { readEntries } from '../entry-reader.js';

/**
 * The CPU-bound part of a poll, kept free of the store so it can run on another thread
 * ({@link WorkerPreparer}): decoding, parsing and normalising a fetched document, and hashing and
 * enriching its new entries. Inputs and outputs are plain data (structured-clone safe).
 */

/** What reading a document needs of its source. */
export type SourceToRead = Pick<Source, 'id' | 'url' | 'type' | 'selectors'>;

/** What reading needs of the fetched resource (the rest stays with the poll). */
export type ResourceToRead = Pick<FetchedResource, 'body' | 'contentType' | 'finalUrl'>;

/** One entry of a document: normalised, or why it was skipped (with what identifies it in the log). */
export type ReadEntry =
  | { ok: true; item: NormalisedItem }
  | { ok: false; guid: string | null; link: string | null; error: string };

export interface ReadDocument {
  entries: ReadEntry[];
  /** The guids of the entries left unread because the caller named them known (`knownGuids`). */
  known: string[];
  feedLanguage: string | null;
}

/**
 * Decodes, parses and normalises a fetched document; throws when the document as a whole is unreadable.
 * Entries whose guid (`entryGuid`: their own id, else their canonical link) is among `knownGuids` are
 * not read past their guid and link: only their guids come back (`known`).
 */
export function readDocument(source: SourceToRead, resource: ResourceToRead, fetchedAt: string, knownGuids: readonly string[] = []): ReadDocument {
  const known: string[] = [];
  const knownSet = new Set(knownGuids);
  const isKnown = (entry: Parameters<typeof entryGuid>[0]): boolean => {
    const guid = entryGuid(entry, source.url);
    if (guid === null || !knownSet.has(guid)) return false;
    known.push(guid);
    return true;
  };
  const { entries, feedLanguage } = readEntries(source, resource, knownSet.size > 0 ? isKnown : undefined);
  return {
    feedLanguage,
    known,
    entries: entries.map((entry): ReadEntry => {
      try {
        const item = normaliseEntry(entry, { feedUrl: source.url, fetchedAt });
        return item ? { ok: true, item } : { ok: false, guid: entry.guid ?? null, link: entry.link ?? null, error: 'entry has no title, link or text' };
      } catch (err) {
        return { ok: false, guid: entry.guid ?? null, link: entry.link ?? null, error: errorMessage(err) };
      }
    }),
  };
}

export interface EntryToEnrich {
  item: NormalisedItem;
  declaredLanguage: string | null;
  sourceKind: Source['kind'];
}

/** A new entry ready to store: its fingerprints and enrichment, or why it could not be prepared. */
export type PreparedEntry =
  | {
      ok: true;
      contentHash: string;
      simhash: string;
      /** Length of the text the SimHash was taken over (short texts are not compared as near-duplicates). */
      bodyLength: number;
      enrichment: Enrichment;
      /** What story clustering compares (`storyTerms`): worked out here, off the thread that clusters. */
      storyTerms: string[];
      /** The searchable fields analysed, for the index and the alert rules (an {@link AnalysedFieldsCache}). */
      fields: AnalysedFields;
    }
  | { ok: false; error: string };

/**
 * Fingerprints and enriches new entries, each on its own: one failing entry does not stop the others.
 * Each part of an item (title, summary, text) is tokenised once for the fingerprints and analysed once
 * for the index, the alert rules and story clustering: the whole text's tokens are the parts' tokens
 * in turn (see `dedupTokens`, and `analyseText`, whose words never span a line break).
 */
export function prepareEntries(enricher: Pick<Enricher, 'enrichWithHeadlineKeys'>, entries: readonly EntryToEnrich[]): PreparedEntry[] {
  return entries.map(({ item, declaredLanguage, sourceKind }): PreparedEntry => {
    try {
      const titleTokens = dedupTokens(item.title);
      const summaryTokens = item.summary ? dedupTokens(item.summary) : [];
      const contentTokens = item.contentText ? dedupTokens(item.contentText) : [];
      // Syndicated copies share the body but get their own headline and standfirst: fingerprint the body.
      const [body, bodyTokens] =
        item.contentText != null ? [item.contentText, contentTokens] : item.summary != null ? [item.summary, summaryTokens] : [item.title, titleTokens];
      const { enrichment, headlineKeys } = enricher.enrichWithHeadlineKeys({ title: item.title, summary: item.summary, contentText: item.contentText, declaredLanguage, sourceKind });
      const title = analyseTerms(item.title);
      const summary = analyseTerms(item.summary);
      return {
        ok: true,
        contentHash: contentHashOfTokens([...titleTokens, ...summaryTokens, ...contentTokens]),
        simhash: simhashOfTokens(bodyTokens),
        bodyLength: body.length,
        enrichment,
        storyTerms: [...title, ...summary, ...headlineKeys],
        fields: documentFields({ title: item.title, summary: item.summary, content: item.contentText }, { title, summary }),
      };
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
  });
}

/**
 * Builds what preparing builds on first use (the analysers' tables, the segmenters) with a
 * throwaway entry, so that the first poll after start-up does not pay for it: a preparation thread
 * does this while the runtime opens.
 */
export function warmUp(enricher: Pick<Enricher, 'enrichWithHeadlineKeys'>): void {
  const item: NormalisedItem = {
    guid: 'warm-up',
    url: null,
    title: 'Foreign ministry denies report / 外交部否认报道 / МИД опроверг сообщение',
    summary: null,
    contentText: null,
    contentHtml: null,
    author: null,
    publishedAt: null,
  };
  prepareEntries(enricher, [{ item, declaredLanguage: null, sourceKind: 'official' }]);
}
