import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@parallax/domain';
import { hashPassword, UserRepository, verifyPassword } from '@parallax/store';
import type { Principal } from '../core/principal.js';
import type { ChangePassword, CreateUser, UpdateUser } from './accounts.schemas.js';
import { toPublicUser, type PublicUser } from './public-user.js';

/** User administration (admins) and a user's own password. */
@Injectable()
export class UsersService {
  constructor(@Inject(UserRepository) private readonly users: UserRepository) {}

  list(): PublicUser[] {
    return this.users.list().map(toPublicUser);
  }

  get(id: number): PublicUser {
    return toPublicUser(this.users.get(id));
  }

  async create(input: CreateUser): Promise<PublicUser> {
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return toPublicUser(this.users.create({ username: input.username, role: input.role, passwordHash }));
  }

  async update(id: number, patch: UpdateUser): Promise<PublicUser> {
    const current = this.users.get(id);
    const losesAdmin = current.role === 'admin' && !current.disabled && ((patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin) this.keepOneAdmin();
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    return toPublicUser(this.users.update(id, { role: patch.role, disabled: patch.disabled, ...(passwordHash ? { passwordHash } : {}) }));
  }

  remove(id: number): { deleted: number } {
    const current = this.users.get(id);
    if (current.role === 'admin' && !current.disabled) this.keepOneAdmin();
    this.users.delete(id);
    return { deleted: id };
  }

  async changeOwnPassword(principal: Principal, input: ChangePassword): Promise<PublicUser> {
    if (principal.userId === null) throw new DomainError('VALIDATION', 'the admin token has no password; log in as a user', { field: 'currentPassword' });
    const user = this.users.get(principal.userId);
    if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw new DomainError('VALIDATION', 'currentPassword is wrong', { field: 'currentPassword' });
    }
    return toPublicUser(this.users.update(user.id, { passwordHash: await hashPassword(input.newPassword) }));
  }

  /** Refuses a change that would leave no enabled admin user (the admin token may be unset). */
  private keepOneAdmin(): void {
    if (this.users.countActiveAdmins() <= 1) throw new DomainError('CONFLICT', 'this is the last enabled admin: make another admin first', { field: 'role' });
  }
}
