import { outletKey } from './analysis/outlet-key.js';
import type { BoundQuery } from './bound-query.js';
import { documentFields, matchesBound, type DocumentFields, type MatchableDocument } from './query-matcher.js';

/**
 * One key a document must carry for a rule to have a chance: an exact index term (`t`), a term
 * prefix (`p`), an entity QID (`e`), an outlet key (`o`) or a source id (`s`).
 */
type RuleKey = `${'t' | 'p' | 'e' | 'o' | 's'}:${string}`;

/**
 * A rule's requirement, in conjunctive form: a document can match only if, for every clause, it carries
 * at least one of the clause's keys. No clause (pure negations, `lang:`/`kind:` alone) means the rule is
 * always tested.
 */
type Clause = RuleKey[];

/** Clauses kept per rule: the most selective few are enough to rule out nearly every document. */
const MAX_CLAUSES = 8;

/** A rule that matched a document, with the matcher's reasons. */
export interface RuleHit<K> {
  id: K;
  reasons: string[];
}

interface Slot<K> {
  id: K;
  query: BoundQuery;
  clauses: Clause[];
}

/**
 * Alert rules indexed by what they require, so that an item is tested only against the rules it can
 * match: each rule sits under the keys of its most selective required clause, and a document that
 * reaches it and satisfies its other clauses too makes it a candidate. Rules
 * with no required positive key go in an always-tested list. The final word is always the matcher's
 * (`matchesBound`), so the index changes speed, never results.
 */
export class RuleIndex<K> {
  private readonly slotOf = new Map<K, number>();
  private readonly slots: (Slot<K> | null)[] = [];
  private readonly free: number[] = [];
  /** Key → the slots of the rules posted under it. */
  private readonly byKey = new Map<RuleKey, number[]>();
  private readonly always = new Set<number>();
  /** Lengths of the indexed prefixes: a token is looked up under its prefixes of these lengths only. */
  private readonly prefixLengths = new Map<number, number>();
  /** Per slot, whether the current document reached it already; reset after each document. */
  private seen = new Uint8Array(64);

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds or replaces a rule. */
  set(id: K, query: BoundQuery): void {
    this.delete(id);
    const clauses = requirement(query);
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = { id, query, clauses };
    this.slotOf.set(id, slot);
    if (slot >= this.seen.length) {
      const grown = new Uint8Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    if (clauses.length === 0) {
      this.always.add(slot);
      return;
    }
    for (const key of new Set(clauses.flat())) {
      if (key.startsWith('p:')) this.prefixLengths.set(key.length - 2, (this.prefixLengths.get(key.length - 2) ?? 0) + 1);
    }
    // Posted under its most selective clause only, so a common word's postings stay short; the other
    // clauses are checked against the document's keys before the matcher runs.
    for (const key of clauses[0] ?? []) {
      let postings = this.byKey.get(key);
      if (!postings) this.byKey.set(key, (postings = []));
      postings.push(slot);
    }
  }

  delete(id: K): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const rule = this.slots[slot];
    this.slotOf.delete(id);
    this.slots[slot] = null;
    this.free.push(slot);
    this.always.delete(slot);
    for (const key of rule?.clauses[0] ?? []) {
      const postings = this.byKey.get(key)?.filter((p) => p !== slot);
      if (postings?.length) this.byKey.set(key, postings);
      else this.byKey.delete(key);
    }
    for (const key of new Set(rule?.clauses.flat() ?? [])) {
      if (!key.startsWith('p:')) continue;
      const n = key.length - 2;
      const left = (this.prefixLengths.get(n) ?? 1) - 1;
      if (left === 0) this.prefixLengths.delete(n);
      else this.prefixLengths.set(n, left);
    }
  }

  clear(): void {
    this.slotOf.clear();
    this.slots.length = 0;
    this.free.length = 0;
    this.byKey.clear();
    this.always.clear();
    this.prefixLengths.clear();
    this.seen.fill(0);
  }

  /** The rules that could match the document: those whose every clause it satisfies, and the always-tested ones. */
  candidates(doc: MatchableDocument, fields: DocumentFields = documentFields(doc)): Set<K> {
    const out = new Set<K>();
    for (const slot of this.candidateSlots(doc, fields)) out.add(this.slots[slot]!.id);
    return out;
  }

  /** Every rule the document matches, with why. */
  match(doc: MatchableDocument): RuleHit<K>[] {
    const fields = documentFields(doc);
    const hits: RuleHit<K>[] = [];
    for (const slot of this.candidateSlots(doc, fields)) {
      const rule = this.slots[slot]!;
      const r = matchesBound(rule.query, doc, fields);
      if (r.matched) hits.push({ id: rule.id, reasons: r.reasons });
    }
    return hits;
  }

  private candidateSlots(doc: MatchableDocument, fields: DocumentFields): number[] {
    const keys = new Set<RuleKey>();
    for (const token of fields.title.concat(fields.body)) {
      if (keys.has(`t:${token}`)) continue;
      keys.add(`t:${token}`);
      for (const n of this.prefixLengths.keys()) if (token.length >= n) keys.add(`p:${token.slice(0, n)}`);
    }
    for (const e of doc.entities) keys.add(`e:${e.qid.toUpperCase()}`);
    keys.add(`o:${outletKey(doc.outlet)}`);
    keys.add(`s:${doc.sourceId}`);
    const out = [...this.always];
    for (const key of keys) {
      const postings = this.byKey.get(key);
      if (!postings) continue;
      for (const slot of postings) {
        // A rule posted under several keys of its first clause is reached once per key the document has.
        if (this.seen[slot] === 1) continue;
        this.seen[slot] = 1;
        const clauses = this.slots[slot]?.clauses ?? [];
        if (clauses.every((c, i) => i === 0 || c.some((k) => keys.has(k)))) out.push(slot);
      }
    }
    for (const slot of out) this.seen[slot] = 0;
    for (const key of keys) for (const slot of this.byKey.get(key) ?? []) this.seen[slot] = 0;
    return out;
  }
}

/**
 * What a query requires of every document it matches, as clauses that must all hold. AND joins its
 * children's clauses; OR needs one clause from each branch (their keys ORed); NOT requires nothing.
 */
function requirement(q: BoundQuery): Clause[] {
  const clauses = required(q)
    .map((c) => [...new Set(c)])
    .sort((a, b) => cost(a) - cost(b));
  return clauses.slice(0, MAX_CLAUSES);
}

function required(q: BoundQuery): Clause[] {
  switch (q.type) {
    case 'all':
    case 'not':
      return [];
    case 'text':
      // Every word of a phrase is required.
      return q.terms.filter((t) => t.term.length > 0).map((t) => [t.prefix ? `p:${t.term}` : `t:${t.term}`]);
    case 'field':
      switch (q.field) {
        case 'entity':
          return [q.values.map((v) => `e:${v.toUpperCase()}` as const)];
        case 'outlet':
          return [q.values.map((v) => `o:${v}` as const)];
        case 'source':
          return [q.values.map((v) => `s:${v}` as const)];
        // A language or a kind is shared by most items: not worth a key of its own.
        case 'lang':
        case 'kind':
          return [];
      }
      return [];
    case 'and':
      return q.children.flatMap(required);
    case 'or': {
      const keys: RuleKey[] = [];
      for (const c of q.children) {
        const best = required(c).sort((a, b) => cost(a) - cost(b))[0];
        if (!best) return [];
        keys.push(...best);
      }
      return [keys];
    }
  }
}

/** Rough selectivity: fewer keys are better, a longer term is rarer, and a short prefix matches many tokens. */
function cost(keys: Clause): number {
  return keys.reduce((sum, k) => sum + (k.startsWith('p:') ? 2 : 1) / Math.max(1, Math.min(k.length - 2, 12)), 0);
}
