import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@parallax/domain';
import type { UserRole } from '@parallax/store';

/** Who is calling, as established by the auth guard. */
export interface Principal {
  /** null for the admin token of `MONITOR_ADMIN_TOKEN`, which is not a stored user. */
  userId: number | null;
  /** Owner key of the caller's alerts; the admin token acts as `admin` (the owner of alerts made before accounts). */
  username: string;
  role: UserRole;
  via: 'admin-token' | 'api-token' | 'session';
  /** Set for session callers: the digest of the session and the CSRF token that cookie writes must echo. */
  session?: { idSha256: string; csrfToken: string };
}

const RANK: Record<UserRole, number> = { viewer: 0, analyst: 1, admin: 2 };

export function hasRole(p: Principal, needed: UserRole): boolean {
  return RANK[p.role] >= RANK[needed];
}

/** True when the caller may see and change what `owner` made: the owner, or an admin. */
export function canAccessOwned(p: Principal, owner: string): boolean {
  return p.role === 'admin' || p.username.toLowerCase() === owner.toLowerCase();
}

export const REQUIRED_ROLE = 'parallax:role';
/**
 * The least role a route needs. Without it, reads (GET/HEAD) need `viewer` and writes need `admin`, so a new
 * write route is closed to analysts and viewers until someone decides otherwise.
 */
export const Roles = (role: UserRole): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);

const KEY = Symbol('parallax:principal');

export function setPrincipal(req: Request, p: Principal): void {
  (req as unknown as Record<symbol, Principal>)[KEY] = p;
}

export function principalOf(req: Request): Principal | null {
  return (req as unknown as Record<symbol, Principal | undefined>)[KEY] ?? null;
}

/** The authenticated caller of a guarded route. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const p = principalOf(ctx.switchToHttp().getRequest<Request>());
  if (!p) throw new DomainError('UNAUTHORIZED', 'authentication required');
  return p;
});
