import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from './alerts-receivers.js';

const ROOT = path.resolve(__dirname, '../../..');

/** Builds the workspace the way `npm start` does (a no-op when up to date); returns tsc's output on failure. */
export function buildServer(): { ok: boolean; output: string } {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], { cwd: ROOT, encoding: 'utf8' });
  return { ok: built.status === 0, output: built.stderr };
}

/** A port free now: a crash test's server listens on a known port so that a restart keeps its URL. */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** The real, built server as a child process: what the crash tests SIGKILL and restart. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly port: number,
    private readonly dataDir: string,
    private readonly token: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    this.output = '';
    this.child = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        MONITOR_DATA_DIR: this.dataDir,
        MONITOR_ADMIN_TOKEN: this.token,
        MONITOR_SEED: 'none',
        MONITOR_SCHEDULER: 'false',
        MONITOR_ALLOW_PRIVATE_SOURCES: 'true',
        MONITOR_PER_HOST_GAP_MS: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (c: Buffer) => (this.output += c.toString()));
    this.child.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
    await waitFor(async () => (await fetch(`${this.url}/api/health`).catch(() => null))?.ok, `the server to start:\n${this.output}`, timeoutMs);
  }

  api(p: string, init: { method?: string; json?: unknown } = {}): Promise<Response> {
    return fetch(this.url + p, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${this.token}`, ...(init.json ? { 'content-type': 'application/json' } : {}) },
      body: init.json ? JSON.stringify(init.json) : undefined,
    });
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}
