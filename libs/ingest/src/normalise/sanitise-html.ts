import type { SanitisedHtml } from '@parallax/domain';
import sanitize from 'sanitize-html';

/**
 * The allow-list for HTML from feeds: text structure, links, images and tables. Everything that can run
 * code or change the page is dropped (script, style, iframe, object, embed, form and its controls,
 * every `on*` handler, `style`, `class` and `id`), and so is any URL whose scheme is not http(s) or
 * mailto (`javascript:`, `data:`, `vbscript:`).
 */
const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'time', 'tr', 'u', 'ul',
];

/** The URL schemes links and sources may have; any other is dropped. */
export const ALLOWED_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/** A link as the sanitiser writes it: trimmed and resolved against `baseUrl`; kept as it is when it is no URL. */
export function resolveLink(url: string, baseUrl: string | undefined): string {
  try {
    return new URL(url.trim(), baseUrl).href;
  } catch {
    return url;
  }
}

/** Sanitises feed HTML; relative URLs are resolved against `baseUrl` and links get a safe `rel`. */
export function sanitiseHtml(html: string, baseUrl?: string): SanitisedHtml {
  const absolute = (url: string | undefined): string | undefined => (url === undefined ? undefined : resolveLink(url, baseUrl));
  const clean = sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      abbr: ['title'],
      blockquote: ['cite'],
      q: ['cite'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
    },
    allowedSchemes: [...ALLOWED_SCHEMES],
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs) => {
        const href = absolute(attribs.href);
        return {
          tagName,
          attribs: { ...attribs, ...(href !== undefined ? { href } : {}), rel: 'noopener noreferrer nofollow' },
        };
      },
      img: (tagName, attribs) => {
        const src = absolute(attribs.src);
        return { tagName, attribs: { ...attribs, ...(src !== undefined ? { src } : {}) } };
      },
    },
  });
  return clean as SanitisedHtml;
}
