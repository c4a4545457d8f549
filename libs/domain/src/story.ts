import type { EntityRef } from './item.js';
import type { SourceKind } from './source.js';

/** Width of the time buckets of a timeline: hours for a breaking story, days beyond three days. */
export type TimeBucket = 'hour' | 'day';

/** A story's headline in one language: the earliest of its items in that language, wire copies aside. */
export interface StoryTitle {
  language: string;
  title: string;
  itemId: number;
}

/** One story (a cluster of items about one event across outlets and languages) in a list. */
export interface StoryOverview {
  id: number;
  /**
   * The headline of the story's earliest item that is not a wire copy, among the items in the story's
   * most common language (ties: the language of its earliest item). The API computes it from the
   * items at every read, so it holds however the items arrived.
   */
  title: string;
  /** The earliest headline in each of the story's languages, in the order of their first items (API reads). */
  titles?: StoryTitle[];
  /** ISO 8601 UTC: the first and the latest item. */
  firstAt: string;
  lastAt: string;
  itemCount: number;
  outletCount: number;
  languages: string[];
  /** The entities most items of the story name, most frequent first. */
  entities: EntityRef[];
  /** Official denials linked to the story. */
  denialCount: number;
}

/** `GET /api/stories`. */
export interface StoriesResponse {
  total: number;
  stories: StoryOverview[];
}

/** One item as the story, denial and compare views show it. */
export interface StoryItemRef {
  id: number;
  title: string;
  url: string | null;
  outlet: string;
  sourceId: number;
  kind: SourceKind;
  language: string;
  /** ISO 8601 UTC: the item's effective time (published, or fetched when the feed gave none). */
  publishedAt: string;
  denial: boolean;
  mentionsDenial: boolean;
  /** The earlier item this one is a wire copy of. */
  duplicateOf: number | null;
}

/** An official denial linked to a story, with the score and the evidence of the link. */
export interface StoryDenialLink extends StoryItemRef {
  score: number;
  reasons: string[];
}

/** Items per time bucket for one outlet; every series of a timeline has the same buckets. */
export interface OutletSeries {
  outlet: string;
  counts: { at: string; count: number }[];
}

/** `GET /api/stories/:id`. */
export interface StoryDetail extends StoryOverview {
  /** Items grouped by outlet, outlets in the order of their first item, items in time order. */
  outlets: { outlet: string; items: StoryItemRef[] }[];
  timeline: { bucket: TimeBucket; series: OutletSeries[] };
  denials: StoryDenialLink[];
}

/** Per outlet, how it covered a story around one denial. */
export interface DenialOutletCoverage {
  outlet: string;
  /** An official outlet that issued a denial in the story: in no claim, silent or after-denial count. */
  issuer: boolean;
  sourceIds: number[];
  items: number;
  claimItems: number;
  firstClaimAt: string | null;
  denialItems: number;
  firstDenialAt: string | null;
  itemsAfterDenial: number;
  itemsAfterDenialMentioning: number;
}

/** How a story was covered around a denial (libs/enrich `denialCoverage`). */
export interface DenialCoverageView {
  denialId: number;
  denialOutlet: string;
  /** When the claim was first reported, and by whom. */
  firstReportedAt: string | null;
  firstReportedBy: string[];
  denialPublishedAt: string;
  /** When the denial became known: its own date or the first item reporting it, whichever is earlier. */
  deniedAt: string;
  hoursToDenial: number | null;
  /** Outlets that carried the claim (never an issuer of a denial). */
  claimOutlets: string[];
  /** Outlets that carried the denial (official denials or items reporting it). */
  denialOutlets: string[];
  /**
   * Outlets that kept reporting after the denial without mentioning it: neither the denial's own outlet
   * nor any other official outlet that issued a denial in the story.
   */
  silentAfterDenial: string[];
  /** Post-denial coverage (official denials aside) and the share of it that mentions the denial. */
  afterDenial: { items: number; mentioning: number; share: number | null };
  outlets: DenialOutletCoverage[];
  bucket: TimeBucket;
  /** Claim and denial items per bucket, before and after the denial. */
  timeline: { at: string; claim: number; denial: number }[];
}

/** One story a denial rejects. */
export interface DeniedStory {
  id: number;
  title: string;
  score: number;
  reasons: string[];
  /** The items carrying the claim before the denial, earliest first (at most 20). */
  rejects: StoryItemRef[];
  coverage: DenialCoverageView;
}

/** `GET /api/denials`: an official denial with the stories it rejects. */
export interface DenialView extends StoryItemRef {
  stories: DeniedStory[];
}

export interface DenialsResponse {
  total: number;
  denials: DenialView[];
}

/**
 * A term an outlet uses more than the others (log-odds with an informative Dirichlet prior). Function
 * words are left out; a term may be a word bigram ("fake news").
 */
export interface DistinctiveTermView {
  /** As the outlet writes it most often ("quadrupled", "Beijing", "假新闻"). */
  term: string;
  /** The analysed key the counts are of (`quadrupl`; two keys with a space for a bigram). */
  stem: string;
  count: number;
  otherCount: number;
  logOdds: number;
  zScore: number;
}

/** One outlet's coverage of a story or query, side by side with the others. */
export interface OutletNarrativeView {
  outlet: string;
  count: number;
  firstAt: string | null;
  lastAt: string | null;
  languages: { language: string; count: number }[];
  entities: (EntityRef & { count: number; share: number })[];
  distinctiveTerms: DistinctiveTermView[];
  /** Share of the outlet's items that carry the denial (report it, or are it); null without items. */
  denialShare: number | null;
  sampleHeadlines: { id: number; title: string; publishedAt: string }[];
  volume: { at: string; count: number }[];
}

/** `GET /api/compare`. */
export interface CompareResponse {
  story: number | null;
  q: string | null;
  /** Items compared (after the outlet filter). */
  total: number;
  bucket: TimeBucket;
  from: string | null;
  to: string | null;
  outlets: OutletNarrativeView[];
}

/** State of the re-tag job (`POST /api/entities/retag`); progress also streams as SSE `progress` events. */
export interface RetagStatus {
  running: boolean;
  phase: 'idle' | 'enrich' | 'cluster' | 'link' | 'done' | 'failed';
  done: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  result: RetagResult | null;
  error: string | null;
}

export interface RetagResult {
  items: number;
  /** Items whose language, entities or stance changed. */
  retagged: number;
  stories: number;
  /** Items whose story changed. */
  moved: number;
  denialLinks: number;
  enrichMs: number;
  clusterMs: number;
  linkMs: number;
}
