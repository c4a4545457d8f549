import type { TermStats } from '../stories/term-stats.js';

/** An official item flagged `denial: true`, as denial linking needs it. */
export interface DenialCandidate {
  id: number;
  /** ISO 8601. */
  publishedAt: string;
  /** Wikidata QIDs. */
  entities: string[];
  /** The caller's analysed tokens of title and text (see StoryCandidate.terms). */
  terms: string[];
  /** Title and body as plain text: searched for the names of the outlets that carried the claim. */
  text: string;
  outlet: string;
}

/** What the caller knows of a story: when it started, what it is about and who carried it. */
export interface StorySummary {
  storyId: number;
  /** ISO 8601: the story's first item. */
  firstReportedAt: string;
  /** ISO 8601: the story's latest item. */
  lastAt: string;
  /** Entities with a weight, e.g. the share of the story's items that mention each. */
  entities: { qid: string; weight: number }[];
  /** The story's characteristic analysed terms, any language. */
  terms: string[];
  outlets: string[];
}

export interface DenialLinkOptions {
  /** Rarity weights (the same TermStats the story clustering uses); without them all keys weigh alike. */
  stats?: TermStats;
  /** Only stories first reported at most this long before the denial (default 14 days). */
  windowDays?: number;
  /**
   * A story first reported up to this long after the denial still qualifies (default 12 hours):
   * statement pages often carry only a date, which parses as midnight.
   */
  clockSkewHours?: number;
  /** Links scoring below this are dropped (default 0.2). */
  minScore?: number;
  /**
   * Terms a story must share with the denial unless the denial names one of its outlets (default 0).
   * Two countries in common say little: Russia and Ukraine are in every story of a war.
   */
  minSharedTerms?: number;
  /** Extra names per outlet (any script), merged with the built-in ones; keyed by the outlet's name. */
  outletAliases?: Record<string, string[]>;
}

export interface DenialLink {
  storyId: number;
  score: number;
  reasons: string[];
}
