import { NS, isAtom, isNs } from './namespaces.js';
import { parseFeedDate } from './dates.js';
import { XML_NS, attr, child, childrenNamed, resolveUrl, textOf, type XmlElement } from './xml-tree.js';

/** Helpers shared by the RSS, RDF and CDF readers: Dublin Core, iTunes, Media RSS and atom:link. */

export const isDc = isNs(NS.dc);
export const isDcTerms = isNs(NS.dcterms);
export const isContent = isNs(NS.content);
export const isXhtml = isNs(NS.xhtml);
export const isItunes = isNs(NS.itunes);
export const isMedia = isNs(NS.media);
export const isRdf = isNs(NS.rdf);

export function trimmed(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const t = textOf(el).trim();
  return t || null;
}

/** The first date among the candidates that parses, in the order given (published before updated). */
export function firstDate(candidates: (XmlElement | string | undefined)[]): string | null {
  for (const c of candidates) {
    if (c === undefined) continue;
    const iso = parseFeedDate(typeof c === 'string' ? c : textOf(c));
    if (iso) return iso;
  }
  return null;
}

/** A URL from element text, resolved against the element's xml:base or the document URL. */
export function urlOf(el: XmlElement | undefined, raw?: string): string | null {
  if (!el) return null;
  const value = (raw ?? textOf(el)).trim();
  if (!value) return null;
  // An absolute URL is kept as written; only relative references are resolved (RFC 3986 §5.2).
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  return resolveUrl(value, el.base) ?? value;
}

/**
 * The alternate link among Atom `<link>` children (RFC 4287 §4.2.7.2: no rel means "alternate"),
 * preferring an HTML one when several are given.
 */
export function alternateLink(parent: XmlElement, nsOk: (ns: string) => boolean = isAtom): string | null {
  // Pre-1.0 drafts of Atom put the URL in the element's text rather than in href.
  const links = childrenNamed(parent, 'link', nsOk).filter((l) => (attr(l, 'href') ?? textOf(l)).trim() !== '');
  const alternates = links.filter((l) => (attr(l, 'rel') ?? 'alternate').trim().toLowerCase() === 'alternate');
  const html = alternates.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html'));
  const chosen = html ?? alternates[0];
  return chosen ? urlOf(chosen, attr(chosen, 'href') ?? textOf(chosen)) : null;
}

/** `joe@example.com (Joe Bloggs)` → `Joe Bloggs`; `Joe Bloggs <joe@example.com>` → `Joe Bloggs` (RFC 5322 display names). */
export function authorName(raw: string | null): string | null {
  if (!raw) return null;
  const s = raw.replace(/\s+/g, ' ').trim();
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (paren?.[1]) return paren[1].trim();
  const angle = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(s);
  if (angle?.[1]) return angle[1].replace(/^"|"$/g, '').trim();
  return s || null;
}

/** Media RSS title/description: directly on the item or inside `media:group` / `media:content`. */
export function mediaField(item: XmlElement, local: 'title' | 'description'): XmlElement | undefined {
  const direct = child(item, local, isMedia);
  if (direct) return direct;
  for (const holder of [...childrenNamed(item, 'group', isMedia), ...childrenNamed(item, 'content', isMedia)]) {
    const found = mediaField(holder, local);
    if (found) return found;
  }
  return undefined;
}

/** Feed language: the declared element first, then the root's xml:lang (never a child element's). */
export function languageOf(root: XmlElement, declared: (XmlElement | undefined)[]): string | null {
  for (const el of declared) {
    const t = trimmed(el);
    if (t) return t;
  }
  const lang = attr(root, 'lang', XML_NS)?.trim();
  return lang || null;
}
