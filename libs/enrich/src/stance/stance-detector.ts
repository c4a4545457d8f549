import type { SourceKind } from '@parallax/domain';
import {
  CLAIM_OBJECTS, FALSITY, NOT_DENIALS, OFFICIAL_ACTORS, POLICY_OBJECTS, REBUTTALS, REFERENTS, STRONG_DENIALS, WEAK_DENIALS,
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

const NOT_DENIALS_GLOBAL = NOT_DENIALS.map((re) => new RegExp(re.source, 'gu'));
const SENTENCE_END = /(?<=[.!?。！？；;])\s*|\n+/u;

/**
 * Detects denial stance. A sentence carries a denial when, after blanking out "declined to comment",
 * "did not deny" and the like, it has
 * - a verb that means "deny" by itself (deny, dément, опроверг, 否认), or
 * - a verb of rejecting whose object is a claim, not a policy (rejects the allegations, not the sanctions), or
 * - a word of falsity pointing at a specific claim (the report … is fake; это фейк; 该报道严重失实), or
 * - a flat factual rebuttal (No such meeting took place).
 * A media item needs, besides, an official body as the one denying (not analysts or the newsroom).
 */
export function detectStance(text: string, options: StanceOptions = {}): Stance {
  const kind = options.sourceKind ?? 'media';
  const sentences = text.toLowerCase().normalize('NFKC').split(SENTENCE_END).filter((s) => s.trim().length > 0);
  let previous = '';
  for (const sentence of sentences) {
    const cues = denialCues(sentence, previous);
    if (cues.length > 0) {
      if (kind === 'official') return { denial: true, mentionsDenial: false, cues };
      const actor = firstMatch(OFFICIAL_ACTORS, `${previous} ${sentence}`);
      if (actor) return { denial: false, mentionsDenial: true, cues: [...cues, actor] };
    }
    previous = sentence;
  }
  return { denial: false, mentionsDenial: false, cues: [] };
}

function denialCues(sentence: string, previous: string): string[] {
  let masked = sentence;
  for (const re of NOT_DENIALS_GLOBAL) masked = masked.replace(re, (m) => ' '.repeat(m.length));
  const context = `${previous} ${sentence}`;
  const claim = firstMatch(CLAIM_OBJECTS, sentence) ?? firstMatch(CLAIM_OBJECTS, previous);
  const policyOnly = !claim && firstMatch(POLICY_OBJECTS, sentence) !== null;

  const rebuttal = firstMatch(REBUTTALS, masked);
  if (rebuttal) return [rebuttal];
  const strong = firstMatch(STRONG_DENIALS, masked);
  if (strong) return [strong];
  if (policyOnly) return [];
  const falsity = firstMatch(FALSITY, masked);
  const weak = firstMatch(WEAK_DENIALS, masked);
  if (weak && (claim || falsity)) return [weak, claim ?? falsity ?? ''];
  const referent = firstMatch(REFERENTS, context);
  if (falsity && (claim || referent)) return [falsity, claim ?? referent ?? ''];
  return [];
}

function firstMatch(patterns: RegExp[], text: string): string | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m[0].trim();
  }
  return null;
}
