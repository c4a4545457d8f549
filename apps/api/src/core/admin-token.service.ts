import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Store } from '@parallax/store';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const SETTING = 'admin_token_sha256';

/**
 * The admin API token. `MONITOR_ADMIN_TOKEN` sets it; without it, the first start generates one and writes
 * it to `<data dir>/admin-token` (mode 0600) so a newcomer can open the dashboard at once, and nothing
 * is ever reachable without a token. Only a SHA-256 of the token is kept in the database.
 */
@Injectable()
export class AdminTokenService {
  private readonly logger = new Logger('auth');
  private digest: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, @Inject(Store) private readonly store: Store) {
    this.digest = this.init();
  }

  verify(token: string): boolean {
    const d = sha256(token);
    return d.length === this.digest.length && crypto.timingSafeEqual(d, this.digest);
  }

  private init(): Buffer {
    if (this.config.adminToken) {
      const d = sha256(this.config.adminToken);
      this.store.setSetting(SETTING, d.toString('hex'));
      return d;
    }
    const file = path.join(this.config.dataDir, 'admin-token');
    if (fs.existsSync(file)) {
      const token = fs.readFileSync(file, 'utf8').trim();
      if (token) return sha256(token);
    }
    const token = crypto.randomBytes(24).toString('base64url');
    fs.mkdirSync(this.config.dataDir, { recursive: true });
    fs.writeFileSync(file, token + '\n', { mode: 0o600 });
    this.store.setSetting(SETTING, sha256(token).toString('hex'));
    this.logger.log(`generated an admin token in ${file}`);
    return sha256(token);
  }

  /** The token file, when the token was generated here (for the start-up banner). */
  generatedTokenFile(): string | null {
    const file = path.join(this.config.dataDir, 'admin-token');
    return !this.config.adminToken && fs.existsSync(file) ? file : null;
  }
}

function sha256(s: string): Buffer {
  return crypto.createHash('sha256').update(s).digest();
}
