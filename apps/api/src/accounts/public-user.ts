import type { UserRecord, UserRole } from '@parallax/store';

/** A user as the API shows it: never the password record. */
export interface PublicUser {
  id: number;
  username: string;
  role: UserRole;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toPublicUser(u: UserRecord): PublicUser {
  return { id: u.id, username: u.username, role: u.role, disabled: u.disabled, hasPassword: u.passwordHash !== null, createdAt: u.createdAt, updatedAt: u.updatedAt };
}
