import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface DemoSourceManifestEntry {
  name: string;
  file: string;
  contentType: string;
  kind: 'media' | 'official';
  type: 'feed' | 'html';
  language?: string | null;
  country?: string | null;
  selectors?: { list: string; link: string; title?: string; date?: string; body?: string } | null;
}

/**
 * Serves the bundled demo workspace on a loopback port, so the demo feeds go through the real fetcher,
 * parser and pipeline like any other source, with no internet needed.
 */
export class DemoFeedServer {
  private server: http.Server | null = null;
  private base: string | null = null;

  constructor(private readonly demoDir: string) {}

  manifest(): DemoSourceManifestEntry[] {
    const file = path.join(this.demoDir, 'demo.sources.json');
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DemoSourceManifestEntry[]) : [];
  }

  async start(): Promise<string> {
    if (this.base) return this.base;
    const types = new Map(this.manifest().map((m) => [path.posix.normalize(`/${m.file}`), m.contentType]));
    this.server = http.createServer((req, res) => {
      const pathname = path.posix.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      const contentType = types.get(pathname);
      // Only the files the manifest lists (plus statement pages below them) are served: no directory walking.
      const file = path.join(this.demoDir, pathname);
      if (!file.startsWith(this.demoDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': contentType ?? guessType(file), 'cache-control': 'no-cache' });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', resolve);
    });
    const { port } = this.server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}/`;
    return this.base;
  }

  baseUrl(): string | null {
    return this.base;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    this.base = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

function guessType(file: string): string {
  if (file.endsWith('.json')) return 'application/feed+json';
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  return 'application/xml';
}
