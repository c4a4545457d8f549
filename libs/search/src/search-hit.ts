import type { SearchDocument, SearchHit } from '@parallax/domain';
import { highlightSnippet, plainSnippet, type BoundQuery } from '@parallax/query';

/**
 * A stored document as a search hit, with the snippet every engine shows: the query's matches highlighted
 * in the summary (or the body), by the same analyser that indexed them, so engines agree on snippets.
 */
export function toSearchHit(doc: SearchDocument, bound: BoundQuery): SearchHit {
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
