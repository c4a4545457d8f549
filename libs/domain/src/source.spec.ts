import { describe, expect, it } from 'vitest';
import { CreateSourceSchema } from './source.js';

describe('CreateSourceSchema', () => {
  it('fills defaults for a minimal feed source', () => {
    const s = CreateSourceSchema.parse({ name: 'UN News', url: 'https://news.un.org/feed/subscribe/en/news/all/rss.xml' });
    expect(s).toMatchObject({ kind: 'media', type: 'feed', pollIntervalSeconds: 900, enabled: true });
  });

  it('names the field of a bad URL', () => {
    const r = CreateSourceSchema.safeParse({ name: 'x', url: 'ftp://example.org/feed' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['url']);
  });
});
