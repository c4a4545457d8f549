import type { SourceKind } from '@parallax/domain';
import { CueList } from './cue-list.js';
import {
  CLAIM_OBJECTS, FAKE_NEWS_TOPICS, FALSITY, NEGATED_EVENTS, NON_OFFICIAL_ACTORS, NOT_DENIALS, OFFICIAL_ACTORS, POLICY_OBJECTS, REBUTTALS, REFERENTS,
  STRONG_DENIALS, WEAK_DENIALS,
} from './stance-lexicon.data.js';

export interface StanceOptions {
  /** ISO 639-1 of the text; the lexicons cover every language at once, so this only informs splitting. */
  lang?: string;
  /** Who speaks: an official body (its own statement) or a media outlet (reporting). Default media. */
  sourceKind?: SourceKind;
}

export interface Stance {
  /** An official statement rejecting a specific report or allegation as false. */
  denial: boolean;
  /** A media item reporting that an official body denied or rejected a claim. */
  mentionsDenial: boolean;
  /** The cue words that decided it, for explaining the label in the dashboard. */
  cues: string[];
}

/**
 * JavaScript's `\b` knows only ASCII letters, so "\bélysée" or "resolución\b" never match. The lexicons
 * are written with `\b`; it is rewritten once here into a boundary between letters of any script.
 */
function unicodeWords(patterns: RegExp[], flags = 'u'): RegExp[] {
  // A `\b` at the start of the pattern or of an alternative comes before a letter (nothing word-like may
  // precede it); anywhere else it comes after one (nothing word-like may follow). One-sided checks are
  // what the boundary means there, and much cheaper than the two-sided form.
  return patterns.map(
    (re) => new RegExp(re.source.replace(/(^|[(|])\\b|(?<!\\)\\b/gu, (_m, lead: string | undefined) => (lead !== undefined ? `${lead}(?<![\\p{L}\\p{N}_])` : '(?![\\p{L}\\p{N}_])')), flags),
  );
}

const cues = (patterns: RegExp[], flags = 'u'): CueList => new CueList(unicodeWords(patterns, flags));

const STRONG = cues(STRONG_DENIALS);
const WEAK = cues(WEAK_DENIALS);
const DENIAL_VERBS_GLOBAL = cues([...STRONG_DENIALS, ...WEAK_DENIALS], 'gu');
const FALSE_WORDS = cues(FALSITY);
const CLAIMS = cues(CLAIM_OBJECTS);
const POLICIES = cues(POLICY_OBJECTS);
const DEICTICS = cues(REFERENTS);
const FLAT_REBUTTALS = cues(REBUTTALS);
const NEGATED = cues(NEGATED_EVENTS);
const OFFICIALS = cues(OFFICIAL_ACTORS);
const OFFICIALS_GLOBAL = cues(OFFICIAL_ACTORS, 'gu');
const NON_OFFICIALS_GLOBAL = cues(NON_OFFICIAL_ACTORS, 'gu');
const NOT_DENIALS_GLOBAL = cues(NOT_DENIALS, 'gu');
const FAKE_NEWS_GLOBAL = cues(FAKE_NEWS_TOPICS, 'gu');
/**
 * A sentence without a word of any of these lists has no denial cue: masking and the fake-news rewrite
 * change nothing in it, and every way `denialCues` answers needs a rebuttal, a denial verb, a word of
 * falsity or a negated event. Most sentences are such, and this one scan clears them.
 */
const MAY_HAVE_CUES = CueList.anyOf([NOT_DENIALS_GLOBAL, DENIAL_VERBS_GLOBAL, FAKE_NEWS_GLOBAL, FLAT_REBUTTALS, STRONG, WEAK, FALSE_WORDS, NEGATED]);
const SENTENCE_END = /(?<=[.!?。！？；;])\s*|\n+/u;

/**
 * Negation in front of a denial verb, up to two words before it (did not deny, n'a pas démenti, non ha
 * smentito, não negou, nie zaprzeczył, не стал опровергать, لم ينف, 未否认), or after it where the
 * language puts it there (German "bestritt nicht", Japanese 否定しなかった).
 */
const NEGATION_BEFORE = /(?:(?<![\p{L}])(?:not|n't|never|не|ні|pas|nicht|no|non|não|nie|لم|لا|لن)|n't|未|没有|并未|不)\s*(?:\p{L}+\s+){0,2}$/u;
const NEGATION_AFTER = /^(?:\p{L}*\s+(?:\p{L}+\s+)?nicht(?![\p{L}])|なかった|せず|していない|しない|しなかった)/u;

/**
 * Detects denial stance. A sentence carries a denial when, after blanking out "declined to comment",
 * negated denial verbs ("did not deny") and the like, it has
 * - a verb that means "deny" by itself (deny, dément, опроверг, 否认), or
 * - a verb of rejecting whose object is a claim, not a policy (rejects the allegations, not the sanctions), or
 * - a word of falsity pointing at a specific claim (the report … is fake; это фейк; 该报道严重失实), or
 * - a flat factual rebuttal (No such meeting took place), or a negated event answering a named claim.
 * A media item needs, besides, an official body as the one denying (not analysts or the newsroom).
 */
export function detectStance(text: string, options: StanceOptions = {}): Stance {
  const kind = options.sourceKind ?? 'media';
  const sentences = text.toLowerCase().normalize('NFKC').split(SENTENCE_END).filter((s) => s.trim().length > 0);
  let previous = '';
  for (const sentence of sentences) {
    const found = MAY_HAVE_CUES(sentence) ? denialCues(sentence, previous) : null;
    if (found) {
      if (kind === 'official') return { denial: true, mentionsDenial: false, cues: found.cues };
      const actor = deniedByOfficial(sentence, previous, found.at);
      if (actor) return { denial: false, mentionsDenial: true, cues: [...found.cues, actor] };
    }
    previous = sentence;
  }
  return { denial: false, mentionsDenial: false, cues: [] };
}

/** Blanks out what must not count: no-comment phrases, negated denial verbs, and fake news as a topic. */
function mask(sentence: string): string {
  const masked = NOT_DENIALS_GLOBAL.replaceEach(sentence, (m) => ' '.repeat(m.length));
  return DENIAL_VERBS_GLOBAL.replaceEach(masked, (m, offset, text) => {
    const negated = NEGATION_BEFORE.test(text.slice(Math.max(0, offset - 30), offset)) || NEGATION_AFTER.test(text.slice(offset + m.length, offset + m.length + 30));
    return negated ? ' '.repeat(m.length) : m;
  });
}

function denialCues(sentence: string, previous: string): { cues: string[]; at: number } | null {
  const masked = mask(sentence);
  // "Fake news" as a subject of its own (a problem, a threat) is read as the bare word "fake": its noun
  // "news" is not a report being rejected.
  const asFake = (m: string): string => 'fake'.padEnd(m.length, ' ');
  const topical = FAKE_NEWS_GLOBAL.replaceEach(masked, asFake);
  const previousTopical = FAKE_NEWS_GLOBAL.replaceEach(previous, asFake);
  const context = `${previousTopical} ${topical}`;
  const claim = CLAIMS.first(topical) ?? CLAIMS.first(previousTopical);
  const policyOnly = !claim && POLICIES.first(sentence) !== null;
  const at = (cue: string): number => Math.max(0, masked.indexOf(cue));

  const rebuttal = FLAT_REBUTTALS.first(masked);
  if (rebuttal) return { cues: [rebuttal], at: at(rebuttal) };
  const strong = STRONG.first(masked);
  if (strong) return { cues: [strong], at: at(strong) };
  if (policyOnly) return null;
  const falsity = FALSE_WORDS.first(topical);
  const weak = WEAK.first(masked);
  if (weak && (claim || falsity)) return { cues: [weak, claim ?? falsity ?? ''], at: at(weak) };
  const referent = DEICTICS.first(context);
  if (falsity && (claim || referent)) return { cues: [falsity, claim ?? referent ?? ''], at: at(falsity) };
  const negated = NEGATED.first(masked);
  if (negated && claim) return { cues: [negated, claim], at: at(negated) };
  return null;
}

/**
 * The official body that denies, or null. The nearest speaker before the cue decides: "analysts dismissed
 * the government's claims" is the analysts' dismissal, though a government is named after the verb.
 */
function deniedByOfficial(sentence: string, previous: string, cueAt: number): string | null {
  const before = sentence.slice(0, cueAt);
  const lastOfficial = OFFICIALS_GLOBAL.last(before);
  const lastOther = NON_OFFICIALS_GLOBAL.last(before);
  if (lastOther && (!lastOfficial || lastOther.index > lastOfficial.index)) return null;
  return OFFICIALS.first(`${previous} ${sentence}`);
}
