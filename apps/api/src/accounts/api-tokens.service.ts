import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@parallax/domain';
import { UserRepository, type ApiTokenRecord } from '@parallax/store';
import type { Principal } from '../core/principal.js';
import { digestOf, newSecret } from './secret-digest.js';

const TOKEN_PREFIX = 'plx_';

/** Personal API tokens: for scripts and feed readers; shown once, stored as a digest, revocable. */
@Injectable()
export class ApiTokensService {
  constructor(@Inject(UserRepository) private readonly users: UserRepository) {}

  list(principal: Principal): ApiTokenRecord[] {
    return principal.userId === null ? [] : this.users.tokensOf(principal.userId);
  }

  /** The token itself is in this answer and nowhere else, ever. */
  create(principal: Principal, name: string): ApiTokenRecord & { token: string } {
    if (principal.userId === null) throw new DomainError('VALIDATION', 'the admin token cannot own tokens: create a user and log in as it', { field: 'body' });
    const token = newSecret(TOKEN_PREFIX);
    const record = this.users.createToken({ userId: principal.userId, name, tokenSha256: digestOf(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) });
    return { ...record, token };
  }

  /** A user revokes their own tokens; an admin anyone's. Someone else's token answers 404, like a missing one. */
  revoke(principal: Principal, id: number): ApiTokenRecord {
    const token = this.users.getToken(id);
    if (principal.role !== 'admin' && token.userId !== principal.userId) throw new DomainError('NOT_FOUND', `token ${id} does not exist`, { field: 'id' });
    return this.users.revokeToken(id);
  }
}
