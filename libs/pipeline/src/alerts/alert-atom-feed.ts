import type { AlertMatch } from '@parallax/domain';
import type { AlertRecord } from '@parallax/store';

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Drops the characters XML 1.0 (§2.2) does not allow, which a feed title may still carry. */
const xmlText = (s: string): string => escapeXml(s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));

/**
 * An alert's matches as an Atom 1.0 feed (RFC 4287). Ids are tag URIs (RFC 4151) minted from the
 * alert's creation date, so they never change: `atom:feed` and each `atom:entry` carry id, title and
 * updated (§4.1.1, §4.1.2); the feed has an author (§4.1.1) and a self link (§4.2.7.2).
 */
export function renderAlertFeed(alert: AlertRecord, matches: AlertMatch[], links: { self: string; alternate: string }): string {
  const tag = `tag:parallax,${alert.createdAt.slice(0, 10)}:alert:${alert.id}`;
  const updated = matches.reduce((max, m) => (m.matchedAt > max ? m.matchedAt : max), alert.updatedAt);
  const entries = matches.map((m) =>
    [
      '  <entry>',
      `    <id>${tag}:item:${m.itemId}</id>`,
      `    <title>${xmlText(m.title)}</title>`,
      `    <updated>${m.matchedAt}</updated>`,
      `    <published>${m.publishedAt}</published>`,
      m.url ? `    <link rel="alternate" href="${xmlText(m.url)}"/>` : null,
      `    <author><name>${xmlText(m.outlet)}</name></author>`,
      `    <summary>${xmlText(`${m.outlet} (${m.language}) · matched: ${m.reason}`)}</summary>`,
      `    <category term="${xmlText(m.language)}" label="language"/>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${tag}</id>`,
    `  <title>${xmlText(`Parallax alert: ${alert.name}`)}</title>`,
    `  <subtitle>${xmlText(alert.query || 'official denials')}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(links.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(links.alternate)}"/>`,
    '  <author><name>Parallax</name></author>',
    '  <generator>Parallax</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
