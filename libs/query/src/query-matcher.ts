import type { SearchDocument } from '@parallax/domain';
import { outletKey } from './analysis/outlet-key.js';
import { analyseTerms } from './analysis/text-analyser.js';
import { bindQuery, type BoundQuery, type BoundTerm } from './bound-query.js';
import type { QueryField, QueryNode } from './query-node.js';

/** What the matcher reads of a document: the same fields the search index holds. */
export type MatchableDocument = Pick<SearchDocument, 'title' | 'summary' | 'content' | 'outlet' | 'kind' | 'language' | 'entities' | 'sourceId'>;

export interface MatchResult {
  matched: boolean;
  /** Why it matched, one line per satisfied clause (`"Россия" in title`, `entity:Q148`). */
  reasons: string[];
}

/**
 * Evaluates a query against one document in memory, with the semantics of the search index: the
 * same analyser, phrases within one field (title, or summary + content as one body), `*` as a term
 * prefix. Used for keyword alerts, where an item must be matched the moment it is stored.
 */
export function matches(query: QueryNode, doc: MatchableDocument): MatchResult {
  return matchesBound(bindQuery(query), doc);
}

/** As `matches`, for a query bound once and tested against many documents (an alert's query). */
export function matchesBound(query: BoundQuery, doc: MatchableDocument, fields: DocumentFields = documentFields(doc)): MatchResult {
  const reasons: string[] = [];
  const matched = evaluate(query, fields, doc, reasons);
  return { matched, reasons: matched ? [...new Set(reasons)] : [] };
}

/** A document analysed once, for matching many queries against it. */
export interface DocumentFields {
  title: string[];
  body: string[];
}

/** The fields of `doc` analysed; `known` holds parts the caller has analysed already (preparing an item does). */
export function documentFields(
  doc: Pick<SearchDocument, 'title' | 'summary' | 'content'>,
  known: { title?: string[]; summary?: string[] } = {},
): DocumentFields {
  return { title: known.title ?? analyseTerms(doc.title), body: [...(known.summary ?? analyseTerms(doc.summary)), ...analyseTerms(doc.content)] };
}

function evaluate(q: BoundQuery, fields: DocumentFields, doc: MatchableDocument, reasons: string[]): boolean {
  switch (q.type) {
    case 'all':
      return true;
    case 'text': {
      const inTitle = containsSequence(fields.title, q.terms);
      const inBody = containsSequence(fields.body, q.terms);
      if (inTitle) reasons.push(`${q.source} in title`);
      if (inBody) reasons.push(`${q.source} in text`);
      return inTitle || inBody;
    }
    case 'field': {
      const ok = fieldMatches(q.field, q.values, doc);
      if (ok) reasons.push(q.source);
      return ok;
    }
    case 'not':
      return !evaluate(q.child, fields, doc, []);
    case 'and': {
      const local: string[] = [];
      const ok = q.children.every((c) => evaluate(c, fields, doc, local));
      if (ok) reasons.push(...local);
      return ok;
    }
    case 'or': {
      let ok = false;
      // Every branch is evaluated so the reasons name all that matched, not just the first.
      for (const c of q.children) ok = evaluate(c, fields, doc, reasons) || ok;
      return ok;
    }
  }
}

function fieldMatches(field: QueryField, values: string[], doc: MatchableDocument): boolean {
  switch (field) {
    case 'entity':
      return doc.entities.some((e) => values.includes(e.qid.toUpperCase()));
    case 'outlet':
      return values.includes(outletKey(doc.outlet));
    case 'lang':
      return values.includes((doc.language.split(/[-_]/)[0] ?? '').toLowerCase());
    case 'kind':
      return values.includes(doc.kind);
    case 'source':
      return values.includes(String(doc.sourceId));
  }
}

/** True when `terms` occur side by side in `tokens`, a prefix term matching any token it begins. */
export function containsSequence(tokens: readonly string[], terms: readonly BoundTerm[]): boolean {
  outer: for (let i = 0; i + terms.length <= tokens.length; i++) {
    for (let j = 0; j < terms.length; j++) {
      const term = terms[j];
      const token = tokens[i + j];
      if (!term || token === undefined) continue outer;
      if (term.prefix ? !token.startsWith(term.term) : token !== term.term) continue outer;
    }
    return terms.length > 0;
  }
  return false;
}
