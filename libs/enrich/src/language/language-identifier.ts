import { NgramLanguageModel, type NgramGuess } from './ngram-model.js';
import { cyrillicHint, languageFromScript } from './script.js';

/** What this module asks of an n-gram model ({@link NgramLanguageModel}). */
interface NgramDetector {
  detect(text: string): NgramGuess | null;
}

/**
 * Languages the n-gram model may answer with. A subset, because on short headlines the full 60-language
 * model confuses Turkish with Azerbaijani and Portuguese with Catalan; the news languages we monitor
 * and their close neighbours stay in.
 */
export const DETECTABLE_LANGUAGES = [
  'en', 'zh', 'ja', 'ru', 'uk', 'fr', 'de', 'es', 'ar', 'it', 'pl', 'pt', 'ko', 'fa', 'tr', 'nl', 'sv',
  'cs', 'el', 'he', 'hi', 'vi', 'th', 'id', 'ro', 'hu', 'bg', 'be', 'sr', 'hr', 'fi', 'da', 'no', 'sk', 'ca',
] as const;

/** Pairs a detector confuses on short text; when it answers one and the feed declared the other, trust the feed. */
const CONFUSABLE: ReadonlyArray<readonly [string, string]> = [
  ['ru', 'uk'], ['ru', 'be'], ['uk', 'be'], ['es', 'pt'], ['es', 'ca'], ['pt', 'gl'], ['es', 'gl'],
  ['sr', 'hr'], ['cs', 'sk'], ['da', 'no'], ['no', 'sv'], ['id', 'ms'], ['fr', 'ca'], ['it', 'es'],
];

/** Below this many letters a detector's answer is a guess and the declared language wins. */
const SHORT_TEXT_LETTERS = 25;

export interface LanguageHint {
  /** The language the feed or source declares (a BCP 47 tag such as `zh-CN`). */
  declared?: string | null;
}

/**
 * Identifies the language of an item: script shortcuts first, then eld's n-gram tables, with the feed's
 * declared language as a prior. Answers ISO 639-1 or `und`.
 */
export class LanguageIdentifier {
  constructor(private readonly detector: NgramDetector | null) {}

  /** Loads eld's medium n-gram table for the detectable languages; it ships inside the package (no download at run time). */
  static async load(): Promise<LanguageIdentifier> {
    return new LanguageIdentifier(await NgramLanguageModel.load(DETECTABLE_LANGUAGES));
  }

  identify(text: string, hint: LanguageHint = {}): string {
    const declared = baseLanguage(hint.declared);
    // The opening of an item (headline and lead) decides; more text costs time and rarely changes the answer.
    const sample = text.slice(0, 600);
    // Only "none" and "fewer than SHORT_TEXT_LETTERS" matter: counting stops there.
    const letters = countLetters(sample, SHORT_TEXT_LETTERS);
    if (letters === 0) return declared ?? 'und';

    const byScript = languageFromScript(sample);
    if (byScript) {
      // Han-only text is Chinese unless the feed says Japanese (a kanji-only headline is plausible).
      if (byScript === 'zh' && declared === 'ja') return 'ja';
      if ((byScript === 'ar' || byScript === 'fa') && (declared === 'ur' || declared === 'ps' || declared === 'fa')) return declared;
      return byScript;
    }

    const detected = this.detect(sample);
    if (isCyrillic(sample)) {
      const hinted = cyrillicHint(sample);
      if (hinted && (detected === null || detected.language === 'ru' || detected.language === 'uk' || detected.language === 'be')) {
        return declared === 'be' ? 'be' : hinted;
      }
    }
    if (detected === null) return declared ?? 'und';
    if (declared && declared !== detected.language) {
      if (letters < SHORT_TEXT_LETTERS || !detected.reliable) return declared;
      if (CONFUSABLE.some(([a, b]) => (a === declared && b === detected.language) || (b === declared && a === detected.language))) {
        return declared;
      }
    }
    return detected.language;
  }

  private detect(text: string): NgramGuess | null {
    return this.detector?.detect(text) ?? null;
  }
}

/** `zh-Hant-TW` → `zh`; anything that is not a language tag → null. */
export function baseLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(base)) return null;
  // ISO 639-2 codes feeds still use for the languages we monitor most.
  const legacy: Record<string, string> = { zho: 'zh', chi: 'zh', rus: 'ru', ukr: 'uk', eng: 'en', fre: 'fr', fra: 'fr', ger: 'de', deu: 'de', spa: 'es', ara: 'ar', jpn: 'ja' };
  return legacy[base] ?? base;
}

const LETTER = /\p{L}/gu;

/** The number of letters in `text`, or `atMost` when there are that many or more. */
export function countLetters(text: string, atMost: number): number {
  LETTER.lastIndex = 0;
  let n = 0;
  while (n < atMost && LETTER.exec(text) !== null) n++;
  return n;
}

function isCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}
