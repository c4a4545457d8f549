import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { UserRepository } from '@parallax/store';
import { AdminTokenService } from '../core/admin-token.service.js';
import type { Principal } from '../core/principal.js';
import { readSessionCookie } from '../core/session-cookie.js';
import { digestOf } from './secret-digest.js';

/** The admin token acts as this user: alerts made before accounts belong to it. */
export const ADMIN_TOKEN_USERNAME = 'admin';

/**
 * Who a request comes from: a bearer token (the admin token of `MONITOR_ADMIN_TOKEN` or a personal API
 * token, RFC 6750 §2.1), the same as `?access_token=` for EventSource (RFC 6750 §2.3), or a session cookie.
 * A bearer token, when sent, decides alone: a bad one is not rescued by a cookie.
 */
@Injectable()
export class AuthenticationService {
  constructor(
    @Inject(AdminTokenService) private readonly adminToken: AdminTokenService,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  /** The principal, null when the request carries no credentials, or 'invalid' when it carries bad ones. */
  authenticate(req: Request): Principal | null | 'invalid' {
    const header = req.headers.authorization;
    const fromQuery = typeof req.query['access_token'] === 'string' ? req.query['access_token'] : undefined;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : fromQuery;
    if (bearer !== undefined) return this.byToken(bearer) ?? 'invalid';
    const cookie = readSessionCookie(req);
    if (cookie === undefined) return null;
    const found = this.users.findSession(digestOf(cookie));
    if (!found) return 'invalid';
    return {
      userId: found.user.id,
      username: found.user.username,
      role: found.user.role,
      via: 'session',
      session: { idSha256: found.session.idSha256, csrfToken: found.session.csrfToken },
    };
  }

  /** A bearer token's principal, or null; used by routes that take a token outside the guard (Atom feeds). */
  byToken(token: string): Principal | null {
    if (!token) return null;
    if (this.adminToken.verify(token)) return { userId: null, username: ADMIN_TOKEN_USERNAME, role: 'admin', via: 'admin-token' };
    const found = this.users.findActiveToken(digestOf(token));
    if (!found) return null;
    this.users.touchToken(found.token.id);
    return { userId: found.user.id, username: found.user.username, role: found.user.role, via: 'api-token' };
  }
}
