/**
 * The AST of the analyst query language (DESIGN.md, "Query language"): what the parser gives and
 * every back end (FTS5, Meilisearch, the in-memory alert matcher) reads.
 */
export const QUERY_FIELDS = ['entity', 'outlet', 'lang', 'kind', 'source'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export type QueryNode = AllNode | TermNode | PhraseNode | FieldNode | NotNode | AndNode | OrNode;

/** The empty query: matches every document. */
export interface AllNode {
  type: 'all';
}

/** A bare word; `prefix` when it ended in `*`. */
export interface TermNode {
  type: 'term';
  text: string;
  prefix: boolean;
  /** 0-based character offset in the query string. */
  position: number;
}

/** `"exact phrase"`: its words side by side, in order. */
export interface PhraseNode {
  type: 'phrase';
  text: string;
  position: number;
}

/**
 * `field:value`. `values` is what documents are compared with, already normalised: QIDs for
 * `entity` (a name resolved through the caller's EntityResolver may give several, ORed), the
 * outlet key for `outlet`, lower-case ISO 639-1 for `lang`.
 */
export interface FieldNode {
  type: 'field';
  field: QueryField;
  value: string;
  values: string[];
  position: number;
}

export interface NotNode {
  type: 'not';
  child: QueryNode;
  position: number;
}

export interface AndNode {
  type: 'and';
  children: QueryNode[];
}

export interface OrNode {
  type: 'or';
  children: QueryNode[];
}
