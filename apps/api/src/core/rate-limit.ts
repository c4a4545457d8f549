import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';

const MINUTE = 60_000;

/** Login attempts per client address and minute: slows password guessing to a crawl. */
export const LOGIN_LIMIT = { limit: 10, ttl: MINUTE };

/**
 * Writes per client address, route and minute. Reads are not limited here: they are cheap and the
 * dashboard makes many. Generous enough for scripts that poll sources or import in bulk.
 */
export const WRITE_LIMIT = { limit: 600, ttl: MINUTE };

const isRead = (ctx: ExecutionContext): boolean => ['GET', 'HEAD', 'OPTIONS'].includes(ctx.switchToHttp().getRequest<Request>().method);

export const RATE_LIMITS: ThrottlerModuleOptions = {
  throttlers: [{ name: 'default', ...WRITE_LIMIT, skipIf: isRead }],
  errorMessage: 'too many requests: slow down and retry after the Retry-After delay',
};
