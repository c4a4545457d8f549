import { outletKey } from './analysis/outlet-key.js';
import type { BoundQuery } from './bound-query.js';
import { documentFields, matchesBound, type DocumentFields, type MatchableDocument } from './query-matcher.js';

/**
 * The kinds of key a document carries and a rule can require: an exact index term (`t`), a term
 * prefix (`p`), an entity QID (`e`), an outlet key (`o`), a source id (`s`), a language (`l`) or a
 * source kind (`k`).
 */
export type RuleKeyKind = 't' | 'p' | 'e' | 'o' | 's' | 'l' | 'k';

/** A rule that matched a document, with the matcher's reasons. */
export interface RuleHit<K> {
  id: K;
  reasons: string[];
}

/**
 * What is known of how often one key occurs: a document frequency over the documents the index has
 * seen, and whether the current document carries it. One object per distinct value, found by a map
 * lookup on the value itself, so a document is read without building a string per token.
 */
interface KeyStat {
  /** Documents that carried the key, halved with the document count when the table decays. */
  df: number;
  /** The documents seen before counting began: prefixes are counted only once some rule asks for them. */
  born: number;
  /** The epoch of the last document that carried the key: dedups a document's repeats, marks presence. */
  last: number;
  /** Set while a rule requires this key. */
  key: RuleKey | null;
}

/** A key some rule requires, with the rules filed under it. */
interface RuleKey {
  id: number;
  kind: RuleKeyKind;
  value: string;
  stat: KeyStat;
  /** Clauses of live rules that name it: the key is dropped at zero. */
  refs: number;
  /** Rules filed under this key alone. */
  single: number[];
  /** Rules filed under this key and a second one (its id): reached only when the document has both. */
  pairs: Map<number, number[]> | null;
}

/** One node of the prefix trie, by UTF-16 code unit (`startsWith` compares code units too). */
interface PrefixNode {
  children: Map<number, PrefixNode> | null;
  stat: KeyStat | null;
}

/**
 * A rule's requirement, in conjunctive form: a document can match only if, for every clause, it
 * carries at least one of the clause's keys. No clause (pure negations) means the rule is always tested.
 */
type Clause = RuleKey[];

/** Where a rule is filed: under the keys of one clause, or of a pair of clauses. */
interface Filing {
  first: Clause;
  second: Clause | null;
}

interface Slot<K> {
  id: K;
  query: BoundQuery;
  /** Every clause of the requirement, rarest first as of the last filing; their keys are interned. */
  all: Clause[];
  /** The rarest few, checked against a document that reaches the rule. */
  clauses: Clause[];
  /** An OR picks one clause per branch by rarity: such a requirement is recomputed when re-filed. */
  hasOr: boolean;
  filing: Filing | null;
}

/** Clauses kept per rule: the rarest few are enough to rule out nearly every document. */
const MAX_CLAUSES = 8;
/**
 * A rule whose rarest clause is still in more than this share of documents is filed under a pair
 * of clauses, so a common word does not reach it in nearly every item.
 */
const PAIR_RATE = 0.02;
/** Pair filing posts a rule under every (first key, second key) combination: bounded. */
const MAX_PAIR_FANOUT = 8;
/** Documents seen between two re-filings once the estimates have settled (earlier: at 64, 256, 1,024, …). */
const REFILE_EVERY = 16_384;
/** Document frequencies halve every this many documents, so the table follows the news of the day. */
const DECAY_EVERY = 50_000;
/** At most this many distinct terms are counted; beyond, the table decays early and drops rare terms. */
const MAX_TERMS = 300_000;
/** Pseudo-documents of the prior: how much a key's length-based guess weighs against observed counts. */
const PRIOR_WEIGHT = 16;

export interface RuleIndexOptions {
  /**
   * Document frequencies known elsewhere (the search index, a store of recent items), as a share of
   * documents in [0, 1], used until the index has seen documents of its own. Without it, a key's
   * share is guessed from its kind and length.
   */
  documentShare?: (kind: RuleKeyKind, value: string) => number | undefined;
}

/**
 * Alert rules indexed by what they require, so that an item is tested only against the rules it can
 * match. Each rule is filed under its rarest required clause, judged by the document frequencies of
 * the items the index has matched (an online table, decayed and bounded); a rule whose rarest clause
 * is still common is filed under a pair of clauses, reached only by documents carrying both. A
 * document that reaches a rule and satisfies its other clauses too makes it a candidate; rules with
 * no required key are always tested. Rules are re-filed as the frequencies settle, on a doubling
 * schedule. The final word is always the matcher's (`matchesBound`), so the index changes speed,
 * never results.
 */
export class RuleIndex<K> {
  private readonly slotOf = new Map<K, number>();
  private readonly slots: (Slot<K> | null)[] = [];
  private readonly free: number[] = [];
  private readonly always = new Set<number>();
  private readonly keys: (RuleKey | null)[] = [];
  private readonly freeKeys: number[] = [];

  /** Per kind of exact key, value → statistics: the document-frequency table and the key lookup in one. */
  private readonly stats: Record<Exclude<RuleKeyKind, 'p'>, Map<string, KeyStat>> = {
    t: new Map(),
    e: new Map(),
    o: new Map(),
    s: new Map(),
    l: new Map(),
    k: new Map(),
  };
  private readonly prefixes: PrefixNode = { children: null, stat: null };
  private prefixCount = 0;
  /** Outlet names seen → their keys: `outletKey` folds every word, too slow to run per item. */
  private readonly outletKeys = new Map<string, string>();

  /** Documents counted into the frequencies (halved on decay). */
  private docs = 0;
  /** Documents observed since the table began, for the re-filing and decay schedules. */
  private observed = 0;
  private nextRefile = 64;
  private nextDecay = DECAY_EVERY;

  /** Stamp of the current document; `KeyStat.last` and `seen` compare against it instead of being reset. */
  private epoch = 0;
  private seen = new Float64Array(64);
  /** The current document's required keys and candidates, reused from item to item. */
  private readonly present: RuleKey[] = [];
  private readonly found: number[] = [];

  constructor(private readonly options: RuleIndexOptions = {}) {}

  get size(): number {
    return this.slotOf.size;
  }

  /** Documents the frequency table has counted (an effective count: it halves on decay). */
  get documentCount(): number {
    return this.docs;
  }

  /** Adds or replaces a rule. */
  set(id: K, query: BoundQuery): void {
    this.delete(id);
    const slot = this.free.pop() ?? this.slots.length;
    const all = this.requirement(query);
    const rule: Slot<K> = { id, query, all, clauses: all.slice(0, MAX_CLAUSES), hasOr: containsOr(query), filing: null };
    this.slots[slot] = rule;
    this.slotOf.set(id, slot);
    if (slot >= this.seen.length) {
      const grown = new Float64Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    this.file(slot, rule);
  }

  delete(id: K): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const rule = this.slots[slot];
    this.slotOf.delete(id);
    this.slots[slot] = null;
    this.free.push(slot);
    if (!rule) return;
    this.unfile(slot, rule);
    this.release(rule.all);
  }

  /** Forgets every rule; the document frequencies learnt so far are kept for the rules that follow. */
  clear(): void {
    for (const [id] of this.slotOf) this.delete(id);
    this.slots.length = 0;
    this.free.length = 0;
  }

  /**
   * Counts a document into the frequency table without matching it: for seeding the table with recent
   * items before the first new one arrives.
   */
  observe(doc: MatchableDocument, fields: DocumentFields = documentFields(doc)): void {
    this.scan(doc, fields, true);
    this.afterObserve();
  }

  /** The rules that could match the document: those whose every clause it satisfies, and the always-tested ones. */
  candidates(doc: MatchableDocument, fields: DocumentFields = documentFields(doc)): Set<K> {
    const out = new Set<K>();
    for (const slot of this.candidateSlots(doc, fields, false)) out.add(this.slots[slot]!.id);
    return out;
  }

  /** Every rule the document matches, with why. The document is counted into the frequency table. */
  match(doc: MatchableDocument, fields: DocumentFields = documentFields(doc)): RuleHit<K>[] {
    const hits: RuleHit<K>[] = [];
    for (const slot of this.candidateSlots(doc, fields, true)) {
      const rule = this.slots[slot]!;
      const r = matchesBound(rule.query, doc, fields);
      if (r.matched) hits.push({ id: rule.id, reasons: r.reasons });
    }
    this.afterObserve();
    return hits;
  }

  /** The share of documents estimated to carry a key: observed counts, smoothed by a prior while they are few. */
  share(kind: RuleKeyKind, value: string): number {
    const stat = kind === 'p' ? this.prefixStat(value, false) : this.stats[kind].get(value);
    return this.rate(kind, value, stat);
  }

  private rate(kind: RuleKeyKind, value: string, stat: KeyStat | null | undefined): number {
    const seen = stat ? this.docs - stat.born : this.docs;
    const prior = this.options.documentShare?.(kind, value) ?? guessShare(kind, value);
    return ((stat?.df ?? 0) + prior * PRIOR_WEIGHT) / (Math.max(0, seen) + PRIOR_WEIGHT);
  }

  private clauseRate(clause: Clause): number {
    let sum = 0;
    for (const k of clause) sum += this.rate(k.kind, k.value, k.stat);
    return sum;
  }

  /**
   * Marks the document's keys (and, when `count`, adds them to the frequencies) and returns the
   * candidate slots: the buffer is reused, read it before the next call.
   */
  private candidateSlots(doc: MatchableDocument, fields: DocumentFields, count: boolean): number[] {
    const epoch = this.scan(doc, fields, count);
    const found = this.found;
    found.length = 0;
    for (const slot of this.always) {
      this.seen[slot] = epoch;
      found.push(slot);
    }
    const present = this.present;
    for (const key of present) {
      for (const slot of key.single) this.consider(slot, epoch);
      const pairs = key.pairs;
      if (!pairs) continue;
      // Whichever is shorter: the key's partners, or the keys the document carries.
      if (pairs.size <= present.length) {
        for (const [partner, slots] of pairs) {
          if (this.keys[partner]?.stat.last !== epoch) continue;
          for (const slot of slots) this.consider(slot, epoch);
        }
      } else {
        for (const other of present) {
          const slots = pairs.get(other.id);
          if (slots) for (const slot of slots) this.consider(slot, epoch);
        }
      }
    }
    return found;
  }

  private consider(slot: number, epoch: number): void {
    // A rule filed under several keys is reached once per key the document has.
    if (this.seen[slot] === epoch) return;
    this.seen[slot] = epoch;
    const clauses = this.slots[slot]!.clauses;
    for (const clause of clauses) {
      let ok = false;
      for (const k of clause) {
        if (k.stat.last === epoch) {
          ok = true;
          break;
        }
      }
      if (!ok) return;
    }
    this.found.push(slot);
  }

  /** Stamps every key the document carries with a new epoch, collecting the required ones in `present`. */
  private scan(doc: MatchableDocument, fields: DocumentFields, count: boolean): number {
    const epoch = ++this.epoch;
    this.present.length = 0;
    this.scanTerms(fields.title, epoch, count);
    this.scanTerms(fields.body, epoch, count);
    for (const e of doc.entities) this.touch(this.stats.e, e.qid.toUpperCase(), epoch, count);
    let outlet = this.outletKeys.get(doc.outlet);
    if (outlet === undefined) {
      if (this.outletKeys.size >= 10_000) this.outletKeys.clear();
      outlet = outletKey(doc.outlet);
      this.outletKeys.set(doc.outlet, outlet);
    }
    this.touch(this.stats.o, outlet, epoch, count);
    this.touch(this.stats.s, String(doc.sourceId), epoch, count);
    this.touch(this.stats.l, primaryLanguage(doc.language), epoch, count);
    this.touch(this.stats.k, doc.kind, epoch, count);
    if (count) this.docs++;
    return epoch;
  }

  private scanTerms(tokens: readonly string[], epoch: number, count: boolean): void {
    const terms = this.stats.t;
    const walk = this.prefixCount > 0;
    for (const token of tokens) {
      let stat = terms.get(token);
      if (!stat) {
        if (count) terms.set(token, (stat = { df: 0, born: 0, last: 0, key: null }));
        else if (walk) {
          this.walkPrefixes(token, epoch, count);
          continue;
        } else continue;
      }
      if (stat.last === epoch) continue;
      stat.last = epoch;
      if (count) stat.df++;
      if (stat.key) this.present.push(stat.key);
      if (walk) this.walkPrefixes(token, epoch, count);
    }
  }

  private walkPrefixes(token: string, epoch: number, count: boolean): void {
    let node: PrefixNode | undefined = this.prefixes;
    for (let i = 0; i < token.length; i++) {
      node = node.children?.get(token.charCodeAt(i));
      if (!node) return;
      const stat = node.stat;
      if (!stat || stat.last === epoch) continue;
      stat.last = epoch;
      if (count) stat.df++;
      if (stat.key) this.present.push(stat.key);
    }
  }

  private touch(map: Map<string, KeyStat>, value: string, epoch: number, count: boolean): void {
    let stat = map.get(value);
    if (!stat) {
      if (!count) return;
      map.set(value, (stat = { df: 0, born: 0, last: 0, key: null }));
    }
    if (stat.last === epoch) return;
    stat.last = epoch;
    if (count) stat.df++;
    if (stat.key) this.present.push(stat.key);
  }

  /** Keeps the table bounded and recent, and re-files rules as the frequencies settle; amortised per document. */
  private afterObserve(): void {
    this.observed++;
    if (this.observed >= this.nextDecay || this.stats.t.size > MAX_TERMS) {
      this.decay();
      this.nextDecay = this.observed + DECAY_EVERY;
    }
    if (this.observed >= this.nextRefile) {
      this.refile();
      this.nextRefile = this.observed + Math.min(3 * this.observed, REFILE_EVERY);
    }
  }

  /** Halves every count; terms no rule needs that fall under one document are dropped, until the table fits. */
  private decay(): void {
    do {
      this.docs /= 2;
      for (const map of Object.values(this.stats)) {
        for (const [value, stat] of map) {
          stat.df /= 2;
          stat.born /= 2;
          if (stat.df < 1 && !stat.key) map.delete(value);
        }
      }
      const halve = (node: PrefixNode): void => {
        if (node.stat) {
          node.stat.df /= 2;
          node.stat.born /= 2;
        }
        for (const child of node.children?.values() ?? []) halve(child);
      };
      halve(this.prefixes);
    } while (this.stats.t.size > MAX_TERMS * 0.75);
  }

  /**
   * Re-sorts every rule's clauses by the current frequencies (recomputing the requirement of rules with
   * an OR, whose branches were chosen by rarity) and moves only the rules whose filing changed.
   */
  private refile(): void {
    for (let slot = 0; slot < this.slots.length; slot++) {
      const rule = this.slots[slot];
      if (!rule) continue;
      let all: Clause[];
      if (rule.hasOr) {
        all = this.requirement(rule.query);
        this.release(rule.all);
      } else {
        all = this.byRate(rule.all);
      }
      rule.all = all;
      rule.clauses = all.slice(0, MAX_CLAUSES);
      const filing = this.chooseFiling(rule.clauses);
      // Same keys: the postings stay, the filing is pointed at the current clause objects.
      if (sameFiling(filing, rule.filing)) {
        rule.filing = filing;
        continue;
      }
      // A key released above still unfiles this rule: no other rule is posted under a key no clause names.
      this.unfile(slot, rule);
      this.post(slot, rule, filing);
    }
  }

  private byRate(clauses: Clause[]): Clause[] {
    return clauses
      .map((keys) => ({ keys, rate: this.clauseRate(keys) }))
      .sort((a, b) => a.rate - b.rate)
      .map((c) => c.keys);
  }

  private file(slot: number, rule: Slot<K>): void {
    this.post(slot, rule, this.chooseFiling(rule.clauses));
  }

  /** The rarest clause; with the next rarest too when the rarest is still common and the pair stays small. */
  private chooseFiling(clauses: Clause[]): Filing | null {
    const first = clauses[0];
    if (!first) return null;
    const second = clauses[1];
    if (second && first.length * second.length <= MAX_PAIR_FANOUT && this.clauseRate(first) > PAIR_RATE) return { first, second };
    return { first, second: null };
  }

  private post(slot: number, rule: Slot<K>, filing: Filing | null): void {
    rule.filing = filing;
    if (!filing) {
      this.always.add(slot);
      return;
    }
    for (const a of filing.first) {
      if (!filing.second) {
        a.single.push(slot);
        continue;
      }
      a.pairs ??= new Map();
      for (const b of filing.second) {
        let slots = a.pairs.get(b.id);
        if (!slots) a.pairs.set(b.id, (slots = []));
        if (!slots.includes(slot)) slots.push(slot);
      }
    }
  }

  private unfile(slot: number, rule: Slot<K>): void {
    const filing = rule.filing;
    rule.filing = null;
    if (!filing) {
      this.always.delete(slot);
      return;
    }
    for (const a of filing.first) {
      if (!filing.second) {
        removeFrom(a.single, slot);
        continue;
      }
      for (const b of filing.second) {
        const slots = a.pairs?.get(b.id);
        if (!slots) continue;
        removeFrom(slots, slot);
        if (slots.length === 0) a.pairs?.delete(b.id);
      }
      if (a.pairs?.size === 0) a.pairs = null;
    }
  }

  /**
   * What a query requires of every document it matches, as clauses that must all hold, rarest first.
   * AND joins its children's clauses; OR needs one clause from each branch (their keys ORed); NOT
   * requires nothing. Every key named is interned (its reference counted).
   */
  private requirement(q: BoundQuery): Clause[] {
    const scored = this.required(q).map((c) => {
      const distinct = new Map(c.map(([kind, value]) => [`${kind}:${value}`, [kind, value] as const]));
      return { keys: [...distinct.values()].map(([kind, value]) => this.intern(kind, value)), rate: 0 };
    });
    for (const c of scored) c.rate = this.clauseRate(c.keys);
    return scored.sort((a, b) => a.rate - b.rate).map((c) => c.keys);
  }

  private required(q: BoundQuery): [RuleKeyKind, string][][] {
    switch (q.type) {
      case 'all':
      case 'not':
        return [];
      case 'text':
        // Every word of a phrase is required.
        return q.terms.filter((t) => t.term.length > 0).map((t) => [[t.prefix ? 'p' : 't', t.term]]);
      case 'field':
        switch (q.field) {
          case 'entity':
            return [q.values.map((v) => ['e', v.toUpperCase()])];
          case 'outlet':
            return [q.values.map((v) => ['o', v])];
          case 'source':
            return [q.values.map((v) => ['s', v])];
          case 'lang':
            return [q.values.map((v) => ['l', v])];
          case 'kind':
            return [q.values.map((v) => ['k', v])];
        }
        return [];
      case 'and':
        return q.children.flatMap((c) => this.required(c));
      case 'or': {
        const keys: [RuleKeyKind, string][] = [];
        for (const c of q.children) {
          let best: [RuleKeyKind, string][] | undefined;
          let bestRate = Infinity;
          for (const clause of this.required(c)) {
            let r = 0;
            for (const [kind, value] of clause) r += this.share(kind, value);
            if (r < bestRate) [best, bestRate] = [clause, r];
          }
          if (!best) return [];
          keys.push(...best);
        }
        return [keys];
      }
    }
  }

  private intern(kind: RuleKeyKind, value: string): RuleKey {
    const stat = kind === 'p' ? this.prefixStat(value, true)! : this.statOf(kind, value);
    if (!stat.key) {
      const id = this.freeKeys.pop() ?? this.keys.length;
      stat.key = { id, kind, value, stat, refs: 0, single: [], pairs: null };
      this.keys[id] = stat.key;
      if (kind === 'p') this.prefixCount++;
    }
    stat.key.refs++;
    return stat.key;
  }

  private release(clauses: Clause[]): void {
    for (const clause of clauses) {
      for (const key of clause) {
        if (--key.refs > 0) continue;
        key.stat.key = null;
        this.keys[key.id] = null;
        this.freeKeys.push(key.id);
        if (key.kind === 'p') {
          this.prefixCount--;
          this.dropPrefix(key.value);
        }
      }
    }
  }

  private statOf(kind: Exclude<RuleKeyKind, 'p'>, value: string): KeyStat {
    const map = this.stats[kind];
    let stat = map.get(value);
    if (!stat) map.set(value, (stat = { df: 0, born: 0, last: 0, key: null }));
    return stat;
  }

  /** A prefix's statistics, counted from when a rule first asked for it (`born`). */
  private prefixStat(prefix: string, create: boolean): KeyStat | null {
    let node = this.prefixes;
    for (let i = 0; i < prefix.length; i++) {
      const code = prefix.charCodeAt(i);
      let next = node.children?.get(code);
      if (!next) {
        if (!create) return null;
        next = { children: null, stat: null };
        (node.children ??= new Map()).set(code, next);
      }
      node = next;
    }
    if (!node.stat && create) node.stat = { df: 0, born: this.docs, last: 0, key: null };
    return node.stat;
  }

  /** Removes a prefix no rule asks for any more, and the trie branch that led only to it. */
  private dropPrefix(prefix: string): void {
    const path: PrefixNode[] = [this.prefixes];
    for (let i = 0; i < prefix.length; i++) {
      const next = path[path.length - 1]?.children?.get(prefix.charCodeAt(i));
      if (!next) return;
      path.push(next);
    }
    const end = path[path.length - 1];
    if (end) end.stat = null;
    for (let i = prefix.length; i > 0; i--) {
      const node = path[i];
      const parent = path[i - 1];
      if (!node || !parent || node.stat || node.children?.size) return;
      parent.children?.delete(prefix.charCodeAt(i - 1));
    }
  }
}

/** Before any document is seen: a short term or prefix is likely common, an entity or outlet rarer. */
function guessShare(kind: RuleKeyKind, value: string): number {
  const length = Math.max(1, Math.min(value.length, 12));
  switch (kind) {
    case 't':
      return 0.2 / length;
    case 'p':
      return 0.4 / length;
    case 'e':
    case 'o':
    case 's':
      return 0.05;
    case 'l':
      return 0.3;
    case 'k':
      return 0.5;
  }
}

/** The language the matcher compares: the primary subtag, lower case (`zh-Hant` → `zh`). */
function primaryLanguage(tag: string): string {
  let end = tag.length;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (c === 0x2d || c === 0x5f) {
      end = i;
      break;
    }
  }
  return tag.slice(0, end).toLowerCase();
}

function sameFiling(a: Filing | null, b: Filing | null): boolean {
  if (!a || !b) return a === b;
  return sameKeys(a.first, b.first) && (a.second === null ? b.second === null : b.second !== null && sameKeys(a.second, b.second));
}

function sameKeys(a: Clause, b: Clause): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function removeFrom(list: number[], slot: number): void {
  const i = list.indexOf(slot);
  if (i < 0) return;
  list[i] = list[list.length - 1]!;
  list.pop();
}

function containsOr(q: BoundQuery): boolean {
  switch (q.type) {
    case 'or':
      return true;
    case 'and':
      return q.children.some(containsOr);
    case 'not':
      return containsOr(q.child);
    default:
      return false;
  }
}
