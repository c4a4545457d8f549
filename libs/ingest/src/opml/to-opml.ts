import { PARALLAX_OPML_NS, type OpmlSource } from './opml.types.js';

/**
 * An OPML 2.0 subscription list of `sources` (http://opml.org/spec2.opml): one outline per source
 * with `type="rss"` and `xmlUrl` for feeds, HTML statement pages marked `parallax:type="html"` with
 * their address as `htmlUrl`, grouped in folder outlines by category (first-seen order). Our own
 * fields go in the parallax namespace so that other readers ignore them and `parseOpml` reads them back.
 */
export function toOpml(sources: OpmlSource[], options: { title?: string; dateCreated?: Date } = {}): string {
  const folders = new Map<string, OpmlSource[]>();
  const loose: OpmlSource[] = [];
  for (const s of sources) {
    const category = s.category?.trim();
    if (!category) loose.push(s);
    else folders.set(category, [...(folders.get(category) ?? []), s]);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:parallax="${PARALLAX_OPML_NS}">`,
    '  <head>',
    `    <title>${escapeXml(options.title ?? 'Parallax sources')}</title>`,
    `    <dateCreated>${(options.dateCreated ?? new Date()).toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...loose.map((s) => `    ${outline(s)}`),
  ];
  for (const [category, members] of folders) {
    lines.push(`    <outline text="${escapeXml(category)}">`, ...members.map((s) => `      ${outline(s)}`), '    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

function outline(s: OpmlSource): string {
  const html = s.type === 'html';
  const attrs: [string, string | number | null | undefined][] = [
    ['text', s.name],
    ['title', s.name],
    ['type', html ? 'link' : 'rss'],
    ['xmlUrl', html ? null : s.url],
    ['htmlUrl', html ? s.url : s.htmlUrl],
    ['language', s.language],
    ['parallax:kind', s.kind],
    ['parallax:type', s.type],
    ['parallax:country', s.country],
    ['parallax:pollIntervalSeconds', s.pollIntervalSeconds],
    ['parallax:selectors', s.selectors ? JSON.stringify(s.selectors) : null],
  ];
  const written = attrs
    .filter((a): a is [string, string | number] => a[1] !== null && a[1] !== undefined && a[1] !== '')
    .map(([k, v]) => `${k}="${escapeXml(String(v))}"`);
  return `<outline ${written.join(' ')}/>`;
}

/**
 * Escapes text for an XML attribute or element. Tabs and line breaks become character references so
 * attribute-value normalisation (XML 1.0 §3.3.3) does not turn them into spaces on the way back;
 * characters XML 1.0 cannot carry at all (§2.2: most C0 controls, lone surrogates, U+FFFE/U+FFFF)
 * are dropped.
 */
export function escapeXml(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Keeps the characters of the XML 1.0 `Char` production (§2.2); iterating by code point exposes lone surrogates. */
function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    if (ok) out += ch;
  }
  return out;
}
