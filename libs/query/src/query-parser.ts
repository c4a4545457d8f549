import { outletKey } from './analysis/outlet-key.js';
import { lexQuery, syntaxError, type QueryToken } from './query-lexer.js';
import { QUERY_FIELDS, type FieldNode, type QueryField, type QueryNode } from './query-node.js';

/**
 * Turns an entity name typed by an analyst (`China`, `Xi Jinping`, `中国`) into Wikidata QIDs.
 * The caller passes the gazetteer's lookup in, so this lib stays free of it. An empty array means
 * "unknown name".
 */
export type EntityResolver = (name: string) => string[];

export interface QueryLimits {
  /** Characters in the query string. */
  maxLength: number;
  /** Nesting of groups and negations. */
  maxDepth: number;
  /** Words, phrases and field filters together. */
  maxTerms: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxLength: 1000, maxDepth: 10, maxTerms: 50 };

export interface ParseOptions {
  resolveEntity?: EntityResolver;
  limits?: Partial<QueryLimits>;
}

const QID = /^Q[1-9][0-9]*$/i;
const LANGUAGE = /^[a-z]{2,3}$/i;
const KINDS = ['media', 'official'];

/**
 * Parses the analyst query language into a QueryNode. Grammar (recursive descent, one function per
 * rule):
 *
 *   query   := or EOF
 *   or      := and (("OR" | "|") and)*
 *   and     := unary (["AND"] unary)*          juxtaposition is AND
 *   unary   := ("NOT" | "-") unary | primary
 *   primary := "(" or ")" | PHRASE | FIELD | WORD
 *
 * Errors are DomainError('QUERY_SYNTAX') with the 0-based position and what was expected there.
 */
export function parseQuery(input: string, options: ParseOptions = {}): QueryNode {
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  if (input.length > limits.maxLength) {
    throw syntaxError(`query longer than ${limits.maxLength} characters`, limits.maxLength, `at most ${limits.maxLength} characters`);
  }
  const parser = new QueryParser(lexQuery(input), input.length, limits, options.resolveEntity);
  return parser.parse();
}

class QueryParser {
  private index = 0;
  private terms = 0;

  constructor(
    private readonly tokens: QueryToken[],
    private readonly length: number,
    private readonly limits: QueryLimits,
    private readonly resolveEntity: EntityResolver | undefined,
  ) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) return { type: 'all' };
    const node = this.parseOr(0);
    const extra = this.peek();
    if (extra) {
      throw extra.kind === 'rparen'
        ? syntaxError(`unexpected ')'`, extra.position, 'a term, OR, or the end of the query')
        : syntaxError('unexpected token', extra.position, 'the end of the query');
    }
    return node;
  }

  private parseOr(depth: number): QueryNode {
    const children = [this.parseAnd(depth)];
    for (let t = this.peek(); t?.kind === 'or'; t = this.peek()) {
      this.index++;
      this.expectOperand('OR');
      children.push(this.parseAnd(depth));
    }
    return children.length === 1 && children[0] ? children[0] : { type: 'or', children };
  }

  private parseAnd(depth: number): QueryNode {
    const children = [this.parseUnary(depth)];
    for (let t = this.peek(); t && t.kind !== 'or' && t.kind !== 'rparen'; t = this.peek()) {
      if (t.kind === 'and') {
        this.index++;
        this.expectOperand('AND');
      }
      children.push(this.parseUnary(depth));
    }
    return children.length === 1 && children[0] ? children[0] : { type: 'and', children };
  }

  private parseUnary(depth: number): QueryNode {
    const t = this.peek();
    if (t?.kind === 'not') {
      this.index++;
      this.checkDepth(depth + 1, t.position);
      this.expectOperand('NOT');
      return { type: 'not', child: this.parseUnary(depth + 1), position: t.position };
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): QueryNode {
    const t = this.peek();
    if (!t) throw syntaxError('expected a term', this.length, 'a word, phrase or group');
    this.index++;
    switch (t.kind) {
      case 'lparen': {
        this.checkDepth(depth + 1, t.position);
        if (this.peek()?.kind === 'rparen') throw syntaxError('expected a term inside ()', t.position + 1, 'a word, phrase or group');
        const inner = this.parseOr(depth + 1);
        if (this.peek()?.kind !== 'rparen') throw syntaxError('unclosed parenthesis', t.position, "a closing ')'");
        this.index++;
        return inner;
      }
      case 'phrase':
        this.countTerm(t.position);
        return { type: 'phrase', text: t.text, position: t.position };
      case 'word': {
        this.countTerm(t.position);
        const prefix = t.text.endsWith('*');
        const text = t.text.replace(/\*+$/, '');
        if (!text) throw syntaxError("expected a word before '*'", t.position, 'a word');
        return { type: 'term', text, prefix, position: t.position };
      }
      case 'field':
        this.countTerm(t.position);
        return this.fieldNode(t);
      case 'rparen':
        throw syntaxError(`unexpected ')'`, t.position, 'a word, phrase or group');
      default:
        throw syntaxError(`expected a term before ${t.kind.toUpperCase()}`, t.position, 'a word, phrase or group');
    }
  }

  private fieldNode(t: Extract<QueryToken, { kind: 'field' }>): FieldNode {
    const field = t.name.toLowerCase();
    if (!isField(field)) {
      throw syntaxError(`unknown field '${t.name}'`, t.position, `one of ${QUERY_FIELDS.join(', ')}`);
    }
    const value = t.value.trim();
    if (!value) throw syntaxError(`expected a value after '${field}:'`, t.valuePosition, `a ${field} value`);
    const values = this.fieldValues(field, value, t.valuePosition);
    return { type: 'field', field, value, values, position: t.position };
  }

  private fieldValues(field: QueryField, value: string, position: number): string[] {
    switch (field) {
      case 'entity': {
        if (QID.test(value)) return [value.toUpperCase()];
        const qids = this.resolveEntity?.(value) ?? [];
        if (qids.length === 0) throw syntaxError(`unknown entity '${value}'`, position, 'a Wikidata QID (Q148) or a known entity name');
        return [...new Set(qids.map((q) => q.toUpperCase()))];
      }
      case 'lang': {
        const primary = value.split(/[-_]/)[0] ?? '';
        if (!LANGUAGE.test(primary)) throw syntaxError(`invalid language '${value}'`, position, 'an ISO 639-1 code such as zh');
        return [primary.toLowerCase()];
      }
      case 'kind':
        if (!KINDS.includes(value.toLowerCase())) throw syntaxError(`invalid kind '${value}'`, position, KINDS.join(' or '));
        return [value.toLowerCase()];
      case 'source':
        if (!/^[1-9][0-9]{0,15}$/.test(value)) throw syntaxError(`invalid source id '${value}'`, position, 'a source id (digits)');
        return [value];
      case 'outlet': {
        const key = outletKey(value);
        if (!key) throw syntaxError(`invalid outlet '${value}'`, position, 'an outlet name');
        return [key];
      }
    }
  }

  private expectOperand(after: string): void {
    const next = this.peek();
    if (!next || next.kind === 'or' || next.kind === 'and' || next.kind === 'rparen') {
      throw syntaxError(`expected a term after ${after}`, next?.position ?? this.length, 'a word, phrase or group');
    }
  }

  private checkDepth(depth: number, position: number): void {
    if (depth > this.limits.maxDepth) throw syntaxError(`query nested deeper than ${this.limits.maxDepth} levels`, position, 'a flatter query');
  }

  private countTerm(position: number): void {
    this.terms++;
    if (this.terms > this.limits.maxTerms) throw syntaxError(`more than ${this.limits.maxTerms} terms`, position, `at most ${this.limits.maxTerms} terms`);
  }

  private peek(): QueryToken | undefined {
    return this.tokens[this.index];
  }
}

function isField(name: string): name is QueryField {
  return (QUERY_FIELDS as readonly string[]).includes(name);
}
