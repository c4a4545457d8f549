import { analyseText } from './analysis/text-analyser.js';
import { positiveTerms, type BoundQuery, type BoundTerm } from './bound-query.js';

export interface SnippetOptions {
  /** Longest excerpt, in characters, before the ellipses. */
  maxChars?: number;
}

const CONTEXT_BEFORE = 40;
/** Candidate windows tried: the first matches are enough to find a good excerpt. */
const MAX_WINDOWS = 100;

/**
 * An excerpt of `text` around the query's matches, each match wrapped in `<mark>…</mark>` and every
 * other character HTML-escaped, so the result can be inserted as HTML as is. Matches are found
 * with the index's own analyser, so 俄罗斯 is marked inside 中俄罗斯 and России for a query Россия.
 * Returns null when the text holds no match.
 */
export function highlightSnippet(text: string, query: BoundQuery, options: SnippetOptions = {}): string | null {
  const maxChars = options.maxChars ?? 240;
  const terms = positiveTerms(query);
  const ranges = mergeRanges(analyseText(text, 'index').filter((t) => terms.some((q) => termMatches(t.term, q))));
  const first = ranges[0];
  if (!first) return null;
  let best = first.start;
  let bestCount = 0;
  for (const r of ranges.slice(0, MAX_WINDOWS)) {
    const from = Math.max(0, r.start - CONTEXT_BEFORE);
    const count = ranges.filter((o) => o.start >= from && o.end <= from + maxChars).length;
    if (count > bestCount) {
      bestCount = count;
      best = from;
    }
  }
  return renderWindow(text, ranges, best, maxChars);
}

/** The beginning of a text, escaped, for hits that matched on other fields only. */
export function plainSnippet(text: string, maxChars = 240): string {
  return renderWindow(text, [], 0, maxChars);
}

function termMatches(token: string, q: BoundTerm): boolean {
  return q.prefix ? token.startsWith(q.term) : token === q.term;
}

function mergeRanges(tokens: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...tokens].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    // CJK bigrams overlap (俄罗, 罗斯): one mark for the whole run of characters.
    if (last && t.start < last.end) last.end = Math.max(last.end, t.end);
    else out.push({ start: t.start, end: t.end });
  }
  return out;
}

function renderWindow(text: string, ranges: { start: number; end: number }[], from: number, maxChars: number): string {
  let start = from;
  let end = Math.min(text.length, from + maxChars);
  // Cut at a space when one is near, so Latin and Cyrillic words are not sliced in half.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space - start < 20 && !ranges.some((r) => r.start < space + 1 && r.end > start)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && end - space < 20 && !ranges.some((r) => r.start < end && r.end > space)) end = space;
  }
  let out = start > 0 ? '…' : '';
  let pos = start;
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    const a = Math.max(r.start, start);
    const b = Math.min(r.end, end);
    out += escapeHtml(text.slice(pos, a)) + '<mark>' + escapeHtml(text.slice(a, b)) + '</mark>';
    pos = b;
  }
  out += escapeHtml(text.slice(pos, end));
  return end < text.length ? `${out}…` : out;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
