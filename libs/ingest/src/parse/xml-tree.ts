import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';
import { escapeHtmlAttribute, escapeHtmlText } from '../normalise/html-escape.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XmlAttribute {
  /** Namespace URI; '' for an unprefixed attribute (attributes take no default namespace). */
  ns: string;
  local: string;
  value: string;
}

export interface XmlElement {
  /** Namespace URI; '' when none is in scope. Undeclared prefixes get `urn:undeclared:<prefix>`. */
  ns: string;
  /** Local name as written (feeds are inconsistent about case; callers compare lower-cased). */
  local: string;
  attrs: XmlAttribute[];
  children: XmlNode[];
  /** Effective base URL (xml:base resolved against the ancestors' and the document's). */
  base: string | undefined;
}

export type XmlNode = XmlElement | string;

/**
 * Parses a feed document into a small namespace-aware element tree, recovering from what real feeds
 * get wrong (unescaped `&`, HTML named entities, unclosed or mismatched tags). It never expands
 * entities declared in a DOCTYPE: the whole DOCTYPE (with its internal subset) is dropped before
 * parsing, so "billion laughs" and external entities (XXE) stay inert. HTML's named and numeric
 * character references are decoded, since many feeds use `&eacute;` or `&nbsp;` without declaring them.
 */
export function parseXmlTree(text: string, baseUrl?: string): XmlElement | null {
  const source = text.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/i, '');
  let root: XmlElement | null = null;
  let done = false;
  const stack: { el: XmlElement; scope: Map<string, string>; qname: string }[] = [];
  let pending = '';
  let inCdata = false;

  const flush = (): void => {
    if (!pending) return;
    const top = stack[stack.length - 1];
    if (top && !done) top.el.children.push(decodeHTML(pending));
    pending = '';
  };

  const parser = new Parser(
    {
      onopentag(qname, rawAttrs) {
        flush();
        if (done) return;
        const parentScope = stack[stack.length - 1]?.scope ?? new Map<string, string>([['xml', XML_NS]]);
        let scope = parentScope;
        for (const [k, v] of Object.entries(rawAttrs)) {
          if (k === 'xmlns' || k.startsWith('xmlns:')) {
            if (scope === parentScope) scope = new Map(parentScope);
            scope.set(k === 'xmlns' ? '' : k.slice(6), decodeHTMLAttribute(v).trim());
          }
        }
        const attrs: XmlAttribute[] = [];
        for (const [k, v] of Object.entries(rawAttrs)) {
          if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
          const [prefix, local] = splitQName(k);
          attrs.push({ ns: prefix === null ? '' : (scope.get(prefix) ?? `urn:undeclared:${prefix}`), local, value: decodeHTMLAttribute(v) });
        }
        const [prefix, local] = splitQName(qname);
        const parent = stack[stack.length - 1]?.el;
        const xmlBase = attrs.find((a) => a.ns === XML_NS && a.local === 'base')?.value;
        const inherited = parent ? parent.base : baseUrl;
        const el: XmlElement = {
          ns: prefix === null ? (scope.get('') ?? '') : (scope.get(prefix) ?? `urn:undeclared:${prefix}`),
          local,
          attrs,
          children: [],
          base: xmlBase !== undefined ? resolveUrl(xmlBase.trim(), inherited) ?? inherited : inherited,
        };
        if (parent) parent.children.push(el);
        else root = el;
        stack.push({ el, scope, qname });
      },
      onclosetag(qname) {
        flush();
        // Close the innermost open element of that name; a stray end tag closes nothing.
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i]?.qname === qname) {
            stack.length = i;
            if (i === 0) done = true;
            return;
          }
        }
      },
      ontext(data) {
        if (inCdata) {
          const top = stack[stack.length - 1];
          if (top && !done) top.el.children.push(data);
        } else pending += data;
      },
      oncdatastart() {
        flush();
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true, recognizeCDATA: true },
  );
  parser.write(source);
  parser.end();
  flush();
  return root;
}

function splitQName(qname: string): [string | null, string] {
  const i = qname.indexOf(':');
  return i > 0 ? [qname.slice(0, i), qname.slice(i + 1)] : [null, qname];
}

/** Resolves a possibly relative reference (RFC 3986 §5); null when it cannot be made absolute. */
export function resolveUrl(ref: string, base: string | undefined): string | null {
  try {
    return new URL(ref, base).href;
  } catch {
    return null;
  }
}

/** The concatenated text of an element and its descendants. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

export function attr(el: XmlElement, local: string, ns = ''): string | undefined {
  const lower = local.toLowerCase();
  return el.attrs.find((a) => a.ns === ns && a.local.toLowerCase() === lower)?.value;
}

/** Child elements whose local name matches (case-insensitively) and whose namespace passes `nsOk`. */
export function childrenNamed(el: XmlElement, local: string, nsOk: (ns: string) => boolean): XmlElement[] {
  const lower = local.toLowerCase();
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.local.toLowerCase() === lower && nsOk(c.ns));
}

export function child(el: XmlElement, local: string, nsOk: (ns: string) => boolean): XmlElement | undefined {
  return childrenNamed(el, local, nsOk)[0];
}

/**
 * The markup inside an element, as HTML. `textIsMarkup` says how to read text nodes: in RSS
 * descriptions the (decoded) text is itself HTML source; in Atom XHTML content it is literal text.
 */
export function innerMarkup(el: XmlElement, textIsMarkup: boolean): string {
  return el.children
    .map((c) => {
      if (typeof c === 'string') return textIsMarkup ? c : escapeHtmlText(c);
      const attrs = c.attrs
        .filter((a) => a.ns === '')
        .map((a) => ` ${a.local}="${escapeHtmlAttribute(a.value)}"`)
        .join('');
      return `<${c.local}${attrs}>${innerMarkup(c, textIsMarkup)}</${c.local}>`;
    })
    .join('');
}
