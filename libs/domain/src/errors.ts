/**
 * One error type for the whole domain: a code says what went wrong, the API maps codes to HTTP
 * answers in one place. `field` names the offending input field when there is one.
 */
export type DomainErrorCode =
  | 'VALIDATION' // bad input: 400
  | 'QUERY_SYNTAX' // query that does not parse: 400
  | 'NOT_FOUND' // 404
  | 'CONFLICT' // 409
  | 'FORBIDDEN' // 403
  | 'UNAUTHORIZED' // 401
  | 'FETCH_FAILED' // a remote source could not be fetched: 502 when surfaced over the API
  | 'PARSE_FAILED' // a remote document could not be parsed: 422
  | 'UNAVAILABLE'; // a dependency is down: 503

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { field?: string; position?: number; expected?: string; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The message of anything thrown: an Error's message, or the value as text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
