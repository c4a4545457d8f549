import type { BoundQuery, BoundTerm, QueryField } from '@parallax/query';

/**
 * Compiles a bound query into an FTS5 MATCH expression (https://sqlite.org/fts5.html, section 3).
 * Nothing the user typed reaches the expression raw: every token is the analyser's output inside a
 * double-quoted FTS5 string (quotes doubled), and operators come from the AST only, so `"`, `*`,
 * `NEAR`, `:` or `^` in a query can never change the expression's structure.
 *
 * Columns: `title` and `body` hold analysed text; `meta` holds one token per filterable value
 * (`e_q148`, `l_zh`, `k_official`, `o_new_york_times`, `s_12`) and `x_all` in every row, the
 * positive operand FTS5 needs to express a query that is only a negation.
 */
export const ALL_DOCS_TOKEN = 'x_all';

const FIELD_PREFIX: Record<QueryField, string> = { entity: 'e', outlet: 'o', lang: 'l', kind: 'k', source: 's' };

/** The meta token for one filter value; the adapter indexes the same tokens. */
export function metaToken(field: QueryField, value: string): string {
  return `${FIELD_PREFIX[field]}_${value.toLowerCase()}`;
}

/** The MATCH expression, or null when the query matches every document (no MATCH needed). */
export function compileMatch(query: BoundQuery): string | null {
  return query.type === 'all' ? null : compile(query);
}

function compile(q: BoundQuery): string {
  switch (q.type) {
    case 'all':
      return `(meta : ${quote(ALL_DOCS_TOKEN)})`;
    case 'text':
      // `+` joins strings into one phrase, so a prefix mark can sit on any token of it.
      return `({title body} : (${q.terms.map(phrasePart).join(' + ')}))`;
    case 'field':
      return `(meta : (${q.values.map((v) => quote(metaToken(q.field, v))).join(' OR ')}))`;
    case 'not':
      return `(${compile({ type: 'all' })} NOT ${compile(q.child)})`;
    case 'or':
      return `(${q.children.map(compile).join(' OR ')})`;
    case 'and': {
      const positives = q.children.filter((c) => c.type !== 'not');
      const negatives = q.children.flatMap((c) => (c.type === 'not' ? [c.child] : []));
      let expr = positives.length > 0 ? `(${positives.map(compile).join(' AND ')})` : compile({ type: 'all' });
      // FTS5's NOT is binary (a NOT b); chaining it keeps the query anchored on the positive part.
      for (const n of negatives) expr = `(${expr} NOT ${compile(n)})`;
      return expr;
    }
  }
}

function phrasePart(t: BoundTerm): string {
  return t.prefix ? `${quote(t.term)} *` : quote(t.term);
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}
