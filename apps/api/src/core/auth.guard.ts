import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@parallax/domain';
import { AdminTokenService } from './admin-token.service.js';

export const PUBLIC_ROUTE = 'parallax:public';
/** Marks a route that needs no token (health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Every `/api` route but the public ones needs `Authorization: Bearer <token>` (DESIGN.md, Auth).
 * EventSource cannot send headers, so the SSE stream also accepts `?access_token=` (RFC 6750 §2.3).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AdminTokenService) private readonly tokens: AdminTokenService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const header = req.headers.authorization;
    const fromQuery = typeof req.query['access_token'] === 'string' ? req.query['access_token'] : undefined;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : fromQuery;
    if (!token) throw new DomainError('UNAUTHORIZED', 'authentication required: send Authorization: Bearer <token>');
    if (!this.tokens.verify(token)) throw new DomainError('UNAUTHORIZED', 'invalid token');
    return true;
  }
}
