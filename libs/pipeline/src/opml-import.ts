import { CreateSourceSchema, type SourceKind, errorMessage } from '@parallax/domain';
import { parseOpml, privateUrlRange } from '@parallax/ingest';
import type { Store } from '@parallax/store';

export interface OpmlImportResult {
  added: number;
  skipped: number;
  errors: { url: string; error: string }[];
}

/**
 * Adds the sources of an OPML document, each validated like one added over the API; URLs already known
 * are skipped. `onProgress` is called after every outline (the API streams it, the CLI prints it).
 */
export function importOpml(
  store: Store,
  text: string,
  defaults: { kind: SourceKind; allowPrivate: boolean },
  onProgress: (done: number, total: number) => void = () => {},
): OpmlImportResult {
  const outlines = parseOpml(text);
  const result: OpmlImportResult = { added: 0, skipped: 0, errors: [] };
  outlines.forEach((o, i) => {
    const parsed = CreateSourceSchema.safeParse({
      name: o.title || o.text || o.url,
      url: o.url,
      kind: o.kind ?? defaults.kind,
      type: o.sourceType,
      language: o.language ?? null,
      country: o.country ?? null,
      ...(o.pollIntervalSeconds ? { pollIntervalSeconds: o.pollIntervalSeconds } : {}),
      selectors: o.selectors ?? null,
      tags: o.category ? [o.category] : [],
    });
    const privateRange = parsed.success && !defaults.allowPrivate ? privateUrlRange(parsed.data.url) : null;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      result.errors.push({ url: o.url, error: `${issue?.path.join('.') || 'outline'}: ${issue?.message ?? 'invalid'}` });
    } else if (privateRange) {
      // The same policy as a source added one by one: a private address is refused unless allowed.
      result.errors.push({ url: o.url, error: `url points to a ${privateRange} address; set MONITOR_ALLOW_PRIVATE_SOURCES=true to allow private addresses` });
    } else if (store.sources.findByUrl(parsed.data.url)) {
      result.skipped++;
    } else {
      try {
        store.sources.create(parsed.data);
        result.added++;
      } catch (err) {
        result.errors.push({ url: o.url, error: errorMessage(err) });
      }
    }
    onProgress(i + 1, outlines.length);
  });
  return result;
}
