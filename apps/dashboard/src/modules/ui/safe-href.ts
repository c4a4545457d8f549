/**
 * Links that come from feeds are hostile: only http(s) URLs become an `href`, so a `javascript:` or `data:`
 * link in a feed is shown as text and never followed (React 19 also blocks `javascript:`, but not `data:`).
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
