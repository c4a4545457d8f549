import { detectStance } from '../stance/stance-detector.js';

export interface DenialPassageOptions {
  /** ISO 639-1 of the text, passed to the stance detector. */
  lang?: string;
  /** Sentences kept on each side of a denying sentence (default 1): the question before, the reasons after. */
  neighbours?: number;
  /** A text of at most this many sentences is a statement about one thing and is kept whole (default 6). */
  wholeUpTo?: number;
}

export interface DenialPassage {
  /** The denying sentences with their neighbours, in text order, one a line; empty when none denies. */
  text: string;
  /** Sentences of the whole text, and of the passage. */
  sentences: number;
  kept: number;
  /** The text was short enough to be kept whole. */
  whole: boolean;
}

/** The stance detector's sentence boundaries, so that a cue it finds lies in one of our sentences. */
const SENTENCE_END = /(?<=[.!?。！？；;])\s*/u;
const PARAGRAPH_END = /\n+/u;
/** A paragraph this short (a question, an answer) is kept whole when one of its sentences is kept. */
const SHORT_PARAGRAPH = 4;

/**
 * The passage of an official text that does the denying: the sentences where the stance detector finds
 * a denial cue (judged with the sentence before, as the detector does), their neighbours, and the
 * short paragraphs those belong to (a transcript's question and answer).
 *
 * A routine press conference answers questions on a dozen topics; one answer calls a report fake, the
 * others are about trade, a visit or figure skating. Linking the whole transcript would tie the denial
 * to whatever those other answers share entities and words with, so only the passage around the
 * denial speaks for what is denied. A short statement is about one thing and is kept whole.
 */
export function denialPassage(text: string, options: DenialPassageOptions = {}): DenialPassage {
  const sentences: string[] = [];
  const paragraphOf: number[] = [];
  const paragraphs: number[][] = [];
  for (const paragraph of text.split(PARAGRAPH_END)) {
    const members: number[] = [];
    for (const s of paragraph.split(SENTENCE_END)) {
      if (s.trim().length === 0) continue;
      members.push(sentences.length);
      paragraphOf.push(paragraphs.length);
      sentences.push(s.trim());
    }
    if (members.length > 0) paragraphs.push(members);
  }
  const wholeUpTo = options.wholeUpTo ?? 6;
  if (sentences.length <= wholeUpTo) return { text: sentences.join('\n'), sentences: sentences.length, kept: sentences.length, whole: true };

  const stance = (s: string): boolean => detectStance(s, { lang: options.lang, sourceKind: 'official' }).denial;
  const alone = sentences.map(stance);
  const denying = sentences.map((s, n) => {
    if (alone[n]) return true;
    const previous = sentences[n - 1];
    // Denied only with the sentence before as context ("Question: … report …" then "It is fake."), and
    // not because that sentence denies by itself.
    return previous !== undefined && !alone[n - 1] && stance(`${previous}\n${s}`);
  });

  const reach = options.neighbours ?? 1;
  const keep = new Set<number>();
  denying.forEach((d, n) => {
    if (!d) return;
    for (let k = Math.max(0, n - reach); k <= Math.min(sentences.length - 1, n + reach); k++) {
      // A question of two sentences before the answer that denies belongs with it.
      const members = paragraphs[paragraphOf[k] ?? -1] ?? [];
      for (const m of members.length <= SHORT_PARAGRAPH ? members : [k]) keep.add(m);
    }
  });
  const kept = [...keep].sort((a, b) => a - b).map((n) => sentences[n] as string);
  return { text: kept.join('\n'), sentences: sentences.length, kept: kept.length, whole: false };
}
