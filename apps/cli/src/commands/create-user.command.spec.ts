import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store, UserRepository, verifyPassword } from '@parallax/store';
import { createUserCommand, PASSWORD_ENV } from './create-user.command.js';

let dataDir: string;
const saved = { ...process.env };
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-create-user-'));
  Object.assign(process.env, { MONITOR_DATA_DIR: dataDir, MONITOR_SEED: 'none' });
});
afterAll(() => {
  process.env = saved;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('creates the first admin with the password from the environment, stored only as scrypt', async () => {
  process.env[PASSWORD_ENV] = 'first-admin-password';
  expect(await createUserCommand.run(['chief', '--role', 'admin'])).toBe(0);
  const store = Store.open(Store.fileIn(dataDir));
  try {
    const user = new UserRepository(store.db).findByUsername('chief');
    expect(user?.role).toBe('admin');
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(user?.passwordHash).not.toContain('first-admin-password');
    expect(await verifyPassword('first-admin-password', user!.passwordHash!)).toBe(true);
    expect(await verifyPassword('first-admin-passwore', user!.passwordHash!)).toBe(false);
  } finally {
    store.close();
  }
  await expect(createUserCommand.run(['chief', '--role', 'admin'])).rejects.toThrow(/already exists/);
  process.env[PASSWORD_ENV] = 'short';
  await expect(createUserCommand.run(['other', '--role', 'viewer'])).rejects.toThrow(/at least/);
  await expect(createUserCommand.run(['other', '--role', 'boss'])).rejects.toThrow(/--role/);
});
