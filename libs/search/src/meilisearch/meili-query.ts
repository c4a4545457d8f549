import { DomainError, type SearchRequest } from '@parallax/domain';
import { outletKey, type BoundQuery, type BoundTerm, type QueryField } from '@parallax/query';
import type { TimeRange } from '../search-request.js';
import { meiliWord, primaryLanguage } from './meili-document.js';

/**
 * One Meilisearch search: `q` (words, phrases, negative words) and a `filter` expression. A query
 * becomes one of these per alternative of its OR (a federated multi-search unions them).
 */
export interface MeiliAlternative {
  q: string;
  filter: string | null;
  /** True when `q` holds a positive word, so relevance can rank; else the order is newest first. */
  ranked: boolean;
}

/** Alternatives per query: each is a search of its own in the multi-search. */
export const MAX_ALTERNATIVES = 16;
/**
 * Meilisearch reads the first 10 words of `q` and drops the rest
 * (https://www.meilisearch.com/docs/learn/resources/known_limitations), which would silently
 * widen the result; a longer alternative is refused instead.
 */
export const MAX_WORDS_PER_SEARCH = 10;

type Literal = { negated: boolean; node: Extract<BoundQuery, { type: 'text' } | { type: 'field' }> };
type Conjunction = Literal[];

const FILTER_ATTRIBUTE: Record<QueryField, string> = { entity: 'entityIds', outlet: 'outletKey', lang: 'language', kind: 'kind', source: 'sourceId' };

/**
 * A filter value as a Meilisearch string literal. The filter grammar reads a double-quoted string
 * with `\` escaping the quote (https://www.meilisearch.com/docs/learn/filtering_and_sorting/filter_expression_reference),
 * so a value can hold quotes, brackets, `AND`, `OR` or `NOT` and still be one value: the
 * expression's structure comes from our code only.
 */
export function filterString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `attribute = "v"`, or `attribute IN ["a", "b"]` for several values (any of them). */
export function anyOfFilter(attribute: string, values: readonly string[]): string {
  const unique = [...new Set(values)];
  if (unique.length === 1) return `${attribute} = ${filterString(unique[0] ?? '')}`;
  return `${attribute} IN [${unique.map(filterString).join(', ')}]`;
}

/**
 * The request's own filters (the API's `entity`, `outlet`, `lang`, `kind`, `from`, `to`) with the
 * embedded engine's semantics: several entities are all required; several outlets, languages or
 * kinds are alternatives (an item has one of each). Null when there are none.
 */
export function requestFilter(req: SearchRequest, range: TimeRange): string | null {
  const clauses: string[] = [];
  for (const qid of new Set((req.entity ?? []).map((q) => q.toUpperCase()))) clauses.push(anyOfFilter('entityIds', [qid]));
  if (req.outlet?.length) clauses.push(anyOfFilter('outletKey', req.outlet.map(outletKey)));
  if (req.lang?.length) clauses.push(anyOfFilter('language', req.lang.map(primaryLanguage)));
  if (req.kind?.length) clauses.push(anyOfFilter('kind', req.kind));
  if (range.from) clauses.push(`publishedAt >= ${Date.parse(range.from)}`);
  if (range.to) clauses.push(`publishedAt <= ${Date.parse(range.to)}`);
  return clauses.length ? clauses.join(' AND ') : null;
}

/** ANDs filter expressions, each in parentheses so an OR inside one cannot leak. */
export function andFilters(...filters: (string | null)[]): string | null {
  const present = filters.filter((f): f is string => Boolean(f));
  if (present.length === 0) return null;
  if (present.length === 1) return present[0] ?? null;
  return present.map((f) => `(${f})`).join(' AND ');
}

/**
 * Translates a bound query into Meilisearch searches whose union is the query's result. The query
 * is put in disjunctive normal form (negations pushed to the words, ANDs distributed over ORs);
 * each conjunction is one search: its words and phrases in `q`, its field filters in `filter`.
 * An empty array means the query matches nothing (`NOT` of everything).
 *
 * `q` spelling: every word is a one-word phrase (`"word"`), which Meilisearch matches exactly (no
 * prefix, typo, split or concatenation); a `word*` is the one bare word, put last, because
 * Meilisearch prefix-matches only the last word of `q`. Negations are `-"word"` / `-"a b"`
 * (Meilisearch 1.8+).
 *
 * Where Meilisearch cannot say what the query says, the search is the closest narrower one, so a
 * result never holds an item the embedded engine would not return: a second `word*` in one
 * alternative, and a negated `word*`, match the word exactly; a prefix mark inside a phrase (a lone
 * Han character in quotes) is dropped.
 */
export function translateQuery(query: BoundQuery): MeiliAlternative[] {
  const conjunctions = dnf(query, false);
  if (conjunctions.length > MAX_ALTERNATIVES) {
    throw new DomainError('QUERY_SYNTAX', `the query has ${conjunctions.length} alternatives; at most ${MAX_ALTERNATIVES} can be searched`, {
      field: 'q',
      position: 0,
      expected: 'fewer OR alternatives',
    });
  }
  return conjunctions.map(toAlternative);
}

function dnf(q: BoundQuery, negated: boolean): Conjunction[] {
  switch (q.type) {
    case 'all':
      return negated ? [] : [[]];
    case 'text':
    case 'field':
      return [[{ negated, node: q }]];
    case 'not':
      return dnf(q.child, !negated);
    case 'and':
    case 'or': {
      // De Morgan: under a negation AND becomes OR and OR becomes AND.
      const isAnd = (q.type === 'and') !== negated;
      const parts = q.children.map((c) => dnf(c, negated));
      if (!isAnd) return parts.flat();
      let product: Conjunction[] = [[]];
      for (const part of parts) {
        const next: Conjunction[] = [];
        for (const left of product) for (const right of part) next.push([...left, ...right]);
        product = next;
        // Checked as it grows: a product of many ORs must not be built just to be refused.
        if (product.length > MAX_ALTERNATIVES) return product;
      }
      return product;
    }
  }
}

function toAlternative(conjunction: Conjunction): MeiliAlternative {
  const words: string[] = [];
  const negatives: string[] = [];
  const filters: string[] = [];
  let prefixWord: string | null = null;
  let wordCount = 0;
  for (const { negated, node } of conjunction) {
    if (node.type === 'field') {
      const clause = anyOfFilter(FILTER_ATTRIBUTE[node.field], node.field === 'entity' ? node.values.map((v) => v.toUpperCase()) : node.values);
      filters.push(negated ? `NOT ${clause}` : clause);
      continue;
    }
    wordCount += node.terms.length;
    const single = node.terms.length === 1 ? node.terms[0] : undefined;
    if (!negated && single?.prefix && prefixWord === null) {
      prefixWord = meiliWord(single.term);
      continue;
    }
    const phrase = `"${node.terms.map((t: BoundTerm) => meiliWord(t.term)).join(' ')}"`;
    (negated ? negatives : words).push(negated ? `-${phrase}` : phrase);
  }
  if (wordCount > MAX_WORDS_PER_SEARCH) {
    throw new DomainError('QUERY_SYNTAX', `an alternative of the query has ${wordCount} words; the search engine reads at most ${MAX_WORDS_PER_SEARCH}`, {
      field: 'q',
      position: 0,
      expected: `at most ${MAX_WORDS_PER_SEARCH} words per alternative`,
    });
  }
  const q = [...words, ...negatives, ...(prefixWord === null ? [] : [prefixWord])].join(' ');
  return { q, filter: filters.length ? filters.join(' AND ') : null, ranked: words.length > 0 || prefixWord !== null };
}
