import type { EntityRef, Enrichment, SourceKind } from '@parallax/domain';
import { EntityTagger } from './entities/entity-tagger.js';
import type { CustomEntity, GazetteerEntity } from './entities/entity.js';
import { LanguageIdentifier } from './language/language-identifier.js';
import { detectStance } from './stance/stance-detector.js';
import { headlineKeysOf, storyConceptEntities } from './stories/story-concepts.js';

export interface EnricherOptions {
  customEntities?: CustomEntity[];
  /**
   * The language model. `Enricher.create()` loads eld's n-gram tables; without one, only script shortcuts and the
   * declared language decide (Latin and Cyrillic text without a declared language becomes `und`).
   */
  languageIdentifier?: LanguageIdentifier;
}

export interface EnrichInput {
  title: string;
  summary?: string | null;
  contentText?: string | null;
  declaredLanguage?: string | null;
  sourceKind?: SourceKind;
}

/** Language, entities and denial stance of one item: the enrich step of the pipeline. */
export class Enricher {
  private readonly tagger: EntityTagger;
  private readonly languages: LanguageIdentifier;

  constructor(options: EnricherOptions = {}) {
    // The story concepts ride along, so that an item's headline keys come from the pass that finds its entities.
    this.tagger = new EntityTagger({ customEntities: options.customEntities ?? [], concepts: storyConceptEntities() });
    this.languages = options.languageIdentifier ?? new LanguageIdentifier(null);
  }

  /** An Enricher with the n-gram language model loaded (read from eld's files, asynchronously). */
  static async create(options: Omit<EnricherOptions, 'languageIdentifier'> = {}): Promise<Enricher> {
    return new Enricher({ ...options, languageIdentifier: await LanguageIdentifier.load() });
  }

  enrich(input: EnrichInput): Enrichment {
    return this.read(input, false).enrichment;
  }

  /**
   * {@link enrich}, and the story keys of the headline and standfirst (`storyHeadlineKeys`: the concepts
   * and built-in entities named there, read in the item's language) from the same pass of the tagger.
   */
  enrichWithHeadlineKeys(input: EnrichInput): { enrichment: Enrichment; headlineKeys: string[] } {
    return this.read(input, true);
  }

  private read(input: EnrichInput, withHeadline: boolean): { enrichment: Enrichment; headlineKeys: string[] } {
    const present = (s: string | null | undefined): s is string => !!s && s.trim().length > 0;
    const headline = [input.title, input.summary].filter(present);
    const parts = present(input.contentText) ? [...headline, input.contentText] : headline;
    const text = parts.join('\n');
    const language = this.languages.identify(text, { declared: input.declaredLanguage ?? null });
    const tagged = this.tagger.tagWithHeadline(parts, language === 'und' ? undefined : language, withHeadline ? headline.length : 0);
    const stance = detectStance(text, { lang: language, sourceKind: input.sourceKind ?? 'media' });
    return {
      enrichment: { language, entities: tagged.entities, denial: stance.denial, mentionsDenial: stance.mentionsDenial },
      headlineKeys: headlineKeysOf(tagged.headline),
    };
  }

  /** The entities of a text alone (no language detection, no stance): e.g. one passage of a statement. */
  tagEntities(text: string, language?: string): EntityRef[] {
    return this.tagger.tag(text, language === 'und' ? undefined : language);
  }

  /** QIDs for a name in any language (`China`, `Китай`, `中国`) or a QID; used by the query `entity:` filter. */
  resolveEntity(nameOrQid: string): string[] {
    return this.tagger.resolve(nameOrQid);
  }

  listEntities(): GazetteerEntity[] {
    return this.tagger.list();
  }
}
