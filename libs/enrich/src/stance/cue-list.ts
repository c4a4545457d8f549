import { requiredLiterals } from './required-literals.js';

interface Cue {
  re: RegExp;
  /** Matches wherever one of the literals `re` needs occurs; null when none are known (always run `re`). */
  gate: RegExp | null;
}

/**
 * An ordered list of cue patterns that skips, for a given text, the patterns that cannot match it: a
 * test for the literals a pattern needs (see {@link requiredLiterals}) is an alternation of plain strings,
 * which the regex engine scans much faster than a cue with lookbehinds and `\p{L}` classes, and most
 * sentences contain no cue word. Every answer is the one running all patterns in order would give.
 */
export class CueList {
  private readonly cues: Cue[];
  /** Passes when any pattern of the list may match; null when one of them has no known literals. */
  private readonly gate: RegExp | null;

  /** Every literal any pattern needs; null when one of them has none known. */
  private readonly literals: string[] | null;

  constructor(patterns: RegExp[]) {
    const literals = patterns.map((re) => requiredLiterals(re));
    this.cues = patterns.map((re, i) => ({ re, gate: literalGate(literals[i] ?? null) }));
    this.literals = literals.every((l) => l !== null) ? literals.flatMap((l) => l ?? []) : null;
    this.gate = literalGate(this.literals);
  }

  /** A test that passes wherever a pattern of any of `lists` may match: one scan instead of one per list. */
  static anyOf(lists: CueList[]): (text: string) => boolean {
    const gate = lists.every((l) => l.literals !== null) ? literalGate(lists.flatMap((l) => l.literals ?? [])) : null;
    return (text) => gate === null || gate.test(text);
  }

  /** The first pattern's match (trimmed), in list order; null when none matches. */
  first(text: string): string | null {
    if (!this.mayMatch(text)) return null;
    for (const cue of this.cues) {
      if (cue.gate && !cue.gate.test(text)) continue;
      const m = cue.re.exec(text);
      if (m) return m[0].trim();
    }
    return null;
  }

  /**
   * `text.replace(re, …)` for each pattern in turn (each on the previous one's result), for patterns with
   * the `g` flag. `replacer` gets the match, its offset and the text that pattern runs on. A pattern is
   * skipped only when it cannot match the text as it stands then, so a replacement that creates a match
   * for a later pattern still counts.
   */
  replaceEach(text: string, replacer: (match: string, offset: number, text: string) => string): string {
    if (!this.mayMatch(text)) return text;
    let out = text;
    for (const cue of this.cues) {
      if (cue.gate && !cue.gate.test(out)) continue;
      // A replace callback gets (match, ...groups, offset, text[, named groups]): offset is the first number.
      out = out.replace(cue.re, (m: string, ...rest: unknown[]) => {
        const at = rest.findIndex((r) => typeof r === 'number');
        return replacer(m, rest[at] as number, rest[at + 1] as string);
      });
    }
    return out;
  }

  /** The match that starts last among all patterns' matches (the first pattern's on a tie); `g` patterns. */
  last(text: string): { index: number; text: string } | null {
    if (!this.mayMatch(text)) return null;
    let best: { index: number; text: string } | null = null;
    for (const cue of this.cues) {
      if (cue.gate && !cue.gate.test(text)) continue;
      for (const m of text.matchAll(cue.re)) if (!best || m.index > best.index) best = { index: m.index, text: m[0] };
    }
    return best;
  }

  private mayMatch(text: string): boolean {
    return this.gate === null || this.gate.test(text);
  }
}

/** A pattern that matches wherever one of `literals` occurs, or null for no literals. */
function literalGate(literals: string[] | null): RegExp | null {
  if (!literals) return null;
  return new RegExp(literalAlternation(literals), 'u');
}

interface LiteralTrie {
  next: Map<string, LiteralTrie>;
  /** A literal ends here. */
  end: boolean;
}

/**
 * A pattern that matches wherever one of `literals` occurs, written as a trie, common beginnings once:
 * `did n(?:ot |'t )` rather than `did not |did n't `. The regex engine tries a plain list's
 * alternatives one by one at every position of the text; the denial cues' list has hundreds, and their
 * gate was 4% of preparing an item. A literal that another begins with makes the longer one redundant
 * (the shorter is found wherever the longer is), so it ends its branch.
 */
export function literalAlternation(literals: readonly string[]): string {
  const root: LiteralTrie = { next: new Map(), end: false };
  for (const literal of literals) {
    let node = root;
    for (const ch of literal) {
      let next = node.next.get(ch);
      if (!next) {
        next = { next: new Map(), end: false };
        node.next.set(ch, next);
      }
      node = next;
    }
    node.end = true;
  }
  const write = (node: LiteralTrie): string => {
    if (node.end) return '';
    const branches = [...node.next].map(([ch, next]) => ch.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&') + write(next));
    return branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  };
  return write(root);
}
