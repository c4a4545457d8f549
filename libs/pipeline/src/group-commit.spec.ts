import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

let dir: string;
let db: Database.Database;
/** Transactions begun (not savepoints). */
let transactions: number;
let group: GroupCommit;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-group-commit-'));
  db = new Database(path.join(dir, 'test.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE item (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)`);
  transactions = 0;
  group = new GroupCommit((fn) => {
    if (!db.inTransaction) transactions += 1;
    db.transaction(fn)();
  });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const insert = (id: number, parent: number | null = null) => () => void db.prepare('INSERT INTO item (id, parent) VALUES (?, ?)').run(id, parent);
const stored = (): number[] => db.prepare('SELECT id FROM item ORDER BY id').pluck().all() as number[];

describe('GroupCommit', () => {
  it('stores the work queued in one turn in one transaction, and later work in another', async () => {
    await Promise.all([group.run(insert(1)), group.run(insert(2)), group.run(insert(3))]);
    expect(transactions).toBe(1);
    await group.run(insert(4));
    expect(transactions).toBe(2);
    expect(stored()).toEqual([1, 2, 3, 4]);
  });

  it('rolls back a failing work alone, with its own error', async () => {
    const failing = group.run(() => {
      insert(2)();
      throw new Error('entry 2 is unreadable');
    });
    const results = await Promise.allSettled([group.run(insert(1)), failing, group.run(insert(3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('entry 2 is unreadable'));
    expect(stored()).toEqual([1, 3]);
    expect(transactions).toBe(1);
  });

  it('fails every work of the group when the commit fails, and stores none of it', async () => {
    db.prepare('INSERT INTO parent (id) VALUES (1)').run();
    // A deferred foreign key is checked at COMMIT: item 2 names a parent that does not exist.
    const results = await Promise.allSettled([group.run(insert(1, 1)), group.run(insert(2, 99))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(stored()).toEqual([]);
    // The connection is usable again: the next group commits.
    await group.run(insert(3, 1));
    expect(stored()).toEqual([3]);
  });
});
