import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { DomainError } from '@parallax/domain';
import { principalOf } from './principal.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token` (the synchronizer-token
 * pattern): a cross-site page can make the browser send the cookie, never read the token. SameSite=Lax is the
 * first fence, this the second. Bearer-token callers are exempt: a browser never attaches their token by itself.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    const principal = principalOf(req);
    if (!principal?.session || SAFE_METHODS.has(req.method)) return true;
    const sent = req.headers[CSRF_HEADER];
    const a = Buffer.from(typeof sent === 'string' ? sent : '');
    const b = Buffer.from(principal.session.csrfToken);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new DomainError('FORBIDDEN', `missing or wrong ${CSRF_HEADER} header: send the csrfToken from the login answer or GET /api/auth/me`, { field: CSRF_HEADER, reason: 'csrf' });
    }
    return true;
  }
}
