import { outletKey } from './analysis/outlet-key.js';
import type { BoundQuery } from './bound-query.js';
import { documentFields, matchesBound, type DocumentFields, type MatchableDocument } from './query-matcher.js';

/**
 * One key a document must carry for a rule to have a chance: an exact index term (`t`), a term
 * prefix (`p`), an entity QID (`e`), an outlet key (`o`) or a source id (`s`).
 */
type RuleKey = `${'t' | 'p' | 'e' | 'o' | 's'}:${string}`;

/**
 * A rule's requirement: a document can match only if it carries at least one of these keys. `null`
 * means no positive requirement (pure negations, `lang:`/`kind:` alone): the rule is always tested.
 */
type Requirement = RuleKey[] | null;

/** A rule that matched a document, with the matcher's reasons. */
export interface RuleHit<K> {
  id: K;
  reasons: string[];
}

/**
 * Alert rules indexed by what they require, so that an item is tested only against the rules it can
 * match: a rule whose query requires a term or an entity sits under that key; a rule with no required
 * positive key goes in an always-tested list. The final word is always the matcher's (`matchesBound`),
 * so the index changes speed, never results.
 */
export class RuleIndex<K> {
  private readonly rules = new Map<K, { query: BoundQuery; keys: Requirement }>();
  private readonly byKey = new Map<RuleKey, Set<K>>();
  private readonly always = new Set<K>();
  /** Lengths of the indexed prefixes: a token is looked up under its prefixes of these lengths only. */
  private readonly prefixLengths = new Map<number, number>();

  get size(): number {
    return this.rules.size;
  }

  /** Adds or replaces a rule. */
  set(id: K, query: BoundQuery): void {
    this.delete(id);
    const keys = requirement(query);
    this.rules.set(id, { query, keys });
    if (!keys) {
      this.always.add(id);
      return;
    }
    for (const key of keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(id);
      if (key.startsWith('p:')) {
        const n = key.length - 2;
        this.prefixLengths.set(n, (this.prefixLengths.get(n) ?? 0) + 1);
      }
    }
  }

  delete(id: K): void {
    const rule = this.rules.get(id);
    if (!rule) return;
    this.rules.delete(id);
    this.always.delete(id);
    for (const key of rule.keys ?? []) {
      const set = this.byKey.get(key);
      set?.delete(id);
      if (set?.size === 0) this.byKey.delete(key);
      if (key.startsWith('p:')) {
        const n = key.length - 2;
        const left = (this.prefixLengths.get(n) ?? 1) - 1;
        if (left === 0) this.prefixLengths.delete(n);
        else this.prefixLengths.set(n, left);
      }
    }
  }

  clear(): void {
    this.rules.clear();
    this.byKey.clear();
    this.always.clear();
    this.prefixLengths.clear();
  }

  /** The rules that could match the document: those under one of its keys, and the always-tested ones. */
  candidates(doc: MatchableDocument, fields: DocumentFields = documentFields(doc)): Set<K> {
    const out = new Set<K>(this.always);
    const add = (key: RuleKey) => {
      const set = this.byKey.get(key);
      if (set) for (const id of set) out.add(id);
    };
    const tokens = new Set([...fields.title, ...fields.body]);
    for (const token of tokens) {
      add(`t:${token}`);
      for (const n of this.prefixLengths.keys()) if (token.length >= n) add(`p:${token.slice(0, n)}`);
    }
    for (const e of doc.entities) add(`e:${e.qid.toUpperCase()}`);
    add(`o:${outletKey(doc.outlet)}`);
    add(`s:${doc.sourceId}`);
    return out;
  }

  /** Every rule the document matches, with why. */
  match(doc: MatchableDocument): RuleHit<K>[] {
    const fields = documentFields(doc);
    const hits: RuleHit<K>[] = [];
    for (const id of this.candidates(doc, fields)) {
      const rule = this.rules.get(id);
      if (!rule) continue;
      const r = matchesBound(rule.query, doc, fields);
      if (r.matched) hits.push({ id, reasons: r.reasons });
    }
    return hits;
  }
}

/**
 * What a query requires of every document it matches. For AND any one child's requirement holds, so
 * the most selective is taken; for OR every branch must contribute one; NOT requires nothing.
 */
function requirement(q: BoundQuery): Requirement {
  switch (q.type) {
    case 'all':
    case 'not':
      return null;
    case 'text': {
      // Every word of a phrase is required: an exact, long one is the rarest.
      const exact = q.terms.filter((t) => !t.prefix).sort((a, b) => b.term.length - a.term.length)[0];
      if (exact) return [`t:${exact.term}`];
      const prefix = [...q.terms].sort((a, b) => b.term.length - a.term.length)[0];
      return prefix && prefix.term.length > 0 ? [`p:${prefix.term}`] : null;
    }
    case 'field':
      switch (q.field) {
        case 'entity':
          return q.values.map((v) => `e:${v.toUpperCase()}` as const);
        case 'outlet':
          return q.values.map((v) => `o:${v}` as const);
        case 'source':
          return q.values.map((v) => `s:${v}` as const);
        // A language or a kind is shared by most items: not worth a key of its own.
        case 'lang':
        case 'kind':
          return null;
      }
      return null;
    case 'and': {
      let best: Requirement = null;
      for (const c of q.children) {
        const r = requirement(c);
        if (r && (!best || cost(r) < cost(best))) best = r;
      }
      return best;
    }
    case 'or': {
      const keys: RuleKey[] = [];
      for (const c of q.children) {
        const r = requirement(c);
        if (!r) return null;
        keys.push(...r);
      }
      return [...new Set(keys)];
    }
  }
}

/** Rough selectivity: fewer keys are better, and a short prefix matches many tokens. */
function cost(keys: RuleKey[]): number {
  return keys.reduce((sum, k) => sum + (k.startsWith('p:') ? 1 + 4 / Math.max(1, k.length - 2) : 1), 0);
}
