import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@parallax/domain';
import { liveServerLock, SERVER_LOCK_FILE, type ServerLock } from '@parallax/store';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Holds `<data dir>/server.lock` while the server runs. A lock left by a killed server (its pid is gone)
 * is taken over; a live one stops this start: two servers on one data directory would race on the outbox.
 */
@Injectable()
export class ServerLockService implements OnModuleInit, OnApplicationShutdown {
  private held = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    const other = liveServerLock(this.config.dataDir);
    if (other && other.pid !== process.pid) {
      throw new DomainError('CONFLICT', `another server (pid ${other.pid}, started ${other.startedAt}) is running on ${this.config.dataDir}`, { field: 'MONITOR_DATA_DIR' });
    }
    fs.mkdirSync(this.config.dataDir, { recursive: true });
    const lock: ServerLock = { pid: process.pid, startedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(this.config.dataDir, SERVER_LOCK_FILE), JSON.stringify(lock) + '\n');
    this.held = true;
  }

  onApplicationShutdown(): void {
    if (!this.held) return;
    this.held = false;
    const file = path.join(this.config.dataDir, SERVER_LOCK_FILE);
    try {
      const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerLock;
      if (lock.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  }
}
