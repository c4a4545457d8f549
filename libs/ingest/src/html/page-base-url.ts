import type { CheerioAPI } from 'cheerio';

/**
 * The URL relative links on a page resolve against: the page's own URL, or its `<base href>` when
 * it has one (HTML Living Standard §4.2.3), itself resolved against the page URL.
 */
export function pageBaseUrl($: CheerioAPI, pageUrl: string): string {
  const href = $('base[href]').first().attr('href');
  if (!href) return pageUrl;
  return absoluteHttpUrl(href, pageUrl) ?? pageUrl;
}

/** `ref` resolved against `base` when the result is an http(s) URL; javascript:, mailto: etc. give null. */
export function absoluteHttpUrl(ref: string | undefined, base: string): string | null {
  const trimmed = ref?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
