import { z } from 'zod';
import { isoDateParam, listParam, repeatedParam } from '../core/query-params.js';

const query = z.string().trim().max(1000, 'must be at most 1000 characters');
const page = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
};

export const StoriesQuerySchema = z
  .object({
    q: query.optional(),
    entity: listParam,
    from: isoDateParam.optional(),
    to: isoDateParam.optional(),
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
    outlets: repeatedParam(300),
    bucket: z.enum(['hour', 'day']).optional(),
    topTerms: z.coerce.number().int().min(1).max(100).default(15),
  })
  .strict();

export type StoriesQuery = z.infer<typeof StoriesQuerySchema>;
export type DenialsQuery = z.infer<typeof DenialsQuerySchema>;
export type CompareQuery = z.infer<typeof CompareQuerySchema>;
