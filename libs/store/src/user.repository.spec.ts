import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { UserRepository } from './user.repository.js';

const repo = () => new UserRepository(openDatabase(':memory:'));

describe('UserRepository', () => {
  it('finds usernames without regard to case and refuses a second one', () => {
    const users = repo();
    users.create({ username: 'Ana', role: 'analyst', passwordHash: null });
    expect(users.findByUsername('ana')?.username).toBe('Ana');
    expect(() => users.create({ username: 'ANA', role: 'viewer', passwordHash: null })).toThrow(/already exists/);
  });

  it('serves a session until it expires, and never for a disabled user', () => {
    const users = repo();
    const u = users.create({ username: 'bob', role: 'viewer', passwordHash: null });
    const now = new Date('2026-01-01T00:00:00Z');
    users.createSession({ idSha256: 'a'.repeat(64), userId: u.id, csrfToken: 'c', createdAt: now.toISOString(), expiresAt: '2026-01-08T00:00:00.000Z' });
    expect(users.findSession('a'.repeat(64), now)?.user.id).toBe(u.id);
    expect(users.findSession('a'.repeat(64), new Date('2026-01-08T00:00:00Z'))).toBeNull();
    users.update(u.id, { disabled: true });
    expect(users.findSession('a'.repeat(64), now)).toBeNull();
  });

  it('finds a token by digest until it is revoked or its user deleted', () => {
    const users = repo();
    const u = users.create({ username: 'vera', role: 'viewer', passwordHash: null });
    const t = users.createToken({ userId: u.id, name: 'script', tokenSha256: 'd'.repeat(64), prefix: 'plx_abcdef' });
    expect(users.findActiveToken('d'.repeat(64))?.user.username).toBe('vera');
    users.revokeToken(t.id);
    expect(users.findActiveToken('d'.repeat(64))).toBeNull();
    const t2 = users.createToken({ userId: u.id, name: 'again', tokenSha256: 'e'.repeat(64), prefix: 'plx_ghijkl' });
    users.delete(u.id);
    expect(users.findActiveToken('e'.repeat(64))).toBeNull();
    expect(() => users.getToken(t2.id)).toThrow(/does not exist/);
  });

  it('keeps passwords as salted scrypt records that verify only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-record')).toBe(false);
  });
});
