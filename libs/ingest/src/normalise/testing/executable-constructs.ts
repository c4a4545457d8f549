import { parseDocument } from 'htmlparser2';

const ALLOWED = new Set(['a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul']);
const URL_ATTRS = new Set(['href', 'src', 'cite']);

interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

/**
 * For specs: every executable construct a browser would act on in `html` (an element off the
 * sanitiser's allow-list, an event handler, a style, a URL of another scheme than http(s) or mailto,
 * a protocol-relative URL), found by parsing it as a browser would.
 */
export function executableConstructs(html: string): string[] {
  const found: string[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'script' || n.type === 'style' || n.type === 'tag') {
      const name = (n.name ?? '').toLowerCase();
      if (!ALLOWED.has(name)) found.push(`element <${name}>`);
      for (const [k, v] of Object.entries(n.attribs ?? {})) {
        if (/^on/i.test(k) || k === 'style' || k === 'srcdoc' || k === 'formaction') found.push(`attribute ${k}`);
        if (URL_ATTRS.has(k)) {
          // What the browser would resolve: decoded entities, stripped controls and whitespace.
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec([...v].filter((c) => c.charCodeAt(0) > 0x20).join(''))?.[1]?.toLowerCase();
          if (scheme && !['http', 'https', 'mailto'].includes(scheme)) found.push(`${k}=${scheme}:`);
          if (v.trim().startsWith('//')) found.push(`${k} protocol-relative`);
        }
      }
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(parseDocument(html, { decodeEntities: true }) as unknown as Node);
  return found;
}
