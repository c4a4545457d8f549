import { load } from 'cheerio';
import { absoluteHttpUrl, pageBaseUrl } from './page-base-url.js';

/** Elements that never belong to a statement's text. */
const NOISE = 'script, style, noscript, template, iframe, object, embed, form, button, nav';

/**
 * The body of one statement page: the inner HTML of the first element `selector` matches, with
 * scripts and page furniture removed and links and images made absolute against the page, so the
 * text still points somewhere once it is shown elsewhere. Null when nothing matches or the element
 * is empty. The result is not yet sanitised: like every fetched HTML it goes through the normaliser's
 * sanitiser before it is stored (DESIGN.md, rules for every part).
 */
export function extractStatementBody(html: string, selector: string, pageUrl?: string): string | null {
  const $ = load(html);
  const body = $(selector).first();
  if (!body.length) return null;
  body.find(NOISE).remove();
  if (pageUrl) {
    const base = pageBaseUrl($, pageUrl);
    body.find('[href]').each((_i, el) => {
      const url = absoluteHttpUrl($(el).attr('href'), base);
      if (url) $(el).attr('href', url);
      else $(el).removeAttr('href');
    });
    body.find('[src]').each((_i, el) => {
      const url = absoluteHttpUrl($(el).attr('src'), base);
      if (url) $(el).attr('src', url);
      else $(el).removeAttr('src');
    });
  }
  const inner = body.html()?.trim();
  return inner && body.text().trim() ? inner : null;
}
