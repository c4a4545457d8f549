import { SpanCache, type EntityRef } from '@parallax/domain';
import type { CustomEntity, GazetteerEntity } from './entity.js';
import { builtInEntities, fromCustomEntity } from './gazetteer.js';
import {
  CJK_ABBREVIATIONS, CJK_INSTITUTION_SUFFIXES, CONTEXT_EXCLUSIONS, FALSE_FRIENDS, GEOGRAPHIC_FEATURES, GIVEN_NAME_COUNTRIES, HEADLINE_TITLE_WORDS,
  KOREAN_ABBREVIATIONS, KOREAN_PARTICLES, NAMED_THING_NOUNS, STYLE_NOUNS,
} from './gazetteer.data.js';
import { declineName, expandWord } from './inflection.js';
import { ARABIC_PREFIXES, type CaseRule, caseRuleIn, foldWord, isCjk, isLowerCaseAlias, satisfiesCase } from './text-normaliser.js';
import { WORD_PATTERN, forEachWord } from './word-scanner.js';

/** What a trie leaf points at: an entity (by index) or a false friend (-1), with the case each word needs. */
interface AliasEntry {
  entity: number;
  cases: CaseRule[];
  /** Languages a false friend applies to; null = all. */
  langs: Set<string> | null;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: AliasEntry[];
}

interface Token {
  text: string;
  /** The lookup keys the word may match under (see {@link lookupKeys}), and the word trie's nodes they reach from its root. */
  keys: string[];
  starts: TrieNode[];
  /** All Hangul: a Korean word, which may be a compound of country abbreviations (see koreanCompounds). */
  hangul: boolean;
  start: number;
  end: number;
}

interface Match {
  entity: number;
  start: number;
  end: number;
  /** Token indices (word scripts) or -1 (CJK). */
  firstToken: number;
  lastToken: number;
}

const WORD = WORD_PATTERN;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]+/gu;
const HANGUL = /^\p{Script=Hangul}+$/u;
const ARABIC = /^\p{Script=Arabic}/u;
const QUOTES = /[«»"“”„‘’'‹›「」『』]/u;

const newNode = (): TrieNode => ({ next: new Map(), entries: [] });

/**
 * Word frequencies are Zipfian, so most words were seen before: a cache of what each word reaches saves
 * most of the folding (NFKC, case, diacritics) and the lookups in the trie's root, where most words (the,
 * of, said) reach nothing. Bounded: emptied when full. The arrays are shared between tokens and never
 * changed.
 */
const WORD_CACHE_SIZE = 50_000;

/**
 * Korean attaches particles to nouns (러시아는, 중국과) and Arabic prefixes clitics (والصين, للأمم):
 * such a word may also match by its stem.
 */
function lookupKeys(folded: string): string[] {
  if (HANGUL.test(folded)) {
    const keys = [folded];
    for (let n = folded.length - 1; n >= 2; n--) keys.push(folded.slice(0, n));
    return keys;
  }
  if (ARABIC.test(folded)) {
    const keys = [folded];
    for (const p of ARABIC_PREFIXES) {
      if (folded.startsWith(p) && folded.length - p.length >= 3) {
        const rest = folded.slice(p.length);
        keys.push(rest);
        if (p.endsWith('لل')) keys.push(`ال${rest}`);
      }
    }
    return keys;
  }
  return [folded];
}

/**
 * The surface forms of each word of an alias, in order: inflection expanded, each form split into tokens
 * ("U.S." → U, S).
 */
function aliasWordForms(alias: string, lang: string, declineIcuNames: boolean): string[][][] {
  const words = alias.normalize('NFKC').trim().split(/\s+/u);
  return words
    .map((word) => {
      const variants = /[{~]/u.test(word) ? expandWord(word, lang) : declineIcuNames ? declineName(word, lang) : [word];
      return [...new Set(variants)].map((v) => v.match(WORD) ?? []).filter((t) => t.length > 0);
    })
    .filter((forms) => forms.length > 0);
}

export interface EntityTaggerOptions {
  /** Users' own entities; one whose id equals a built-in QID adds aliases to it. */
  customEntities?: CustomEntity[];
  /**
   * Story concepts (libs/enrich stories: `~olympics`), matched beside the entities so that one pass over
   * an item finds both ({@link EntityTagger.tagWithHeadline}); never reported, listed or resolved as
   * entities. Their aliases apply in text of any language.
   */
  concepts?: CustomEntity[];
}

/** Where an entity comes from: the shipped gazetteer (a user's aliases of it included), a user, or the story concepts. */
type Origin = 'built-in' | 'custom' | 'concept';

/** What a headline names, for story clustering: a story concept (its id) or a built-in entity (its QID). */
export interface HeadlineMention {
  id: string;
  concept: boolean;
}

/**
 * Finds gazetteer entities in text in any language. Word scripts match whole words through a token trie
 * (inflected forms pre-expanded); Chinese and Japanese match through a character trie, checked against
 * Intl.Segmenter word boundaries so that 美方 inside 完美方案 does not count.
 */
export class EntityTagger {
  private readonly entities: GazetteerEntity[] = [];
  private readonly origins: Origin[] = [];
  private readonly byQid = new Map<string, number>();
  private readonly wordTrie = newNode();
  private readonly cjkTrie = newNode();
  /** Folded alias text → entity indices, for resolving a name typed in a query. */
  private readonly nameIndex = new Map<string, Set<number>>();
  private readonly exclusions: Array<{ entity: number; langs: Set<string> | null; cues: string[][]; window: number }> = [];
  private readonly namedThingNouns = NAMED_THING_NOUNS.map((n) => foldWord(n));
  private readonly styleNouns = STYLE_NOUNS.words.map((n) => foldWord(n));
  private readonly featuresBefore = GEOGRAPHIC_FEATURES.before.map((n) => foldWord(n));
  private readonly featuresAfter = GEOGRAPHIC_FEATURES.after.map((n) => foldWord(n));
  private readonly titleWords = new Set(HEADLINE_TITLE_WORDS);
  private givenNameCountries = new Set<number>();
  /** A word's lookup keys and the nodes they reach from the word trie's root (see WORD_CACHE_SIZE). */
  private readonly words = new SpanCache<{ word: string; keys: string[]; starts: TrieNode[]; hangul: boolean }>(WORD_CACHE_SIZE);

  constructor(options: EntityTaggerOptions = {}) {
    for (const e of builtInEntities()) this.addEntity(e, 'built-in');
    for (const custom of options.customEntities ?? []) this.addEntity(fromCustomEntity(custom), 'custom');
    for (const concept of options.concepts ?? []) this.addEntity(fromCustomEntity(concept), 'concept');
    for (const ff of FALSE_FRIENDS) {
      const langs = ff.langs ? new Set(ff.langs) : null;
      for (const phrase of ff.phrases) for (const lang of ff.langs ?? ['*']) this.addAlias(-1, phrase.toLowerCase(), lang, false, langs, false);
    }
    for (const qid of GIVEN_NAME_COUNTRIES) {
      const entity = this.byQid.get(qid);
      if (entity !== undefined) this.givenNameCountries.add(entity);
    }
    for (const ex of CONTEXT_EXCLUSIONS) {
      const entity = this.byQid.get(ex.qid);
      if (entity === undefined) continue;
      const cues = ex.cues.map((c) => (c.match(WORD) ?? []).map(foldWord));
      this.exclusions.push({ entity, langs: ex.langs ? new Set(ex.langs) : null, cues, window: ex.window });
    }
  }

  /** The gazetteer as loaded, custom entities included (story concepts are no entities). */
  list(): GazetteerEntity[] {
    return this.entities.filter((_, i) => this.origins[i] !== 'concept');
  }

  /** QIDs whose name or alias (any language, any inflected form) equals `name`; a QID resolves to itself. */
  resolve(nameOrQid: string): string[] {
    const trimmed = nameOrQid.trim();
    const direct = this.byQid.get(trimmed) ?? this.byQid.get(trimmed.toUpperCase());
    if (direct !== undefined && this.origins[direct] !== 'concept') return [this.entityAt(direct).qid];
    const key = isCjk(trimmed) ? trimmed.normalize('NFKC') : (trimmed.match(WORD) ?? []).map(foldWord).join(' ');
    return [...(this.nameIndex.get(key) ?? [])].map((i) => this.entityAt(i).qid);
  }

  /** Entities named in `text`, in order of first mention. `lang` (ISO 639-1) selects false friends. */
  tag(text: string, lang?: string): EntityRef[] {
    return this.tagWithHeadline([text], lang, 0).entities;
  }

  /**
   * {@link tag} of `parts` joined by line breaks, and from the same matches what the first
   * `headlineParts` parts (an item's headline and standfirst) name for story clustering: the concepts
   * and the built-in entities (a user's own entities are left out), each once in order of first
   * mention, as tagging those parts alone finds them. Tagging is mostly reading the words, so an item's
   * headline is not read twice.
   */
  tagWithHeadline(parts: readonly string[], lang: string | undefined, headlineParts: number): { entities: EntityRef[]; headline: HeadlineMention[] } {
    const normalParts = parts.map((p) => p.normalize('NFKC'));
    const normal = normalParts.join('\n');
    const tokens = this.tokenize(normal);
    const all = this.matchAll(normal, tokens, lang);
    const entities = this.mentioned(all, (entity) => this.origins[entity] !== 'concept', normal, tokens, lang).map((i) => this.refAt(i));
    if (headlineParts <= 0) return { entities, headline: [] };
    // Words never span a line break, so the headline's tokens and matches are those that end in it.
    const end = normalParts.slice(0, headlineParts).join('\n').length;
    let headTokens = 0;
    while (headTokens < tokens.length && (tokens[headTokens]?.end ?? Infinity) <= end) headTokens++;
    const inHeadline = all.filter((m) => m.end <= end);
    const headline = this.mentioned(inHeadline, (entity) => this.origins[entity] !== 'custom', normal.slice(0, end), tokens.slice(0, headTokens), lang).map(
      (i): HeadlineMention => ({ id: this.entityAt(i).qid, concept: this.origins[i] === 'concept' }),
    );
    return { entities, headline };
  }

  private matchAll(normal: string, tokens: Token[], lang: string | undefined): Match[] {
    return [...this.matchWords(tokens, lang), ...this.matchCjk(normal, lang), ...this.koreanCompounds(tokens)];
  }

  /**
   * The entities (indices) of `matches` that `include` admits and that survive false friends, longer
   * matches and their context, in order of first mention.
   */
  private mentioned(matches: Match[], include: (entity: number) => boolean, text: string, tokens: Token[], lang: string | undefined): number[] {
    const stops = matches.filter((m) => m.entity === -1);
    let found = matches.filter((m) => m.entity >= 0 && include(m.entity) && !stops.some((s) => s.start <= m.start && m.end <= s.end));
    found = this.dropContained(found);
    found = found.filter(
      (m) => !this.excludedByContext(m, tokens, lang) && !this.isNamedThing(m, text, tokens) && !this.isStyleOrPlace(m, text, tokens, lang),
    );
    found.sort((a, b) => a.start - b.start);
    const seen = new Set<number>();
    for (const m of found) seen.add(m.entity);
    return [...seen];
  }

  private refAt(i: number): EntityRef {
    const e = this.entityAt(i);
    return { qid: e.qid, name: e.name };
  }

  /** Splits text into word tokens (not CJK). */
  private tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    forEachWord(text, (start, end) => {
      let known = this.words.get(text, start, end);
      if (!known) {
        const word = text.slice(start, end);
        const keys = lookupKeys(foldWord(word));
        const starts: TrieNode[] = [];
        for (const key of keys) {
          const node = this.wordTrie.next.get(key);
          if (node) starts.push(node);
        }
        known = { word, keys, starts, hangul: HANGUL.test(word) };
        this.words.set(text, start, end, known);
      }
      tokens.push({ text: known.word, keys: known.keys, starts: known.starts, hangul: known.hangul, start, end });
    });
    return tokens;
  }

  private entityAt(i: number): GazetteerEntity {
    const e = this.entities[i];
    if (!e) throw new Error(`no entity at ${i}`);
    return e;
  }

  private addEntity(entity: GazetteerEntity, origin: Origin): void {
    const existing = this.byQid.get(entity.qid);
    const index = existing ?? this.entities.length;
    if (existing === undefined) {
      this.entities.push(entity);
      this.origins.push(origin);
      this.byQid.set(entity.qid, index);
    } else {
      // A copy: the built-in entities are shared by every tagger of the process, and a user's aliases
      // must not leak into the others (nor pile up each time an Enricher is rebuilt).
      const base = this.entityAt(existing);
      const aliases = Object.fromEntries(Object.entries(base.aliases).map(([lang, list]) => [lang, [...list]]));
      for (const [lang, list] of Object.entries(entity.aliases)) (aliases[lang] ??= []).push(...list);
      this.entities[existing] = { ...base, aliases };
    }
    const concept = origin === 'concept';
    for (const [lang, aliases] of Object.entries(entity.aliases)) {
      for (const alias of aliases) {
        // A lower-case alias is a common word of its own language (Spanish "china", Italian "russa"); in
        // another language it is only a look-alike (English "china" cups), so it applies in its language only.
        // A concept's aliases are chosen to mean the same in every language (concepts.data.ts).
        const only = lang !== '*' && !concept && isLowerCaseAlias(alias) ? new Set([lang]) : null;
        this.addAlias(index, alias, lang, origin === 'built-in' && entity.type === 'country', only, !concept);
      }
    }
    if (!concept) this.indexName(index, entity.name, 'en');
  }

  /** `named`: the alias resolves to its entity when typed as a name ({@link resolve}). */
  private addAlias(entity: number, alias: string, lang: string, declineIcuNames: boolean, langs: Set<string> | null, named: boolean): void {
    if (isCjk(alias) && !/\s/u.test(alias.trim())) {
      const folded = alias.normalize('NFKC');
      let node = this.cjkTrie;
      for (const ch of folded) node = child(node, ch);
      node.entries.push({ entity, cases: [], langs });
      if (named) addToIndex(this.nameIndex, folded, entity);
      return;
    }
    const words = aliasWordForms(alias, lang, declineIcuNames);
    if (words.length === 0) return;
    const folded = words.map((forms) => forms.map((form) => form.map(foldWord)));
    // The inflected forms of one word lead to one shared node, so an alias of n words costs the sum, not
    // the product, of its words' form counts (Северная Корея has ~45 × ~45 combinations).
    let nodes = new Set([this.wordTrie]);
    for (const forms of folded) {
      const reached = new Set<TrieNode>();
      for (const node of nodes) {
        let fresh: TrieNode | null = null;
        for (const form of forms) {
          let at = node;
          for (let i = 0; i < form.length; i++) {
            const key = form[i] ?? '';
            let next = at.next.get(key);
            if (!next) {
              next = i === form.length - 1 ? (fresh ??= newNode()) : newNode();
              at.next.set(key, next);
            }
            at = next;
          }
          reached.add(at);
        }
      }
      nodes = reached;
    }
    const cases = words.flatMap((forms) => (forms[0] ?? []).map((w) => caseRuleIn(w, lang)));
    for (const node of nodes) node.entries.push({ entity, cases, langs });
    if (named) {
      addToIndex(this.nameIndex, folded.map((forms) => (forms[0] ?? []).join(' ')).join(' '), entity);
      if (folded.length === 1) for (const form of folded[0] ?? []) addToIndex(this.nameIndex, form.join(' '), entity);
    }
  }

  private indexName(entity: number, name: string, lang: string): void {
    const words = aliasWordForms(name, lang, false);
    addToIndex(this.nameIndex, words.map((forms) => (forms[0] ?? []).map(foldWord).join(' ')).join(' '), entity);
  }

  /** False friends are language-specific (中国地方 is a region only in Japanese): `lang` selects them. */
  private matchWords(tokens: Token[], lang: string | undefined): Match[] {
    const matches: Match[] = [];
    // `node` is where the keys of tokens first..at led; its entries match those words.
    const reached = (node: TrieNode, first: number, at: number): void => {
      const token = tokens[at];
      if (!token) return;
      for (const entry of node.entries) {
        if (entry.langs && lang && !entry.langs.has(lang)) continue;
        // A rule past the matched words (an alias form with fewer tokens than its first form) asks nothing.
        if (entry.cases.every((rule, i) => first + i > at || satisfiesCase(tokens[first + i]?.text ?? '', rule))) {
          matches.push({ entity: entry.entity, start: tokens[first]?.start ?? 0, end: token.end, firstToken: first, lastToken: at });
        }
      }
      const following = node.next.size > 0 ? tokens[at + 1] : undefined;
      if (!following) return;
      for (const key of following.keys) {
        const next = node.next.get(key);
        if (next) reached(next, first, at + 1);
      }
    };
    for (let i = 0; i < tokens.length; i++) for (const start of tokens[i]?.starts ?? []) reached(start, i, i);
    return matches;
  }

  private matchCjk(text: string, lang: string | undefined): Match[] {
    const matches: Match[] = [];
    // Most texts have no Chinese or Japanese at all: two scans of the whole text by \p{Script} patterns
    // are spared where no code unit could begin a CJK run.
    if (!mayHoldCjk(text)) return matches;
    const runLang = lang === 'ja' || /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) ? 'ja' : 'zh';
    for (const run of text.matchAll(CJK_RUN)) {
      const chars = [...run[0]];
      const offsets: number[] = [];
      let offset = run.index;
      for (const c of chars) {
        offsets.push(offset);
        offset += c.length;
      }
      offsets.push(offset);
      // Segmenting is the dearest step here and only short matches need it: done on the first one.
      let boundaries: Set<number> | null = null;
      const raw: Match[] = [];
      for (let i = 0; i < chars.length; i++) {
        let node: TrieNode | undefined = this.cjkTrie;
        for (let j = i; j < chars.length && node; j++) {
          node = node.next.get(chars[j] ?? '');
          if (!node) break;
          for (const entry of node.entries) {
            if (entry.langs && !entry.langs.has(runLang)) continue;
            raw.push({ entity: entry.entity, start: offsets[i] ?? 0, end: offsets[j + 1] ?? 0, firstToken: -1, lastToken: -1 });
          }
        }
      }
      raw.push(...this.abbreviationCompounds(chars, offsets, runLang));
      // A short match must begin where a word begins: 美方 in 完美方案 begins inside 完美.
      for (const m of raw) {
        if (m.entity !== -1 && m.end - m.start <= 2 && !(boundaries ??= wordStarts(run[0], runLang)).has(m.start - run.index)) continue;
        if (m.entity !== -1 && isCjkStyle(text, m)) continue;
        matches.push(m);
      }
    }
    return matches;
  }

  /** 中俄, 俄乌, 中美, 日米, 中ロ: runs of one-character country abbreviations; 俄总统, 美军: one before an institution. */
  private abbreviationCompounds(chars: string[], offsets: number[], lang: 'zh' | 'ja'): Match[] {
    const table = CJK_ABBREVIATIONS[lang];
    const out: Match[] = [];
    let i = 0;
    while (i < chars.length) {
      let j = i;
      const qids: string[] = [];
      while (j < chars.length && table[chars[j] ?? ''] && !qids.includes(table[chars[j] ?? ''] ?? '')) qids.push(table[chars[j++] ?? ''] ?? '');
      const compound = qids.length >= 2 || (qids.length === 1 && startsInstitution(chars, j));
      if (compound) {
        for (let k = i; k < j; k++) {
          const entity = this.byQid.get(qids[k - i] ?? '');
          // The whole run must start at a word boundary; each member is reported at the run's start.
          if (entity !== undefined) out.push({ entity, start: offsets[i] ?? 0, end: offsets[k + 1] ?? 0, firstToken: -1, lastToken: -1 });
        }
      }
      i = j > i ? j : i + 1;
    }
    return out;
  }

  /**
   * Longest match wins: "North Korea" hides "Korea", 白俄罗斯 hides 俄罗斯. A sub-body keeps its parent
   * (UN General Assembly also names the UN), per the annotation rule on sub-bodies.
   */
  private dropContained(matches: Match[]): Match[] {
    const bySize = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start));
    const kept: Match[] = [];
    for (const m of bySize) {
      const inside = kept.find((k) => k.start <= m.start && m.end <= k.end && k.end - k.start > m.end - m.start);
      if (inside && inside.entity !== m.entity && this.entityAt(inside.entity).parent !== this.entityAt(m.entity).qid) {
        if (!isCompoundMember(inside, m)) continue;
      }
      kept.push(m);
    }
    return kept;
  }

  private excludedByContext(m: Match, tokens: Token[], lang: string | undefined): boolean {
    for (const ex of this.exclusions) {
      if (ex.entity !== m.entity || m.firstToken < 0) continue;
      if (lang && ex.langs && !ex.langs.has(lang)) continue;
      const from = Math.max(0, m.firstToken - ex.window);
      const to = Math.min(tokens.length, m.lastToken + 1 + ex.window);
      for (let i = from; i < to; i++) {
        if (i >= m.firstToken && i <= m.lastToken) continue;
        if (ex.cues.some((cue) => cue.length > 0 && cue.every((w, k) => tokens[i + k]?.keys[0] === w))) return true;
      }
    }
    return false;
  }

  /**
   * A country name that is not the country: a style of thing next to a noun for a dish or an object
   * (turkey sandwich, insalata russa, Rus salatası), a river, lake or street (Niger River, Lake Chad,
   * نهر الأردن), a manner adverb (по-турецки, "the Turkish way"), or a first name followed by a surname
   * (Chad Thompson).
   */
  private isStyleOrPlace(m: Match, text: string, tokens: Token[], lang: string | undefined): boolean {
    if (m.firstToken < 0 || this.entityAt(m.entity).type !== 'country') return false;
    const before = tokens[m.firstToken - 1];
    const after = tokens[m.lastToken + 1];
    const key = (t: Token | undefined): string => t?.keys[0] ?? '';
    const near = (t: Token | undefined): boolean => t !== undefined && /^[\s-]*$/u.test(text.slice(Math.min(t.end, m.end), Math.max(t.start, m.start)));
    if (m.firstToken === m.lastToken) {
      for (const t of [before, after]) if (near(t) && isNounOf(key(t), this.styleNouns)) return true;
    }
    if (near(before) && isNounOf(key(before), this.featuresBefore)) return true;
    if (near(after) && isNounOf(key(after), this.featuresAfter)) return true;
    if ((lang === undefined || lang === 'ru' || lang === 'uk') && /(^|[^\p{L}])по-$/iu.test(text.slice(Math.max(0, m.start - 4), m.start))) return true;
    if (this.givenNameCountries.has(m.entity) && after && /^\p{Lu}\p{Ll}/u.test(after.text) && /^\s+$/u.test(text.slice(m.end, after.start))) {
      if (!this.titleWords.has(key(after))) return true;
    }
    return false;
  }

  /**
   * Korean writes country pairs as one word of one-syllable abbreviations (한미 동맹, 한일 정상회담,
   * 한미일), with a particle after it (한미가). Each member is reported; words that read as a place or a
   * verb form (북한 is North Korea, 북미 is also North America) are listed as exceptions.
   */
  private koreanCompounds(tokens: Token[]): Match[] {
    const out: Match[] = [];
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      if (!token?.hangul) continue;
      let word = token.text;
      const particle = KOREAN_PARTICLES.find((p) => word.endsWith(p) && word.length - p.length >= 2);
      if (particle) word = word.slice(0, -particle.length);
      const syllables = [...word];
      if (syllables.length < 2 || syllables.length > 3 || KOREAN_ABBREVIATIONS.exceptions.includes(word)) continue;
      const qids = syllables.map((s) => KOREAN_ABBREVIATIONS.members[s]);
      if (qids.some((q) => q === undefined) || new Set(qids).size !== qids.length) continue;
      for (const qid of qids) {
        const entity = this.byQid.get(qid ?? '');
        if (entity !== undefined) out.push({ entity, start: token.start, end: token.end, firstToken: -1, lastToken: -1 });
      }
    }
    return out;
  }

  /** гостиница «Украина», hotel "Russia": a quoted name after a noun for a thing is that thing's name. */
  private isNamedThing(m: Match, text: string, tokens: Token[]): boolean {
    if (m.firstToken <= 0) return false;
    const before = text.slice(0, m.start).trimEnd();
    if (!QUOTES.test(before.slice(-1))) return false;
    const previous = tokens[m.firstToken - 1];
    if (!previous) return false;
    const word = previous.keys[0] ?? '';
    return this.namedThingNouns.some((noun) => word.startsWith(noun));
  }
}

/**
 * Whether `text` has a code unit at U+2E80 or above: every Han, Hiragana and Katakana character of the
 * BMP (and ー, 々) is, and one beyond it is a surrogate pair, whose units are too.
 */
function mayHoldCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Where the words of a CJK run begin (offsets into the run), by ICU's word segmentation. */
function wordStarts(run: string, lang: string): Set<number> {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  const starts = new Set<number>();
  for (const s of segmenter.segment(run)) starts.add(s.index);
  return starts;
}

function child(node: TrieNode, key: string): TrieNode {
  let next = node.next.get(key);
  if (!next) {
    next = newNode();
    node.next.set(key, next);
  }
  return next;
}

function addToIndex(index: Map<string, Set<number>>, key: string, entity: number): void {
  let set = index.get(key);
  if (!set) {
    set = new Set();
    index.set(key, set);
  }
  set.add(entity);
}

/**
 * `word` is one of `nouns` or an inflected form of one: a stem of four letters or more may take an ending of
 * up to four letters (salat → salatası, река → реки); shorter entries match exactly (lac is not "lack").
 */
function isNounOf(word: string, nouns: string[]): boolean {
  for (const n of nouns) {
    if (word === n) return true;
    // startsWith first: it fails at once for almost every noun, and this runs for each country named.
    if (word.length > n.length && word.startsWith(n) && codePoints(n) >= 4 && codePoints(word) - codePoints(n) <= 4) return true;
  }
  return false;
}

/** `[...s].length` without the array: a surrogate pair is one code point. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

/** An institution suffix (总统, 军) begins at `chars[at]`. */
function startsInstitution(chars: string[], at: number): boolean {
  const rest = chars.slice(at, at + 4).join('');
  return CJK_INSTITUTION_SUFFIXES.some((s) => rest.startsWith(s));
}

const KATAKANA = /[\p{Script=Katakana}\u30fc]/u;

/**
 * 日本酒 (sake), 土耳其烤肉 (kebab), トルコ石 (turquoise): a CJK name followed by a noun for a kind of
 * thing names the style; アメリカンドッグ: a katakana name running on into more katakana is another word.
 */
function isCjkStyle(text: string, m: Match): boolean {
  const rest = text.slice(m.end, m.end + 3);
  if (STYLE_NOUNS.cjk.some((s) => rest.startsWith(s))) return true;
  const last = text.slice(m.start, m.end).slice(-1);
  return KATAKANA.test(last) && KATAKANA.test(rest.charAt(0));
}

/** Members of one abbreviation compound (中俄) share a start and must all survive. */
function isCompoundMember(outer: Match, inner: Match): boolean {
  return outer.firstToken === -1 && inner.firstToken === -1 && outer.start === inner.start;
}
