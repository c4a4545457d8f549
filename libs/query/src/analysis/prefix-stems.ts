import { CYRILLIC_ENDINGS } from './cyrillic-stemmer.js';
import { LATIN_ENDINGS } from './latin-stemmer.js';
import { normaliseTerm } from './text-analyser.js';

/**
 * A prefix query runs against stemmed index terms, so `Росси*` must also find Россия, indexed as
 * `рос`: shorter than the prefix. Given a folded, unstemmed prefix, this returns the stems shorter
 * than it that words beginning with it can have: the prefix's tail is taken for the start of an
 * ending the stemmer strips (`и` of `ия`), the ending completed, and the word stemmed the usual way.
 * `invas*` gets no `inva` this way unless a word `invas…` really stems to it.
 */
export function prefixStems(prefix: string): string[] {
  const endings = /^[a-z]+$/.test(prefix) ? LATIN_ENDINGS : /^\p{Script=Cyrillic}+$/u.test(prefix) ? CYRILLIC_ENDINGS : [];
  const stems = new Set<string>();
  for (const ending of endings) {
    for (let k = 1; k <= ending.length && k < prefix.length; k++) {
      if (!prefix.endsWith(ending.slice(0, k))) continue;
      const stem = normaliseTerm(prefix.slice(0, prefix.length - k) + ending);
      if (!stem.startsWith(prefix)) stems.add(stem);
    }
  }
  return [...stems];
}
