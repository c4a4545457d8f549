/**
 * Query parameters that only track the click (campaign, referrer, session), never select content:
 * dropping them makes the same article shared through different channels one URL.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'yclid', 'igshid', '_ga', '_gl',
  'ref_src', 'ref_url', 'cmpid', 'ocid', 'icid', 'ncid', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id',
  '_hsenc', '_hsmi', 'hsctatracking', 'spm', 'smid', 'smtyp', 'twclid', 'li_fat_id', 'wt_mc', 'at_medium', 'at_campaign',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'itm_'];

const isTracking = (name: string): boolean => {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
};

/**
 * The canonical form of an article URL, used to recognise the same article under different links:
 * scheme and host lower-cased (RFC 3986 §6.2.2.1), default port and fragment dropped (§6.2.3),
 * tracking parameters removed and the remaining parameters sorted by name (stable for equal names).
 * Returns null for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(raw: string | null | undefined, base?: string): string | null {
  if (!raw?.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  // WHATWG URL parsing already lower-cases scheme and host and drops the scheme's default port.
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  return url.href;
}
