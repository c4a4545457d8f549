import { CONCEPT_KEY_PREFIX, type DenialLink, EntityTagger, type StorySummary, type TermStats, denialPassage, isStopWord, linkDenial } from '@parallax/enrich';
import type { StoryProfileRow, StoryRepository } from '@parallax/store';
import { statementTerms } from './story-terms.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** linkDenial's defaults: stories first reported up to 14 days before a denial, or 12 hours after its date. */
const WINDOW_DAYS = 14;
const SKEW_HOURS = 12;
/** Candidate stories per denial, most recent first. */
const MAX_CANDIDATES = 200;
/** Links kept per denial: a statement rejects one report, now and then a few. */
const MAX_LINKS = 3;
/**
 * Links scoring below this share of the best one are dropped: the boost for naming an outlet applies to
 * every story that outlet carried, so a near miss on an unrelated story of the same outlet would link
 * too; a denial that answers several stories answers them about equally well.
 */
const RELATIVE_FLOOR = 0.85;
/** Terms summarising a story for linking: the most characteristic, by count × idf. */
const STORY_TERMS = 40;
/**
 * Below this score nothing is linked, however it ranks: a denial sharing a country or two and a few
 * words with a story has not been shown to answer it (linkDenial's own floor, 0.2, is for ranking).
 * The demo's denials of the report link at 0.41 and above.
 */
export const MIN_LINK_SCORE = 0.3;
/** Words a story must share with the denying passage unless the denial names one of its outlets. */
const MIN_SHARED_TERMS = 2;

/** QIDs of the entities a text names, in the text's language. */
export type EntityTagging = (text: string, language: string) => string[];

export interface DenialLinkerOptions {
  /** The runtime's tagger (with the users' custom entities); by default the built-in gazetteer's. */
  tagEntities?: EntityTagging;
  /** Default MIN_LINK_SCORE. */
  minScore?: number;
}

/**
 * Links official denials to the stories they reject (libs/enrich `linkDenial`) and stores the links.
 * A story is judged by its claim items only: the denial's own item, and any other official denial
 * clustered with it, are not evidence of what the denial answers.
 */
export class DenialLinker {
  private builtIn: EntityTagger | null = null;

  constructor(
    private readonly repo: StoryRepository,
    private readonly options: DenialLinkerOptions = {},
  ) {}

  private tag(text: string, language: string): string[] {
    if (this.options.tagEntities) return this.options.tagEntities(text, language);
    this.builtIn ??= new EntityTagger();
    return this.builtIn.tag(text, language === 'und' ? undefined : language).map((e) => e.qid);
  }

  /** Replaces the links of one denial; returns them. */
  link(denialId: number, stats: TermStats): DenialLink[] {
    const d = this.repo.item(denialId);
    if (!d || !d.denial) {
      this.repo.replaceLinks(denialId, []);
      return [];
    }
    const at = Date.parse(d.publishedAt);
    const full = [d.title, d.summary, d.contentText].filter((s): s is string => !!s).join('\n');
    // The passage that denies speaks for what is denied, not the rest of a long briefing.
    const passage = denialPassage(full, { lang: d.language });
    const text = passage.text;
    if (text.length === 0) {
      this.repo.replaceLinks(denialId, []);
      return [];
    }
    const own = new Set(d.entities);
    const entities = passage.whole ? d.entities : [...new Set(this.tag(text, d.language))].filter((q) => own.has(q));
    const ids = this.repo.candidateStories({
      from: new Date(at - WINDOW_DAYS * DAY_MS).toISOString(),
      to: new Date(at + SKEW_HOURS * HOUR_MS).toISOString(),
      entities,
      limit: MAX_CANDIDATES,
    });
    // Function words ("of", "не", "的") are shared by everything and evidence of nothing.
    const content = (t: string): boolean => !isStopWord(t, d.language) && !isStopWord(t, 'en');
    const summaries = this.repo.profiles(ids).map((p) => summarise(p, stats, content));
    const links = linkDenial({ id: d.id, publishedAt: d.publishedAt, entities, terms: statementTerms(text).filter(content), text, outlet: d.outlet }, summaries, {
      stats,
      windowDays: WINDOW_DAYS,
      clockSkewHours: SKEW_HOURS,
      minSharedTerms: MIN_SHARED_TERMS,
    });
    const best = links[0]?.score ?? 0;
    const floor = this.options.minScore ?? MIN_LINK_SCORE;
    const via = passage.whole ? null : `linked through the denying passage (${passage.kept} of ${passage.sentences} sentences)`;
    const kept = links
      .filter((l) => l.score >= floor && l.score >= RELATIVE_FLOOR * best)
      // A story of official statements alone (a ministry's briefings clustered together) is no report
      // a denial answers.
      .filter((l) => this.repo.items(l.storyId).some((i) => i.kind === 'media' && !i.denial))
      .slice(0, MAX_LINKS)
      .map((l) => (via ? { ...l, reasons: [via, ...l.reasons] } : l));
    this.repo.replaceLinks(denialId, kept);
    return kept;
  }
}

function summarise(p: StoryProfileRow, stats: TermStats, content: (term: string) => boolean): StorySummary {
  // Concept keys and headline markers are clustering features; a denial's text is compared by its words.
  const terms = [...p.termCounts]
    .filter(([t]) => !t.startsWith(CONCEPT_KEY_PREFIX) && content(t))
    .map(([t, n]) => ({ t, w: n * stats.idf(t) }))
    .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
    .slice(0, STORY_TERMS)
    .map((x) => x.t);
  return {
    storyId: p.storyId,
    firstReportedAt: p.firstReportedAt,
    lastAt: p.lastAt,
    entities: [...p.entityCounts].map(([qid, n]) => ({ qid, weight: n / p.items })),
    terms,
    outlets: p.outlets,
  };
}
