import { z } from 'zod';

/** A repeated or comma-separated query parameter as a list (QIDs and entity names have no commas). */
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .optional();

/** A repeated parameter as a list, commas kept: outlet names may contain them. */
const repeated = z
  .union([z.string(), z.array(z.string().max(300))])
  .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
  .optional();

const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date such as 2022-02-04')
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString());

const query = z.string().trim().max(1000, 'must be at most 1000 characters');
const page = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
};

export const StoriesQuerySchema = z
  .object({
    q: query.optional(),
    entity: list,
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Stories of a single item are most of them and rarely what an analyst browses: 2 by default. */
    minItems: z.coerce.number().int().min(1).max(10_000).default(2),
    ...page,
  })
  .strict();

export const StoryQuerySchema = z.object({ bucket: z.enum(['hour', 'day']).optional() }).strict();

export const DenialsQuerySchema = z
  .object({
    story: z.coerce.number().int().min(1).optional(),
    bucket: z.enum(['hour', 'day']).optional(),
    ...page,
  })
  .strict();

export const CompareQuerySchema = z
  .object({
    story: z.coerce.number().int().min(1).optional(),
    q: query.optional(),
    outlets: repeated,
    bucket: z.enum(['hour', 'day']).optional(),
    topTerms: z.coerce.number().int().min(1).max(100).default(15),
  })
  .strict();

export type StoriesQuery = z.infer<typeof StoriesQuerySchema>;
export type DenialsQuery = z.infer<typeof DenialsQuerySchema>;
export type CompareQuery = z.infer<typeof CompareQuerySchema>;
