import type { ParsedEntry, ParsedFeed } from '@parallax/domain';
import { atomText, htmlOf, plainOf, rssText } from './feed-text.js';
import { alternateLink, authorName, firstDate, isDc, isDcTerms, languageOf, mediaField, trimmed } from './feed-fields.js';
import { isAtomCore } from './namespaces.js';
import type { KnownEntry } from './parse-feed.js';
import { child, childrenNamed, type XmlElement } from './xml-tree.js';

/**
 * Atom 1.0 (RFC 4287) and Atom 0.3 with its drafts' namespaces. Only direct children count, so a
 * `<title>` nested in some extension element never overrides the entry's own. `atom:id` is kept as
 * written: RFC 4287 §4.2.6 forbids normalising it.
 */
export function parseAtom(root: XmlElement, isKnown: KnownEntry): ParsedFeed {
  const feedAuthor = personName(root);
  return {
    feed: {
      title: plainOf(atomText(child(root, 'title', isAtomCore))),
      link: alternateLink(root, isAtomCore),
      language: languageOf(root, [child(root, 'language', isDc)]),
    },
    items: childrenNamed(root, 'entry', isAtomCore).flatMap((entry) => parseEntry(entry, feedAuthor, isKnown) ?? []),
  };
}

/** The entry, or null when `isKnown` holds it. */
function parseEntry(entry: XmlElement, feedAuthor: string | null, isKnown: KnownEntry): ParsedEntry | null {
  const link = alternateLink(entry, isAtomCore);
  const guid = trimmed(child(entry, 'id', isAtomCore));
  if (isKnown({ guid, link })) return null;
  const summary = atomText(child(entry, 'summary', isAtomCore)) ?? rssText(mediaField(entry, 'description'));
  const content = atomText(child(entry, 'content', isAtomCore));
  return {
    title: plainOf(atomText(child(entry, 'title', isAtomCore)) ?? rssText(mediaField(entry, 'title'))),
    link,
    guid,
    // published (1.0) / issued and created (0.3) before updated (1.0) / modified (0.3).
    publishedAt: firstDate([
      child(entry, 'published', isAtomCore),
      child(entry, 'issued', isAtomCore),
      child(entry, 'created', isAtomCore),
      child(entry, 'date', isDc),
      child(entry, 'issued', isDcTerms),
      child(entry, 'updated', isAtomCore),
      child(entry, 'modified', isAtomCore),
      child(entry, 'modified', isDcTerms),
    ]),
    author: personName(entry) ?? authorName(trimmed(child(entry, 'creator', isDc))) ?? feedAuthor,
    summary: htmlOf(summary, entry.base),
    content: htmlOf(content, entry.base),
  };
}

/** The first author's name (RFC 4287 §3.2), or its e-mail when it gives no name. */
function personName(el: XmlElement): string | null {
  const author = child(el, 'author', isAtomCore);
  if (!author) return null;
  return plainOf(atomTextOrNull(child(author, 'name', isAtomCore))) ?? trimmed(child(author, 'email', isAtomCore)) ?? authorName(trimmed(author));
}

const atomTextOrNull = (el: XmlElement | undefined) => (el ? { kind: 'text' as const, value: trimmed(el) ?? '' } : null);
