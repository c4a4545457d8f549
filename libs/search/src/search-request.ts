import { DomainError, type SearchRequest } from '@parallax/domain';

/** Most hits one request may ask for: a page of results, not an export. */
export const MAX_SEARCH_LIMIT = 200;
/** Deepest offset served; past it, narrow the query. */
export const MAX_SEARCH_OFFSET = 10_000;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A request's time range as ISO 8601 UTC instants, inclusive at both ends. */
export interface TimeRange {
  from: string | null;
  to: string | null;
}

/**
 * Checks the parts of a request the query parser does not: paging and dates. Every adapter calls
 * it so they reject the same requests. A bare date (`2022-02-04`) covers that whole UTC day.
 */
export function checkSearchRequest(req: SearchRequest): TimeRange {
  if (!Number.isInteger(req.limit) || req.limit < 0 || req.limit > MAX_SEARCH_LIMIT) {
    throw new DomainError('VALIDATION', `limit must be an integer from 0 to ${MAX_SEARCH_LIMIT}`, { field: 'limit' });
  }
  if (!Number.isInteger(req.offset) || req.offset < 0 || req.offset > MAX_SEARCH_OFFSET) {
    throw new DomainError('VALIDATION', `offset must be an integer from 0 to ${MAX_SEARCH_OFFSET}`, { field: 'offset' });
  }
  if (req.sort !== 'relevance' && req.sort !== 'newest') {
    throw new DomainError('VALIDATION', 'sort must be relevance or newest', { field: 'sort' });
  }
  const range = { from: instant(req.from, 'from'), to: instant(req.to, 'to') };
  if (range.from && range.to && range.from > range.to) {
    throw new DomainError('VALIDATION', 'from must not be after to', { field: 'from' });
  }
  return range;
}

function instant(value: string | undefined, field: 'from' | 'to'): string | null {
  if (value === undefined || value === '') return null;
  const text = DATE_ONLY.test(value) ? `${value}T${field === 'from' ? '00:00:00.000' : '23:59:59.999'}Z` : value;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new DomainError('VALIDATION', `${field} must be an ISO 8601 date or date-time`, { field });
  return new Date(ms).toISOString();
}

/** A document's publishedAt in the one form the index sorts and buckets by. */
export function normalisePublishedAt(value: string, id: number): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new DomainError('VALIDATION', `document ${id}: publishedAt is not a date`, { field: 'publishedAt', id });
  return new Date(ms).toISOString();
}
