import type { SearchSort, SourceKind } from '@parallax/domain';
import type { QueryValue } from '../../api/api-client.js';

/** Everything the search page shows, as it sits in the URL so that a link reproduces the view. */
export interface SearchState {
  q: string;
  entity: string[];
  outlet: string[];
  lang: string[];
  kind: SourceKind[];
  /** Calendar days `YYYY-MM-DD`, inclusive, in UTC. */
  from: string;
  to: string;
  sort: SearchSort;
  /** 1-based page number. */
  page: number;
}

export type FacetField = 'entity' | 'outlet' | 'lang' | 'kind';
export const FACET_FIELDS: readonly FacetField[] = ['entity', 'outlet', 'lang', 'kind'];
export const PAGE_SIZE = 20;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseSearchState(sp: URLSearchParams): SearchState {
  const uniq = (k: string) => [...new Set(sp.getAll(k).filter((v) => v.trim() !== ''))];
  const page = Number.parseInt(sp.get('page') ?? '1', 10);
  const day = (k: string) => {
    const v = sp.get(k) ?? '';
    return DAY.test(v) ? v : '';
  };
  return {
    q: sp.get('q') ?? '',
    entity: uniq('entity'),
    outlet: uniq('outlet'),
    lang: uniq('lang'),
    kind: uniq('kind').filter((k): k is SourceKind => k === 'media' || k === 'official'),
    from: day('from'),
    to: day('to'),
    sort: sp.get('sort') === 'newest' ? 'newest' : 'relevance',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The URL form of a state; defaults are left out so links stay short. */
export function searchStateToParams(s: SearchState): URLSearchParams {
  const sp = new URLSearchParams();
  if (s.q) sp.set('q', s.q);
  for (const f of FACET_FIELDS) for (const v of s[f]) sp.append(f, v);
  if (s.from) sp.set('from', s.from);
  if (s.to) sp.set('to', s.to);
  if (s.sort !== 'relevance') sp.set('sort', s.sort);
  if (s.page > 1) sp.set('page', String(s.page));
  return sp;
}

/** Adds or removes one facet value; any change of the result set goes back to page 1. */
export function toggleFacet(s: SearchState, field: FacetField, value: string): SearchState {
  const current: string[] = s[field];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...s, [field]: next, page: 1 };
}

/** Parameters of `GET /api/search` (DESIGN.md, HTTP contract). */
export function toSearchParams(s: SearchState): Record<string, QueryValue> {
  return {
    q: s.q,
    entity: s.entity,
    outlet: s.outlet,
    lang: s.lang,
    kind: s.kind,
    from: s.from ? `${s.from}T00:00:00.000Z` : undefined,
    to: s.to ? `${s.to}T23:59:59.999Z` : undefined,
    sort: s.sort,
    limit: PAGE_SIZE,
    offset: (s.page - 1) * PAGE_SIZE,
    // The page shows facets and the histogram; the API computes them only when asked.
    facets: true,
  };
}

function quoteIfNeeded(v: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(v) ? v : `"${v.replace(/"/g, '')}"`;
}

/**
 * The state as one query of the analyst language, for saving as an alert: facet values become field
 * filters (several values of one facet are alternatives, as in the facet list). Dates are left out:
 * an alert looks at items still to come.
 */
export function toAlertQuery(s: SearchState): string {
  const parts: string[] = [];
  if (s.q.trim()) parts.push(FACET_FIELDS.some((f) => s[f].length > 0) && /\sOR\s/.test(s.q) ? `(${s.q.trim()})` : s.q.trim());
  for (const f of FACET_FIELDS) {
    const terms = s[f].map((v) => `${f}:${quoteIfNeeded(v)}`);
    if (terms.length === 1) parts.push(terms[0] as string);
    else if (terms.length > 1) parts.push(`(${terms.join(' OR ')})`);
  }
  return parts.join(' ');
}
