import { z } from 'zod';

/** Query-string parameters shared by the read routes (search, stories, denials, compare). */

/** A repeated or comma-separated parameter as a list (QIDs, languages and entity names have no commas). */
export const listParam = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .optional();

/** A repeated parameter as a list, commas kept: outlet names may contain them. `maxLength` bounds each repeat. */
export function repeatedParam(maxLength?: number) {
  const one = maxLength === undefined ? z.string() : z.string().max(maxLength);
  return z
    .union([z.string(), z.array(one)])
    .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
    .optional();
}

/** A date or date-time (ISO 8601) as an ISO date-time in UTC; a bare date is its midnight UTC. */
export const isoDateParam = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date such as 2022-02-04')
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString());
