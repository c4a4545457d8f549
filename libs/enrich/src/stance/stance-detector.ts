import type { SourceKind } from '@parallax/domain';
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

const STRONG = unicodeWords(STRONG_DENIALS);
const WEAK = unicodeWords(WEAK_DENIALS);
const DENIAL_VERBS_GLOBAL = unicodeWords([...STRONG_DENIALS, ...WEAK_DENIALS], 'gu');
const FALSE_WORDS = unicodeWords(FALSITY);
const CLAIMS = unicodeWords(CLAIM_OBJECTS);
const POLICIES = unicodeWords(POLICY_OBJECTS);
const DEICTICS = unicodeWords(REFERENTS);
const FLAT_REBUTTALS = unicodeWords(REBUTTALS);
const NEGATED = unicodeWords(NEGATED_EVENTS);
const OFFICIALS = unicodeWords(OFFICIAL_ACTORS);
const OFFICIALS_GLOBAL = unicodeWords(OFFICIAL_ACTORS, 'gu');
const NON_OFFICIALS_GLOBAL = unicodeWords(NON_OFFICIAL_ACTORS, 'gu');
const NOT_DENIALS_GLOBAL = unicodeWords(NOT_DENIALS, 'gu');
const FAKE_NEWS_GLOBAL = unicodeWords(FAKE_NEWS_TOPICS, 'gu');
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
    const found = denialCues(sentence, previous);
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
  let masked = sentence;
  for (const re of NOT_DENIALS_GLOBAL) masked = masked.replace(re, (m) => ' '.repeat(m.length));
  for (const re of DENIAL_VERBS_GLOBAL) {
    masked = masked.replace(re, (m, ...rest) => {
      const offset = rest.find((r): r is number => typeof r === 'number') ?? 0;
      const negated = NEGATION_BEFORE.test(masked.slice(Math.max(0, offset - 30), offset)) || NEGATION_AFTER.test(masked.slice(offset + m.length, offset + m.length + 30));
      return negated ? ' '.repeat(m.length) : m;
    });
  }
  return masked;
}

function denialCues(sentence: string, previous: string): { cues: string[]; at: number } | null {
  const masked = mask(sentence);
  // "Fake news" as a subject of its own (a problem, a threat) is read as the bare word "fake": its noun
  // "news" is not a report being rejected.
  let topical = masked;
  for (const re of FAKE_NEWS_GLOBAL) topical = topical.replace(re, (m) => 'fake'.padEnd(m.length, ' '));
  const previousTopical = FAKE_NEWS_GLOBAL.reduce((acc, re) => acc.replace(re, (m) => 'fake'.padEnd(m.length, ' ')), previous);
  const context = `${previousTopical} ${topical}`;
  const claim = firstMatch(CLAIMS, topical) ?? firstMatch(CLAIMS, previousTopical);
  const policyOnly = !claim && firstMatch(POLICIES, sentence) !== null;
  const at = (cue: string): number => Math.max(0, masked.indexOf(cue));

  const rebuttal = firstMatch(FLAT_REBUTTALS, masked);
  if (rebuttal) return { cues: [rebuttal], at: at(rebuttal) };
  const strong = firstMatch(STRONG, masked);
  if (strong) return { cues: [strong], at: at(strong) };
  if (policyOnly) return null;
  const falsity = firstMatch(FALSE_WORDS, topical);
  const weak = firstMatch(WEAK, masked);
  if (weak && (claim || falsity)) return { cues: [weak, claim ?? falsity ?? ''], at: at(weak) };
  const referent = firstMatch(DEICTICS, context);
  if (falsity && (claim || referent)) return { cues: [falsity, claim ?? referent ?? ''], at: at(falsity) };
  const negated = firstMatch(NEGATED, masked);
  if (negated && claim) return { cues: [negated, claim], at: at(negated) };
  return null;
}

/**
 * The official body that denies, or null. The nearest speaker before the cue decides: "analysts dismissed
 * the government's claims" is the analysts' dismissal, though a government is named after the verb.
 */
function deniedByOfficial(sentence: string, previous: string, cueAt: number): string | null {
  const before = sentence.slice(0, cueAt);
  const lastOfficial = lastMatch(OFFICIALS_GLOBAL, before);
  const lastOther = lastMatch(NON_OFFICIALS_GLOBAL, before);
  if (lastOther && (!lastOfficial || lastOther.index > lastOfficial.index)) return null;
  return firstMatch(OFFICIALS, `${previous} ${sentence}`);
}

function lastMatch(patterns: RegExp[], text: string): { index: number; text: string } | null {
  let best: { index: number; text: string } | null = null;
  for (const re of patterns) {
    for (const m of text.matchAll(re)) if (!best || m.index > best.index) best = { index: m.index, text: m[0] };
  }
  return best;
}

function firstMatch(patterns: RegExp[], text: string): string | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m[0].trim();
  }
  return null;
}
