import { EntityTagger } from '../entities/entity-tagger.js';
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

/**
 * Finds the concepts of {@link STORY_CONCEPTS} in text of any language, with the entity tagger's
 * matcher (whole words, inflected forms, CJK word boundaries). Returns concept keys (`~olympics`),
 * each once, in order of first mention.
 */
export class StoryConceptTagger {
  private readonly tagger: EntityTagger;
  private readonly keys: Map<string, string>;

  constructor() {
    const ids = STORY_CONCEPTS.map((c) => `${CONCEPT_KEY_PREFIX}${c.id}`);
    this.keys = new Map(ids.map((id) => [id, id]));
    // The concepts ride as custom entities; the gazetteer's own entities are matched too (so that a
    // longer name hides a concept inside it, as in the entity facets) and dropped from the answer.
    this.tagger = new EntityTagger({ customEntities: STORY_CONCEPTS.map((c, i) => ({ id: ids[i] as string, name: c.id.replace(/[:-]/g, ' '), aliases: c.aliases })) });
  }

  tag(text: string, lang?: string): string[] {
    return this.tagger
      .tag(text, lang)
      .map((e) => this.keys.get(e.qid))
      .filter((k): k is string => k !== undefined);
  }

  /** Concept keys and headline-entity markers ({@link headlineEntityKey}) of a headline and standfirst. */
  headlineKeys(text: string, lang?: string): string[] {
    return this.tagger.tag(text, lang).map((e) => this.keys.get(e.qid) ?? headlineEntityKey(e.qid));
  }
}

let shared: StoryConceptTagger | null = null;

/**
 * The tagger shared by the process, built on first use. Building it (the whole gazetteer once more) takes
 * a few hundred milliseconds: the ingest pipeline's preparation threads build it while they start
 * (libs/pipeline `warmUp`), the only place that uses it on every item.
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
