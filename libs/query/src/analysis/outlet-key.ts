import { foldWord } from './fold-text.js';

/**
 * The comparison key of an outlet name: its folded words joined by `_`. `outlet:"new york times"`
 * matches the outlet "New York Times" whatever the case or accents, and not "New York Times
 * Magazine": an outlet filter names one outlet. The key is a single index token (`_` never splits).
 */
export function outletKey(name: string): string {
  return name
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => foldWord(w).replace(/[^\p{L}\p{M}\p{N}]+/gu, ''))
    .join('_');
}
