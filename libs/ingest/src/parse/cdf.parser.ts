import type { ParsedFeed } from '@parallax/domain';
import { htmlOf, plainOf, rssText } from './feed-text.js';
import { firstDate, urlOf } from './feed-fields.js';
import { attr, child, childrenNamed, type XmlElement } from './xml-tree.js';

const anyNs = (): boolean => true;

/**
 * Microsoft Channel Definition Format (the 1997 W3C note "Channel Definition Format"): `<CHANNEL HREF>`
 * with `<TITLE>`, `<ABSTRACT>` and `<ITEM HREF LASTMOD>` children. Element names are matched without
 * regard to case, as CDF files were written in every case.
 */
export function parseCdf(root: XmlElement): ParsedFeed {
  return {
    feed: {
      title: plainOf(rssText(child(root, 'title', anyNs))),
      link: urlOf(root, attr(root, 'href') ?? ''),
      language: null,
    },
    items: childrenNamed(root, 'item', anyNs).map((item) => ({
      title: plainOf(rssText(child(item, 'title', anyNs))),
      link: urlOf(item, attr(item, 'href') ?? ''),
      guid: null,
      publishedAt: firstDate([attr(item, 'lastmod')]),
      author: null,
      summary: htmlOf(rssText(child(item, 'abstract', anyNs)), item.base),
      content: null,
    })),
  };
}
