/** A gazetteer entry: one Wikidata item with its names in each language. */
export interface GazetteerEntity {
  /** Wikidata QID (`Q148`), or a user-chosen id for custom entities. */
  qid: string;
  /** Display name (English where there is one). */
  name: string;
  type: 'country' | 'organization' | 'person' | 'custom';
  /**
   * Names by ISO 639-1 language (`*` = every language). Alias syntax, per space-separated word:
   * `Росси{я|и|ю}` = the stem with each listed ending; `Путин~` = the stem with the generic endings of
   * that language (see inflection.ts). Case matters where the script has case: a capital in the alias
   * must be a capital in the text (so `China` does not match "china plates"), an all-capital alias must
   * be all capitals in the text (`UN` is not "un").
   */
  aliases: Record<string, string[]>;
  /** The body this one is part of (UN General Assembly → UN): both may be tagged on one span. */
  parent?: string;
  /** True when the QID was written from memory and not confirmed against Wikidata or our dev set. */
  unverified?: boolean;
}

/** An entity a user adds (stored by the API): `qid` or `id`, a name, aliases per language. */
export interface CustomEntity {
  qid?: string;
  id?: string;
  name: string;
  aliases?: Record<string, string[]>;
}

/** Words or phrases that look like an alias but are something else (encre de Chine, 俄罗斯方块). */
export interface FalseFriend {
  /** Languages the phrase is a false friend in; absent = all. */
  langs?: string[];
  phrases: string[];
}

/**
 * Drop a match of `qid` when one of `cues` (a word or phrase) occurs within `window` words of it:
 * "Georgia" near "Atlanta" or "Senate runoff" is the U.S. state.
 */
export interface ContextExclusion {
  qid: string;
  langs?: string[];
  cues: string[];
  window: number;
}
