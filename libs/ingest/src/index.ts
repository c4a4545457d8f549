export * from './fetch/fetch.types.js';
export { decodeDocument, charsetParameter } from './decode/decode-document.js';
export type { DecodedDocument, DocumentKind } from './decode/decode-document.js';
export { encodingForLabel } from './decode/charset-label.js';
export * from './dedup/index.js';
export { fetchResource } from './fetch/fetch-resource.js';
export { FetchError, type FetchFailureReason, type FetchErrorDetails } from './fetch/fetch-error.js';
export { privateRangeOf, privateUrlRange, isPublicAddress } from './fetch/address-policy.js';
export { guardedLookup, createGuardedLookup, PrivateAddressError, type AddressPolicy } from './fetch/guarded-lookup.js';
export { parseRetryAfter } from './fetch/retry-after.js';
export { nextPollDelay, MAX_POLL_DELAY_MS, type PollDelayOptions } from './fetch/poll-delay.js';
export { FetchScheduler, hostWaitMs, type FetchSchedulerOptions } from './fetch/fetch-scheduler.js';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_USER_AGENT,
  resolveFetchLimits,
  type FetchLimits,
} from './fetch/fetch-limits.js';
export { parseFeed } from './parse/parse-feed.js';
export type { KnownEntry, ParseFeedOptions } from './parse/parse-feed.js';
export { parseJsonFeed } from './parse/json-feed.parser.js';
export { parseFeedDate } from './parse/dates.js';
export { sanitiseHtml } from './normalise/sanitise-html.js';
export { htmlToText } from './normalise/html-to-text.js';
export { repairMojibake } from './normalise/mojibake.js';
export { scrapeStatementList } from './html/scrape-statement-list.js';
export { extractStatementBody } from './html/extract-statement-body.js';
export { discoverFeeds, type DiscoveredFeed, type DiscoveredFeedFormat } from './html/discover-feeds.js';
export { parseStatementDate, monthFromName } from './html/statement-date.js';
export { parseOpml } from './opml/parse-opml.js';
export { toOpml, escapeXml } from './opml/to-opml.js';
export { OpmlError } from './opml/opml-error.js';
export { PARALLAX_OPML_NS, type OpmlOutline, type OpmlSource } from './opml/opml.types.js';
export { canonicalUrl } from './normalise/canonical-url.js';
export { entryGuid, normaliseEntry, type NormaliseContext } from './normalise/normalise-entry.js';
