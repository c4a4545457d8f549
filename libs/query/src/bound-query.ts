import { prefixStems } from './analysis/prefix-stems.js';
import { analyseText, MAX_TOKEN_LENGTH } from './analysis/text-analyser.js';
import type { QueryField, QueryNode, TermNode } from './query-node.js';

/** One analysed query token: an index term, or every index term it begins when `prefix`. */
export interface BoundTerm {
  term: string;
  prefix: boolean;
}

/**
 * A QueryNode with its text run through the analyser: what the back ends compile and the matcher
 * evaluates. Binding once, here, is what makes the index and the matcher agree.
 */
export type BoundQuery =
  | { type: 'all' }
  /** Consecutive tokens in one field (title or body); a single-token sequence is a plain term. */
  | { type: 'text'; terms: BoundTerm[]; source: string }
  | { type: 'field'; field: QueryField; values: string[]; source: string }
  | { type: 'not'; child: BoundQuery }
  | { type: 'and'; children: BoundQuery[] }
  | { type: 'or'; children: BoundQuery[] };

/**
 * Analyses the text of a query. A word that analyses to nothing (`!!!`, a lone `-`) drops out of
 * its group rather than matching nothing; a query left empty matches everything.
 */
export function bindQuery(node: QueryNode): BoundQuery {
  return bind(node) ?? { type: 'all' };
}

function bind(node: QueryNode): BoundQuery | null {
  switch (node.type) {
    case 'all':
      return { type: 'all' };
    case 'phrase': {
      const tokens = analyseText(node.text, 'query');
      if (tokens.length === 0) return null;
      return { type: 'text', terms: tokens.map((t) => ({ term: t.term, prefix: t.prefix === true })), source: `"${node.text}"` };
    }
    case 'term':
      return bindTerm(node);
    case 'field':
      return { type: 'field', field: node.field, values: node.values, source: `${node.field}:${node.value}` };
    case 'not': {
      const child = bind(node.child);
      return child ? { type: 'not', child } : null;
    }
    case 'and':
    case 'or': {
      const children = node.children.map(bind).filter((c): c is BoundQuery => c !== null);
      if (children.length === 0) return null;
      if (children.length === 1) return children[0] ?? null;
      return { type: node.type, children };
    }
  }
}

/**
 * A word, and for `word*` its completions: the unstemmed prefix matches longer terms, and the
 * shorter stems of words it begins (prefix-stems.ts) match exactly, in an OR.
 */
function bindTerm(node: TermNode): BoundQuery | null {
  const tokens = analyseText(node.text, 'query');
  const last = tokens[tokens.length - 1];
  if (!last) return null;
  const source = `${node.text}${node.prefix ? '*' : ''}`;
  const head = tokens.slice(0, -1).map((t) => ({ term: t.term, prefix: t.prefix === true }));
  if (!node.prefix || last.folded === undefined) {
    return { type: 'text', terms: [...head, { term: last.term, prefix: node.prefix || last.prefix === true }], source };
  }
  const prefix = [...last.folded].slice(0, MAX_TOKEN_LENGTH).join('');
  const variants: BoundQuery[] = [{ type: 'text', terms: [...head, { term: prefix, prefix: true }], source }];
  for (const stem of prefixStems(prefix)) variants.push({ type: 'text', terms: [...head, { term: stem, prefix: false }], source });
  return variants.length === 1 ? (variants[0] ?? null) : { type: 'or', children: variants };
}

/** The positive text terms of a query, for highlighting: negated terms are not marked. */
export function positiveTerms(query: BoundQuery, negated = false): BoundTerm[] {
  switch (query.type) {
    case 'text':
      return negated ? [] : query.terms;
    case 'not':
      return positiveTerms(query.child, !negated);
    case 'and':
    case 'or':
      return query.children.flatMap((c) => positiveTerms(c, negated));
    default:
      return [];
  }
}
