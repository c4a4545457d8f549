import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@parallax/domain';
import { hashPassword, UserRepository, verifyPassword, type UserRecord } from '@parallax/store';
import { SESSION_TTL_MS } from '../core/session-cookie.js';
import { digestOf, newSecret } from './secret-digest.js';
import { toPublicUser, type PublicUser } from './public-user.js';

export interface NewSession {
  /** The cookie value: shown to the browser once, stored only as a digest. */
  secret: string;
  csrfToken: string;
  user: PublicUser;
  expiresAt: string;
}

/** Password login and logout. */
@Injectable()
export class SessionsService {
  /** Verified against when the username is unknown, so both failures cost the same scrypt time. */
  private decoy: Promise<string> | null = null;

  constructor(@Inject(UserRepository) private readonly users: UserRepository) {}

  async login(username: string, password: string, now = new Date()): Promise<NewSession> {
    const user = this.users.findByUsername(username.trim());
    const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await this.spendDecoy(password);
    // One message for every failure: which usernames exist is nobody's business.
    if (!user || !ok || user.disabled) throw new DomainError('UNAUTHORIZED', 'wrong username or password', { field: 'password' });
    this.users.pruneSessions(now);
    return this.open(user, now);
  }

  logout(idSha256: string): void {
    this.users.deleteSession(idSha256);
  }

  private open(user: UserRecord, now: Date): NewSession {
    const secret = newSecret();
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
    this.users.createSession({ idSha256: digestOf(secret), userId: user.id, csrfToken, createdAt: now.toISOString(), expiresAt });
    return { secret, csrfToken, user: toPublicUser(user), expiresAt };
  }

  private async spendDecoy(password: string): Promise<false> {
    this.decoy ??= hashPassword(newSecret());
    await verifyPassword(password, await this.decoy);
    return false;
  }
}
