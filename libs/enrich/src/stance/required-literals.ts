/**
 * Literal strings of which every match of a regular expression contains at least one: a cheap
 * `includes` test on them rules a pattern out before the regex engine runs. Most sentences contain no
 * cue word at all, and a scan with `(?<![\p{L}\p{N}_])` or `(^|[^\p{L}])` in front of an alternation
 * costs a lookbehind and a class test at every position.
 *
 * Returns null when no such set is known, so a caller falls back to running the pattern. Anything this
 * reader does not understand (back-references, named groups, case-insensitive flags) yields null:
 * a missed shortcut costs time, a wrong one would lose a cue.
 */
export function requiredLiterals(re: RegExp): string[] | null {
  if (/[imsyv]/u.test(re.flags)) return null;
  try {
    const reader = new PatternReader(re.source);
    const info = reader.alternation();
    if (!reader.done()) return null;
    return usable(info.exact) ?? info.factors;
  } catch {
    return null;
  }
}

/**
 * What a piece of a pattern is known to match: `exact`, every string it can match (when there are few);
 * `factors`, strings one of which each of its matches contains. null = not known.
 */
interface Info {
  exact: string[] | null;
  factors: string[] | null;
}

/** Above this many alternatives an exact set is given up (an alias-sized pattern would multiply out). */
const MAX_EXACT = 64;

const UNKNOWN: Info = { exact: null, factors: null };
const EMPTY: Info = { exact: [''], factors: null };

/** A set is usable as factors when none of its strings is empty (every text contains the empty string). */
function usable(set: string[] | null): string[] | null {
  return set && set.length > 0 && set.every((s) => s.length > 0) ? set : null;
}

/** The better of two factor sets: the one whose shortest string is longer (rarer in text). */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  const shortest = (set: string[]): number => Math.min(...set.map((s) => s.length));
  return shortest(b) > shortest(a) ? b : a;
}

function product(a: string[], b: string[]): string[] | null {
  // The common step, one more literal character: the strings stay distinct, no set needed.
  if (b.length === 1) return a.map((x) => x + (b[0] as string));
  if (a.length * b.length > MAX_EXACT) return null;
  return [...new Set(a.flatMap((x) => b.map((y) => x + y)))];
}

const BOUNDS = /\{(\d+)(,(\d*))?\}/uy;
const LOOKAROUND = /\?(<=|<!|=|!)/uy;
const PROPERTY = /\{[^}]*\}/uy;

/** Recursive descent over the `u`-mode pattern syntax the stance lexicons use. */
class PatternReader {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] as Info;
    let exact: string[] | null = [];
    for (const b of branches) exact = exact && b.exact ? [...new Set([...exact, ...b.exact])] : null;
    if (exact && exact.length > MAX_EXACT) exact = null;
    // Every match goes through one branch, so it contains one of that branch's factors.
    let factors: string[] | null = [];
    for (const b of branches) {
      const own = usable(b.exact) ?? b.factors;
      factors = factors && own ? [...new Set([...factors, ...own])] : null;
    }
    return { exact, factors };
  }

  private sequence(): Info {
    let run = [''];
    let best: string[] | null = null;
    let whole = true;
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') {
      const item = this.quantified();
      const joined = item.exact ? product(run, item.exact) : null;
      if (joined) {
        run = joined;
        continue;
      }
      // The run of exactly known pieces ends here: it is a factor of the sequence, and so are the item's.
      best = better(better(best, usable(run)), usable(item.exact) ?? item.factors);
      run = [''];
      whole = false;
    }
    return { exact: whole ? run : null, factors: better(best, usable(run)) };
  }

  private quantified(): Info {
    const atom = this.atom();
    const bounds = this.quantifier();
    if (!bounds) return atom;
    if (this.peek() === '?') this.at++; // lazy: matches the same strings
    const [min, max] = bounds;
    if (min === 0) return max === 1 && atom.exact ? { exact: [...new Set([...atom.exact, ''])], factors: null } : UNKNOWN;
    // At least one occurrence: its factors are the sequence's too.
    return { exact: min === 1 && max === 1 ? atom.exact : null, factors: usable(atom.exact) ?? atom.factors };
  }

  private quantifier(): [number, number] | null {
    const c = this.peek();
    if (c === '?' || c === '*' || c === '+') {
      this.at++;
      return c === '?' ? [0, 1] : c === '*' ? [0, Infinity] : [1, Infinity];
    }
    const m = this.sticky(BOUNDS);
    if (!m) return null;
    const min = Number(m[1]);
    return [min, m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity];
  }

  private atom(): Info {
    const c = this.next();
    if (c === '(') return this.group();
    if (c === '[') {
      this.skipClass();
      return UNKNOWN;
    }
    if (c === '.') return UNKNOWN;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '\\') return this.escape();
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') throw new Error(`unexpected ${c}`);
    return { exact: [c], factors: null };
  }

  private group(): Info {
    if (this.source.startsWith('?:', this.at)) {
      this.at += 2;
      return this.closeGroup(this.alternation());
    }
    const look = this.sticky(LOOKAROUND);
    if (look) {
      // A lookaround consumes nothing: as a piece of the match it is the empty string.
      this.closeGroup(this.alternation());
      return EMPTY;
    }
    if (this.peek() === '?') throw new Error('unsupported group');
    return this.closeGroup(this.alternation());
  }

  private closeGroup(info: Info): Info {
    if (this.next() !== ')') throw new Error('unclosed group');
    return info;
  }

  private escape(): Info {
    const c = this.next();
    if (c === 'p' || c === 'P') {
      const m = this.sticky(PROPERTY);
      if (!m) throw new Error('bad property escape');
      return UNKNOWN;
    }
    if (c === 'b' || c === 'B') return EMPTY;
    if (/[sSwWdD]/u.test(c)) return UNKNOWN;
    // Syntax characters escaped to stand for themselves; anything else (\n, \u…, back-references) is not read.
    if (/[\\^$.*+?()[\]{}|/-]/u.test(c)) return { exact: [c], factors: null };
    throw new Error(`unsupported escape \\${c}`);
  }

  private skipClass(): void {
    while (!this.done()) {
      const c = this.next();
      if (c === '\\') this.next();
      else if (c === ']') return;
    }
    throw new Error('unclosed class');
  }

  /** `re` matched where the reader stands (re has the `y` flag); the reader moves past the match. */
  private sticky(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.at;
    const m = re.exec(this.source);
    if (m) this.at += m[0].length;
    return m;
  }

  private peek(): string {
    return this.source.charAt(this.at);
  }

  /** One code point: a literal outside the BMP is one character of the pattern. */
  private next(): string {
    const c = String.fromCodePoint(this.source.codePointAt(this.at) ?? 0);
    if (this.done()) throw new Error('unexpected end');
    this.at += c.length;
    return c;
  }
}
