import { HtmlSelectorsSchema, SOURCE_KINDS, SOURCE_TYPES, type HtmlSelectors } from '@parallax/domain';
import { OpmlError } from './opml-error.js';
import type { OpmlOutline } from './opml.types.js';
import { readStrictXml, type XmlNode } from './strict-xml.js';

/**
 * The sources in an OPML subscription list (OPML 2.0; 1.0 files read the same). Nested folders are
 * flattened: a source's category is the text of the folder outline around it, unless it carries its
 * own `category` attribute. An outline is a source when it has an `xmlUrl`, or is marked
 * `parallax:type="html"` with an `htmlUrl` (or `url`). Malformed XML, a root that is not <opml>, and
 * bad values in our own attributes fail with an OpmlError naming the problem and its line.
 */
export function parseOpml(text: string): OpmlOutline[] {
  const root = readStrictXml(text);
  if (root.name.toLowerCase() !== 'opml') {
    const hint = ['rss', 'feed', 'rdf:RDF'].includes(root.name) ? ' (this is a feed, not a subscription list)' : '';
    throw new OpmlError(`the root element is <${root.name}>, expected <opml>${hint}`, root.line, root.column);
  }
  const body = root.children.find((c) => c.name.toLowerCase() === 'body');
  if (!body) throw new OpmlError('no <body> element inside <opml>', root.line, root.column);
  const out: OpmlOutline[] = [];
  collect(body.children, null, out);
  return out;
}

function collect(nodes: XmlNode[], category: string | null, out: OpmlOutline[]): void {
  for (const node of nodes) {
    if (node.name.toLowerCase() !== 'outline') continue;
    const source = readOutline(node, category);
    if (source) out.push(source);
    else collect(node.children, attr(node, 'text') ?? attr(node, 'title') ?? category, out);
  }
}

function readOutline(node: XmlNode, category: string | null): OpmlOutline | null {
  const xmlUrl = attr(node, 'xmlUrl');
  const htmlUrl = attr(node, 'htmlUrl');
  const sourceType = enumAttr(node, 'parallax:type', SOURCE_TYPES) ?? 'feed';
  const url = sourceType === 'html' ? (htmlUrl ?? attr(node, 'url') ?? xmlUrl) : xmlUrl;
  if (!url) return null;
  const title = attr(node, 'title');
  return {
    text: attr(node, 'text') ?? title ?? url,
    title,
    xmlUrl,
    htmlUrl,
    url,
    type: attr(node, 'type'),
    language: attr(node, 'language'),
    category: attr(node, 'category') ?? category,
    kind: enumAttr(node, 'parallax:kind', SOURCE_KINDS),
    sourceType,
    country: attr(node, 'parallax:country'),
    pollIntervalSeconds: intervalAttr(node),
    selectors: selectorsAttr(node),
  };
}

/** An attribute by name, matched case-insensitively (exporters write xmlUrl, xmlurl and XMLURL); blank → null. */
function attr(node: XmlNode, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [k, v] of node.attrs) if (k.toLowerCase() === wanted) return v.trim() || null;
  return null;
}

function enumAttr<T extends string>(node: XmlNode, name: string, allowed: readonly T[]): T | null {
  const value = attr(node, name);
  if (value === null) return null;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new OpmlError(`${name}="${value}" must be one of ${allowed.join(', ')}`, node.line, node.column);
}

function intervalAttr(node: XmlNode): number | null {
  const value = attr(node, 'parallax:pollIntervalSeconds');
  if (value === null) return null;
  if (!/^\d+$/.test(value)) throw new OpmlError(`parallax:pollIntervalSeconds="${value}" must be a whole number of seconds`, node.line, node.column);
  return Number(value);
}

function selectorsAttr(node: XmlNode): HtmlSelectors | null {
  const value = attr(node, 'parallax:selectors');
  if (value === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new OpmlError('parallax:selectors is not valid JSON', node.line, node.column);
  }
  const parsed = HtmlSelectorsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OpmlError(`parallax:selectors: ${issue?.path.join('.') || 'value'} ${issue?.message ?? 'is invalid'}`, node.line, node.column);
  }
  return parsed.data;
}

