import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_LOCK_FILE, Store, UserRepository } from '@parallax/store';
import { backupCommand } from './backup.command.js';
import { restoreCommand } from './restore.command.js';

let dataDir: string;
let outDir: string;
const saved = { ...process.env };

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-backup-data-'));
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-backup-out-'));
  Object.assign(process.env, { MONITOR_DATA_DIR: dataDir, MONITOR_SEED: 'none', LOG_LEVEL: 'warn' });
});
afterAll(() => {
  process.env = saved;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
});

const usernames = (file: string): string[] => {
  const store = Store.open(file);
  try {
    return new UserRepository(store.db).list().map((u) => u.username);
  } finally {
    store.close();
  }
};

describe('backup and restore', () => {
  it('backs up while another connection keeps writing, restores that copy, and refuses to restore under a live server', async () => {
    const live = Store.open(Store.fileIn(dataDir));
    const users = new UserRepository(live.db);
    for (let i = 0; i < 500; i++) users.create({ username: `before-${i}`, role: 'viewer', passwordHash: null });
    // The "server": a second connection writing all through the backup.
    let written = 0;
    const writer = setInterval(() => users.create({ username: `during-${written++}`, role: 'viewer', passwordHash: null }), 1);
    const file = path.join(outDir, 'parallax-backup.db');
    const code = await backupCommand.run([file]);
    clearInterval(writer);
    expect(code).toBe(0);
    for (let i = 0; i < 50; i++) users.create({ username: `after-${i}`, role: 'viewer', passwordHash: null });
    live.close();

    const inBackup = usernames(file);
    expect(inBackup.filter((u) => u.startsWith('before-'))).toHaveLength(500);
    expect(inBackup.filter((u) => u.startsWith('after-'))).toHaveLength(0);
    // Whatever part of the concurrent writes it holds is a prefix: a consistent snapshot, no gaps.
    const during = inBackup.filter((u) => u.startsWith('during-')).map((u) => Number(u.slice(7)));
    expect(during).toEqual(during.map((_, i) => i));
    expect(await backupCommand.run([file]).catch((e: Error) => e.message)).toMatch(/exists/);

    // A live process holding the server lock: restore explains and changes nothing.
    const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    fs.writeFileSync(path.join(dataDir, SERVER_LOCK_FILE), JSON.stringify({ pid: server.pid, startedAt: new Date().toISOString() }));
    try {
      expect(await restoreCommand.run([file])).toBe(3);
      expect(usernames(Store.fileIn(dataDir)).filter((u) => u.startsWith('after-'))).toHaveLength(50);
    } finally {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGKILL');
      await exited;
    }

    // The lock of a dead server is stale: restore proceeds, keeps the old store beside the new one.
    expect(await restoreCommand.run([file])).toBe(0);
    expect(usernames(Store.fileIn(dataDir)).sort()).toEqual([...inBackup].sort());
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('parallax.db.before-restore-'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, SERVER_LOCK_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'search.db'))).toBe(true);
  });

  it('refuses a file that is not a backup and leaves the store alone', async () => {
    const junk = path.join(outDir, 'junk.db');
    fs.writeFileSync(junk, 'this is not SQLite'.repeat(100));
    const before = usernames(Store.fileIn(dataDir));
    await expect(restoreCommand.run([junk])).rejects.toThrow(/not a (Parallax backup|database)/);
    expect(usernames(Store.fileIn(dataDir))).toEqual(before);
  });
});
