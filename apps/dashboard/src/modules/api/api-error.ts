/** An error answer of the API: `{statusCode, code, message, field?, position?}` (DESIGN.md, errors). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
  position?: number;
  expected?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly position: number | undefined;
  readonly expected: string | undefined;

  constructor(status: number, body: Partial<ApiErrorBody>) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? (status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR');
    this.field = body.field;
    this.position = typeof body.position === 'number' ? body.position : undefined;
    this.expected = body.expected;
  }

  /** A route that has not landed yet, or a record that does not exist. */
  get notFound(): boolean {
    return this.status === 404;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
