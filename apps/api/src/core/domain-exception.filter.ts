import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorCode } from '@parallax/domain';

const STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  QUERY_SYNTAX: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PARSE_FAILED: 422,
  FETCH_FAILED: 502,
  UNAVAILABLE: 503,
};

/**
 * The one place where errors become HTTP answers: domain codes map to statuses, Nest's own exceptions
 * (404 route, 413 body, malformed JSON) keep theirs, and anything else is a 500 that is logged, never leaked.
 * Every answer has the same shape: `{statusCode, code, message, field?, position?, expected?}`.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (error instanceof DomainError) {
      const { field, position, expected, reason } = error.details;
      res.status(STATUS[error.code]).json({ statusCode: STATUS[error.code], code: error.code, message: error.message, field, position, expected, reason });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
      // Nest's own 400s come from reading the request body (e.g. a JSON document that is not an object).
      const field = status === 400 ? 'body' : undefined;
      res.status(status).json({ statusCode: status, code: codeFor(status), message: Array.isArray(message) ? message.join('; ') : String(message), field });
      return;
    }
    // body-parser errors carry a status (400 malformed JSON, 413 too large) but are not HttpExceptions.
    const status = (error as { status?: unknown; type?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = String((error as { type?: unknown }).type ?? '');
      const message = type === 'entity.parse.failed' ? 'request body is not valid JSON' : type === 'entity.too.large' ? 'request body is too large' : String((error as Error).message);
      res.status(status).json({ statusCode: status, code: codeFor(status), message, field: 'body' });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    res.status(500).json({ statusCode: 500, code: 'INTERNAL', message: 'internal error' });
  }
}

function codeFor(status: number): string {
  if (status === 400) return 'VALIDATION';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  return 'HTTP_' + status;
}
