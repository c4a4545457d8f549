import { DomainError } from '@parallax/domain';
import type { Db } from './database.js';

/** admin: sources, entities, users; analyst: search and alerts of their own; viewer: read only. */
export type UserRole = 'admin' | 'analyst' | 'viewer';
export const USER_ROLES: readonly UserRole[] = ['admin', 'analyst', 'viewer'];

export interface UserRecord {
  id: number;
  username: string;
  role: UserRole;
  /** The scrypt record of the password, or null for an account without one (API tokens only). */
  passwordHash: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRecord {
  idSha256: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface ApiTokenRecord {
  id: number;
  userId: number;
  name: string;
  /** The first characters of the token, so its owner can tell tokens apart; never enough to use it. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type UserPatch = Partial<Pick<UserRecord, 'role' | 'passwordHash' | 'disabled'>>;

interface UserRow {
  id: number;
  username: string;
  role: UserRole;
  password_hash: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

interface SessionRow {
  id_sha256: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

interface TokenRow {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/**
 * Accounts: users, their login sessions and their personal API tokens. Secrets never reach this table in
 * the clear: sessions and tokens are looked up by the SHA-256 of the secret the client holds, passwords are
 * scrypt records made by the caller.
 */
export class UserRepository {
  constructor(private readonly db: Db) {}

  list(): UserRecord[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUser);
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
  }

  /** Enabled admins: the last one may not be demoted, disabled or deleted. */
  countActiveAdmins(): number {
    return this.db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0").pluck().get() as number;
  }

  get(id: number): UserRecord {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    if (!row) throw new DomainError('NOT_FOUND', `user ${id} does not exist`, { field: 'id' });
    return toUser(row);
  }

  findByUsername(username: string): UserRecord | null {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  create(u: { username: string; role: UserRole; passwordHash: string | null }, now = new Date()): UserRecord {
    if (this.findByUsername(u.username)) throw new DomainError('CONFLICT', `user ${u.username} already exists`, { field: 'username' });
    const at = now.toISOString();
    const id = this.db
      .prepare('INSERT INTO users (username, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(u.username, u.role, u.passwordHash, at, at).lastInsertRowid;
    return this.get(Number(id));
  }

  update(id: number, patch: UserPatch, now = new Date()): UserRecord {
    const current = this.get(id);
    const next = { ...current, ...patch };
    this.db
      .prepare('UPDATE users SET role = ?, password_hash = ?, disabled = ?, updated_at = ? WHERE id = ?')
      .run(next.role, next.passwordHash, next.disabled ? 1 : 0, now.toISOString(), id);
    // A changed password or a disabled account ends every open session of that user.
    if (patch.passwordHash !== undefined || patch.disabled) this.deleteSessionsOf(id);
    return this.get(id);
  }

  delete(id: number): void {
    this.get(id);
    this.db.prepare('DELETE FROM users WHERE id = ?').run(id);
  }

  createSession(s: SessionRecord): void {
    this.db
      .prepare('INSERT INTO sessions (id_sha256, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(s.idSha256, s.userId, s.csrfToken, s.createdAt, s.expiresAt);
  }

  /** The live session with this digest and its enabled user, or null (unknown, expired or disabled). */
  findSession(idSha256: string, now = new Date()): { session: SessionRecord; user: UserRecord } | null {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id_sha256 = ? AND expires_at > ?').get(idSha256, now.toISOString()) as SessionRow | undefined;
    if (!row) return null;
    const user = this.get(row.user_id);
    if (user.disabled) return null;
    return { session: { idSha256: row.id_sha256, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at }, user };
  }

  deleteSession(idSha256: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_sha256 = ?').run(idSha256);
  }

  deleteSessionsOf(userId: number): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  pruneSessions(now = new Date()): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString()).changes;
  }

  createToken(t: { userId: number; name: string; tokenSha256: string; prefix: string }, now = new Date()): ApiTokenRecord {
    const id = this.db
      .prepare('INSERT INTO api_tokens (user_id, name, token_sha256, prefix, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(t.userId, t.name, t.tokenSha256, t.prefix, now.toISOString()).lastInsertRowid;
    return this.getToken(Number(id));
  }

  getToken(id: number): ApiTokenRecord {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as TokenRow | undefined;
    if (!row) throw new DomainError('NOT_FOUND', `token ${id} does not exist`, { field: 'id' });
    return toToken(row);
  }

  /** The unrevoked token with this digest and its enabled user, or null. */
  findActiveToken(tokenSha256: string): { token: ApiTokenRecord; user: UserRecord } | null {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE token_sha256 = ? AND revoked_at IS NULL').get(tokenSha256) as TokenRow | undefined;
    if (!row) return null;
    const user = this.get(row.user_id);
    return user.disabled ? null : { token: toToken(row), user };
  }

  tokensOf(userId: number): ApiTokenRecord[] {
    return (this.db.prepare('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id').all(userId) as TokenRow[]).map(toToken);
  }

  revokeToken(id: number, now = new Date()): ApiTokenRecord {
    this.db.prepare('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now.toISOString(), id);
    return this.getToken(id);
  }

  /** Written at most once a minute per token, so authentication does not turn every read into a write. */
  touchToken(id: number, now = new Date()): void {
    const cutoff = new Date(now.getTime() - 60_000).toISOString();
    this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)').run(now.toISOString(), id, cutoff);
  }
}

function toUser(r: UserRow): UserRecord {
  return { id: r.id, username: r.username, role: r.role, passwordHash: r.password_hash, disabled: r.disabled === 1, createdAt: r.created_at, updatedAt: r.updated_at };
}

function toToken(r: TokenRow): ApiTokenRecord {
  return { id: r.id, userId: r.user_id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}
