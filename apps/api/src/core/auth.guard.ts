import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@parallax/domain';
import type { UserRole } from '@parallax/store';
import { AuthenticationService } from '../accounts/authentication.service.js';
import { hasRole, REQUIRED_ROLE, setPrincipal } from './principal.js';

export const PUBLIC_ROUTE = 'parallax:public';
/** Marks a route that needs no credentials (health, login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every `/api` route but the public ones needs a session or `Authorization: Bearer <token>` (DESIGN.md,
 * Auth), then the route's role (`@Roles`; by default `viewer` to read and `admin` to write).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthenticationService) private readonly auth: AuthenticationService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const principal = this.auth.authenticate(req);
    if (principal === null) throw new DomainError('UNAUTHORIZED', 'authentication required: log in, or send Authorization: Bearer <token>');
    if (principal === 'invalid') throw new DomainError('UNAUTHORIZED', 'invalid or expired credentials: log in again, or send a valid token');
    setPrincipal(req, principal);
    const needed = this.reflector.getAllAndOverride<UserRole>(REQUIRED_ROLE, targets) ?? (SAFE_METHODS.has(req.method) ? 'viewer' : 'admin');
    if (!hasRole(principal, needed)) throw new DomainError('FORBIDDEN', `this needs the ${needed} role; you are ${principal.role}`, { reason: 'role' });
    return true;
  }
}
