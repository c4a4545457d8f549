import type { z } from 'zod';
import { DomainError } from '@parallax/domain';

/**
 * Validates input at the edge with a zod schema. The first issue becomes a 400 that names the field
 * (dotted path) and says why, so a script author can fix the request without reading our code.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<S> {
  if (where === 'body' && (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input))) {
    throw new DomainError('VALIDATION', 'request body must be a JSON object', { field: 'body' });
  }
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  // A list's element index says nothing to a user: `kind`, not `kind.0`.
  const path = issue.path.filter((p) => typeof p !== 'number');
  const field = path.length ? path.join('.') : where;
  const message = issue.code === 'unrecognized_keys' ? `unknown field: ${issue.keys.join(', ')}` : `${field}: ${issue.message}`;
  throw new DomainError('VALIDATION', message, { field: issue.code === 'unrecognized_keys' ? (issue.keys[0] ?? field) : field });
}

/** A positive integer route id, or a 400 naming it. */
export function parseId(raw: string, field = 'id'): number {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new DomainError('VALIDATION', `${field} must be a positive integer`, { field });
  return Number(raw);
}
