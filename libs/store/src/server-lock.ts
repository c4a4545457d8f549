import fs from 'node:fs';
import path from 'node:path';

/** The file a running server keeps in its data directory, so `restore` never writes under its feet. */
export const SERVER_LOCK_FILE = 'server.lock';

export interface ServerLock {
  pid: number;
  startedAt: string;
}

/** The lock of a live process in `dataDir`, or null (none, unreadable, or its process is gone). */
export function liveServerLock(dataDir: string): ServerLock | null {
  let lock: ServerLock;
  try {
    lock = JSON.parse(fs.readFileSync(path.join(dataDir, SERVER_LOCK_FILE), 'utf8')) as ServerLock;
  } catch {
    return null;
  }
  if (!Number.isInteger(lock.pid) || lock.pid <= 0) return null;
  try {
    // Signal 0 checks that the process exists without touching it (kill(2)); EPERM means it exists too.
    process.kill(lock.pid, 0);
    return lock;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? lock : null;
  }
}
