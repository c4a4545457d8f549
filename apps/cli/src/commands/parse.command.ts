import { errorMessage } from '@parallax/domain';
import { readFile } from 'node:fs/promises';
import type { CliCommand } from './command.js';

const USAGE = 'usage: parse <file-or-url> [--content-type MIME]';

/**
 * `parse <file-or-url> [--content-type MIME]`: prints the parsed feed as one JSON object (DESIGN.md,
 * CLI contract). A file is read as bytes and decoded with the given Content-Type; a URL goes through
 * the safe fetcher, which refuses private addresses unless MONITOR_ALLOW_PRIVATE_SOURCES=true.
 * The ingest library is imported on first use so that `--help`-style failures stay instant.
 */
export const parseCommand: CliCommand = {
  async run(args: string[]): Promise<number> {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      process.stderr.write(`${parsed}\n${USAGE}\n`);
      return 2;
    }
    const ingest = await import('@parallax/ingest');
    try {
      let bytes: Buffer;
      let contentType = parsed.contentType;
      let baseUrl: string | undefined;
      if (/^https?:\/\//i.test(parsed.target)) {
        const fetched = await ingest.fetchResource(parsed.target, { allowPrivate: process.env.MONITOR_ALLOW_PRIVATE_SOURCES === 'true' });
        if (fetched.status < 200 || fetched.status >= 300) throw new Error(`HTTP ${fetched.status} from ${fetched.finalUrl}`);
        bytes = fetched.body;
        contentType ??= fetched.contentType;
        baseUrl = fetched.finalUrl;
      } else {
        bytes = await readFile(parsed.target);
      }
      const { text } = ingest.decodeDocument(bytes, contentType, documentKind(bytes, contentType));
      const feed = ingest.parseFeed(text, baseUrl ? { baseUrl } : {});
      process.stdout.write(`${JSON.stringify(feed)}\n`);
      return 0;
    } catch (err) {
      process.stderr.write(`parse: ${errorMessage(err)}\n`);
      return 1;
    }
  },
};

function parseArgs(args: string[]): { target: string; contentType: string | null } | string {
  let target: string | undefined;
  let contentType: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--content-type') {
      const value = args[++i];
      if (value === undefined) return '--content-type needs a value';
      contentType = value.trim() || null;
    } else if (a.startsWith('--content-type=')) {
      contentType = a.slice('--content-type='.length).trim() || null;
    } else if (a.startsWith('--')) {
      return `unknown option: ${a}`;
    } else if (target === undefined) {
      target = a;
    } else {
      return `unexpected argument: ${a}`;
    }
  }
  return target ? { target, contentType } : 'missing <file-or-url>';
}

/** JSON by media type or by its first character; HTML by media type; everything else is read as XML. */
function documentKind(bytes: Buffer, contentType: string | null): 'xml' | 'html' | 'json' {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime.endsWith('json')) return 'json';
  if (mime === 'text/html') return 'html';
  const first = bytes.subarray(0, 64).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart()[0];
  return first === '{' ? 'json' : 'xml';
}
