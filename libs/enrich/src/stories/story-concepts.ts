import { EntityTagger, type HeadlineMention } from '../entities/entity-tagger.js';
import type { CustomEntity } from '../entities/entity.js';
import { STORY_CONCEPTS } from './concepts.data.js';

/**
 * Concept keys share the item's term list with the analysed terms (so that the store keeps and looks
 * them up like terms) and are told apart by this prefix: the analyser never emits a term beginning
 * with punctuation.
 */
export const CONCEPT_KEY_PREFIX = '~';

export function isConceptKey(key: string): boolean {
  return key.startsWith(CONCEPT_KEY_PREFIX) && !isHeadlineEntityKey(key);
}

/**
 * A marker that an entity is named in the headline or standfirst (`~Q148`), not only in the body:
 * kept with the terms like concept keys. Bodies carry background (the leaders who met that week, the
 * alliance in the last paragraph) that would make items about other events look alike.
 */
export function headlineEntityKey(qid: string): string {
  return `${CONCEPT_KEY_PREFIX}${qid}`;
}

export function isHeadlineEntityKey(key: string): boolean {
  return /^~Q\d+$/.test(key);
}

/** The concepts of {@link STORY_CONCEPTS} as the entity tagger takes them (`EntityTaggerOptions.concepts`), keyed `~id`. */
export function storyConceptEntities(): CustomEntity[] {
  return STORY_CONCEPTS.map((c) => ({ id: `${CONCEPT_KEY_PREFIX}${c.id}`, name: c.id.replace(/[:-]/g, ' '), aliases: c.aliases }));
}

/** Concept keys and headline-entity markers ({@link headlineEntityKey}) of what a headline names. */
export function headlineKeysOf(mentions: readonly HeadlineMention[]): string[] {
  return mentions.map((m) => (m.concept ? m.id : headlineEntityKey(m.id)));
}

/**
 * Finds the concepts of {@link STORY_CONCEPTS} in text of any language, with the entity tagger's
 * matcher (whole words, inflected forms, CJK word boundaries). The gazetteer's entities are matched too,
 * so that a longer name hides a concept inside it, as in the entity facets. New items get the same keys
 * from their enrichment (`Enricher.enrichWithHeadlineKeys`); this tagger serves text without it.
 */
export class StoryConceptTagger {
  private readonly tagger = new EntityTagger({ concepts: storyConceptEntities() });

  /** Concept keys (`~olympics`), each once, in order of first mention. */
  tag(text: string, lang?: string): string[] {
    return this.mentions(text, lang)
      .filter((m) => m.concept)
      .map((m) => m.id);
  }

  /** Concept keys and headline-entity markers ({@link headlineEntityKey}) of a headline and standfirst. */
  headlineKeys(text: string, lang?: string): string[] {
    return headlineKeysOf(this.mentions(text, lang));
  }

  private mentions(text: string, lang: string | undefined): HeadlineMention[] {
    return this.tagger.tagWithHeadline([text], lang, 1).headline;
  }
}

let shared: StoryConceptTagger | null = null;

/**
 * The tagger shared by the process, built on first use: building it (the whole gazetteer once more) takes
 * a few hundred milliseconds.
 */
export function sharedStoryConceptTagger(): StoryConceptTagger {
  shared ??= new StoryConceptTagger();
  return shared;
}

/** The concept keys of `text`, with the shared tagger. */
export function storyConcepts(text: string, lang?: string): string[] {
  return sharedStoryConceptTagger().tag(text, lang);
}

/** Concept keys and headline-entity markers of a headline and standfirst, with the shared tagger. */
export function storyHeadlineKeys(text: string, lang?: string): string[] {
  return sharedStoryConceptTagger().headlineKeys(text, lang);
}
