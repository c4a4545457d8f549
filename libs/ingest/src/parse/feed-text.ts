import type { SanitisedHtml } from '@parallax/domain';
import { escapeHtmlText } from '../normalise/html-escape.js';
import { htmlToText } from '../normalise/html-to-text.js';
import { repairMojibake } from '../normalise/mojibake.js';
import { sanitiseHtml } from '../normalise/sanitise-html.js';
import { NS } from './namespaces.js';
import { attr, innerMarkup, textOf, type XmlElement } from './xml-tree.js';

/** A text value as a feed carries it: plain text, or HTML source still to be sanitised. */
export interface FeedText {
  kind: 'text' | 'html';
  value: string;
}

/**
 * An RSS-style element: HTML by convention (RSS 2.0 spec, "description"). Its decoded text is the HTML
 * source; a feed that forgot to escape its markup leaves child elements, serialised back here.
 */
export function rssText(el: XmlElement | undefined): FeedText | null {
  if (!el) return null;
  const hasElements = el.children.some((c) => typeof c !== 'string');
  return { kind: 'html', value: hasElements ? innerMarkup(el, true) : textOf(el) };
}

/** Inline XHTML (`xhtml:body`, Atom `type="xhtml"`): the markup itself, text nodes being literal text. */
export function xhtmlText(el: XmlElement): FeedText {
  const only = el.children.filter((c) => typeof c !== 'string' || c.trim() !== '');
  // RFC 4287 §3.1.1.3: XHTML content is wrapped in one xhtml:div that is not part of the content.
  const first = only[0];
  const wrapper = only.length === 1 && first !== undefined && typeof first !== 'string' && first.local.toLowerCase() === 'div' && first.ns === NS.xhtml ? first : el;
  return { kind: 'html', value: innerMarkup(wrapper, false) };
}

/**
 * An Atom text construct (RFC 4287 §3.1) or Atom 0.3 content (`type` as a MIME type plus
 * `mode="xml" | "escaped" | "base64"`).
 */
export function atomText(el: XmlElement | undefined): FeedText | null {
  if (!el) return null;
  const type = (attr(el, 'type') ?? '').trim().toLowerCase() || 'text';
  const mode = (attr(el, 'mode') ?? '').trim().toLowerCase();
  const htmlType = type === 'html' || type === 'xhtml' || type.includes('html');
  const hasElements = el.children.some((c) => typeof c !== 'string');

  const isTextual = type === 'text' || htmlType || type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml');
  if (mode === 'base64' || (!isTextual && !hasElements)) {
    // RFC 4287 §4.1.3.3: other media types are base64; binary HTML-ish payloads are read as HTML.
    const decoded = Buffer.from(textOf(el).replace(/\s+/g, ''), 'base64').toString('utf8');
    return { kind: type.startsWith('text/plain') || type === 'text' ? 'text' : 'html', value: decoded };
  }
  if (type === 'xhtml' || type === 'application/xhtml+xml') return xhtmlText(el);
  if (htmlType) return { kind: 'html', value: hasElements ? innerMarkup(el, true) : textOf(el) };
  if (hasElements && mode !== 'escaped') return xhtmlText(el);
  return { kind: 'text', value: textOf(el) };
}

/** A title or name: always plain text. */
export function plainOf(t: FeedText | null): string | null {
  if (!t) return null;
  const value = repairMojibake(t.value);
  const text = (t.kind === 'html' ? htmlToText(value) : value).replace(/\s+/g, ' ').trim();
  return text || null;
}

/** A summary or content: always sanitised HTML, plain text escaped, so readers can tell no difference. */
export function htmlOf(t: FeedText | null, baseUrl: string | undefined): SanitisedHtml | null {
  if (!t) return null;
  const value = repairMojibake(t.value).trim();
  if (!value) return null;
  const html = t.kind === 'html' ? sanitiseHtml(value, baseUrl).trim() : escapeHtmlText(value);
  // Trimmed sanitised HTML and escaped text are both safe HTML.
  return html ? (html as SanitisedHtml) : null;
}
