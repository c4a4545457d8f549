import { OpmlError } from './opml-error.js';

export interface XmlNode {
  name: string;
  attrs: Map<string, string>;
  children: XmlNode[];
  /** Where the start tag begins, for error messages. */
  line: number;
  column: number;
}

/** The five entities XML predefines (XML 1.0 §4.6); nothing else is ever expanded. */
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[\p{L}_:][\p{L}\p{N}_:.-]*/uy;
const SPACE = /[ \t\r\n]*/y;

/**
 * A strict, non-validating reader for the XML of an OPML file: elements and attributes only (OPML
 * keeps everything in attributes), well-formedness checked, and an error with line and column at
 * the first fault. Unlike the feed parser it does not recover, because an import should say what
 * is wrong with the file rather than import half of it. A DOCTYPE with an internal subset is
 * refused and no entity beyond the predefined five and character references is expanded, so
 * "billion laughs" and external entities (XXE) have nothing to work with.
 */
export function readStrictXml(text: string): XmlNode {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  let i = 0;

  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&<\s]*);?/g, (whole, ref: string, offset: number) => {
      if (!whole.endsWith(';')) fail(`"&" must start an entity reference ending in ";" (write &amp; for a literal &)`, at + offset);
      if (ref.startsWith('#')) {
        const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
        if (!Number.isFinite(code) || code > 0x10ffff || code === 0) fail(`invalid character reference &${ref};`, at + offset);
        return String.fromCodePoint(code);
      }
      const value = PREDEFINED[ref];
      if (value === undefined) fail(`undefined entity &${ref}; (only &lt; &gt; &amp; &quot; &apos; are accepted; entities are never expanded)`, at + offset);
      return value ?? '';
    });

  const skip = (terminator: string, what: string, from: number): void => {
    const end = src.indexOf(terminator, i);
    if (end === -1) fail(`unterminated ${what}`, from);
    i = end + terminator.length;
  };

  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt === -1 ? src.length : lt;
    if (textEnd > i) {
      const chunk = src.slice(i, textEnd);
      if (stack.length === 0 && chunk.trim()) fail(root ? 'text after the root element' : 'text before the root element', i);
      decode(chunk, i);
      i = textEnd;
      continue;
    }
    const start = i;
    if (src.startsWith('<?', i)) skip('?>', 'processing instruction', start);
    else if (src.startsWith('<!--', i)) skip('-->', 'comment', start);
    else if (src.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root element', start);
      skip(']]>', 'CDATA section', start);
    } else if (src.startsWith('<!DOCTYPE', i) || src.startsWith('<!doctype', i)) {
      const end = src.indexOf('>', i);
      const bracket = src.indexOf('[', i);
      if (bracket !== -1 && (end === -1 || bracket < end)) fail('a DOCTYPE with an internal subset is not accepted (no DTDs, no entity declarations)', start);
      if (end === -1) fail('unterminated DOCTYPE', start);
      i = end + 1;
    } else if (src.startsWith('</', i)) {
      i += 2;
      const name = readName();
      SPACE.lastIndex = i;
      SPACE.exec(src);
      i = SPACE.lastIndex;
      if (src[i] !== '>') fail(`expected ">" to end </${name}`, i);
      i++;
      const open = stack.pop();
      if (!open) fail(`closing tag </${name}> without a matching start tag`, start);
      if (open.name !== name) fail(`expected </${open.name}> (opened at line ${open.line}) but found </${name}>`, start);
    } else {
      i++;
      const name = readName();
      const [line, column] = position(start);
      const node: XmlNode = { name, attrs: new Map(), children: [], line, column };
      for (;;) {
        SPACE.lastIndex = i;
        const ws = SPACE.exec(src)?.[0] ?? '';
        i = SPACE.lastIndex;
        if (src.startsWith('/>', i) || src[i] === '>') break;
        if (i >= src.length) fail(`unterminated start tag <${name}`, start);
        if (!ws) fail(`expected whitespace, ">" or "/>" in <${name}`, i);
        const attrAt = i;
        const attr = readName();
        SPACE.lastIndex = i;
        SPACE.exec(src);
        i = SPACE.lastIndex;
        if (src[i] !== '=') fail(`attribute ${attr} of <${name}> has no value`, attrAt);
        i++;
        SPACE.lastIndex = i;
        SPACE.exec(src);
        i = SPACE.lastIndex;
        const quote = src[i];
        if (quote !== '"' && quote !== "'") fail(`the value of attribute ${attr} must be quoted`, i);
        const close = src.indexOf(quote, i + 1);
        if (close === -1) fail(`unterminated value of attribute ${attr}`, i);
        const raw = src.slice(i + 1, close);
        const lt2 = raw.indexOf('<');
        if (lt2 !== -1) fail(`"<" in the value of attribute ${attr} (write &lt;)`, i + 1 + lt2);
        if (node.attrs.has(attr)) fail(`attribute ${attr} appears twice in <${name}>`, attrAt);
        // Attribute-value normalisation (XML 1.0 §3.3.3): literal tabs and line breaks become spaces;
        // escaped ones (&#10;) survive, which is how toOpml keeps multi-line values.
        node.attrs.set(attr, decode(raw.replace(/\r\n|[\t\n\r]/g, ' '), i + 1));
        i = close + 1;
      }
      const selfClosing = src.startsWith('/>', i);
      i += selfClosing ? 2 : 1;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else if (root) fail(`a second root element <${name}>; a document has exactly one`, start);
      else root = node;
      if (!selfClosing) stack.push(node);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) fail(`<${unclosed.name}> opened at line ${unclosed.line} is never closed`, src.length);
  if (!root) fail('no root element: the file is empty or not XML', 0);
  return root;

  function fail(message: string, at: number): never {
    const [line, column] = position(at);
    throw new OpmlError(message, line, column);
  }

  function readName(): string {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail(`expected a name after "${src.slice(Math.max(0, i - 2), i)}"`, i);
    i = NAME.lastIndex;
    return m[0];
  }

  function position(at: number): [number, number] {
    const before = src.slice(0, at).split('\n');
    return [before.length, (before[before.length - 1]?.length ?? 0) + 1];
  }
}
