import type { HtmlSelectors, ParsedEntry } from '@parallax/domain';
import { load } from 'cheerio';
import { absoluteHttpUrl, pageBaseUrl } from './page-base-url.js';
import { parseStatementDate } from './statement-date.js';

/**
 * The statements listed on an official page that has no feed (a ministry's press releases), read
 * with the source's CSS selectors: one entry per `list` element, its link from `link`, its title
 * from `title` (else the link text) and its date from `date`. Links resolve against the page (and
 * its `<base>`); an element without an http(s) link is skipped, and a link listed twice is kept once.
 * The statement URL is the guid: these pages give nothing steadier.
 */
export function scrapeStatementList(html: string, pageUrl: string, selectors: HtmlSelectors): ParsedEntry[] {
  const $ = load(html);
  const base = pageBaseUrl($, pageUrl);
  const seen = new Set<string>();
  const entries: ParsedEntry[] = [];
  $(selectors.list).each((_i, el) => {
    const item = $(el);
    const anchor = item.is(selectors.link) ? item : item.find(selectors.link).first();
    const link = absoluteHttpUrl(anchor.attr('href'), base);
    if (!link || seen.has(link)) return;
    seen.add(link);
    const title = selectors.title ? cleanText(item.find(selectors.title).first().text()) : null;
    // Without a date selector, a machine-readable <time datetime> inside the element is used.
    const date = selectors.date ? item.find(selectors.date).first() : item.find('time[datetime]').first();
    entries.push({
      title: title ?? cleanText(anchor.text()) ?? cleanText(anchor.attr('title')),
      link,
      guid: link,
      publishedAt: date.length ? dateOf(date.attr('datetime'), date.attr('content'), date.text()) : null,
      author: null,
      summary: null,
      content: null,
    });
  });
  return entries;
}

/** A listed statement's date: the machine-readable `datetime` or `content` attribute first, else the text. */
function dateOf(datetime: string | undefined, content: string | undefined, text: string): string | null {
  return parseStatementDate(datetime) ?? parseStatementDate(content) ?? parseStatementDate(text);
}

function cleanText(text: string | undefined): string | null {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}
