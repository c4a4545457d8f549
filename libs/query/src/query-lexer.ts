import { DomainError } from '@parallax/domain';

/** One lexical token of the query language, with its 0-based character offset. */
export type QueryToken =
  | { kind: 'lparen'; position: number }
  | { kind: 'rparen'; position: number }
  | { kind: 'or'; position: number }
  | { kind: 'and'; position: number }
  | { kind: 'not'; position: number }
  | { kind: 'word'; text: string; position: number }
  | { kind: 'phrase'; text: string; position: number }
  | { kind: 'field'; name: string; value: string; quoted: boolean; position: number; valuePosition: number };

const SPACE = /\s/u;
/** Characters that end a bare word. */
const WORD_END = /[\s()"|]/u;
const FIELD_PREFIX = /^([A-Za-z]+):/;

export function syntaxError(message: string, position: number, expected: string): DomainError {
  return new DomainError('QUERY_SYNTAX', `${message} at ${position}`, { position, expected, field: 'q' });
}

/**
 * Splits a query into tokens. Operators are upper case (`OR`, `AND`, `NOT`) so the English words
 * "or", "and", "not" stay searchable; `|` is OR and a leading `-` is NOT.
 */
export function lexQuery(input: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (SPACE.test(ch)) {
      i++;
    } else if (ch === '(') {
      tokens.push({ kind: 'lparen', position: i++ });
    } else if (ch === ')') {
      tokens.push({ kind: 'rparen', position: i++ });
    } else if (ch === '|') {
      tokens.push({ kind: 'or', position: i });
      i += input[i + 1] === '|' ? 2 : 1;
    } else if (ch === '"') {
      const { text, end } = readQuoted(input, i);
      tokens.push({ kind: 'phrase', text, position: i });
      i = end;
    } else if (ch === '-') {
      const next = input[i + 1];
      if (next === undefined || SPACE.test(next) || next === ')' || next === '|') {
        throw syntaxError(`expected a term after '-'`, i + 1, 'a word, phrase or group');
      }
      tokens.push({ kind: 'not', position: i++ });
    } else {
      i = readWord(input, i, tokens);
    }
  }
  return tokens;
}

function readQuoted(input: string, open: number): { text: string; end: number } {
  const close = input.indexOf('"', open + 1);
  if (close < 0) throw syntaxError('unclosed quote', open, 'a closing "');
  return { text: input.slice(open + 1, close), end: close + 1 };
}

function readWord(input: string, start: number, tokens: QueryToken[]): number {
  let end = start;
  while (end < input.length && !WORD_END.test(input[end] ?? '')) end++;
  const text = input.slice(start, end);
  if (text === 'OR') tokens.push({ kind: 'or', position: start });
  else if (text === 'AND' || text === '&&') tokens.push({ kind: 'and', position: start });
  else if (text === 'NOT') tokens.push({ kind: 'not', position: start });
  else {
    const field = FIELD_PREFIX.exec(text);
    // A URL pasted into the box (https://…) is text, not a field called "https".
    if (field && !text.includes('://')) return readField(input, start, end, field[1] ?? '', tokens);
    tokens.push({ kind: 'word', text, position: start });
  }
  return end;
}

function readField(input: string, start: number, end: number, name: string, tokens: QueryToken[]): number {
  const valueStart = start + name.length + 1;
  if (valueStart === end && input[end] === '"') {
    const { text, end: after } = readQuoted(input, end);
    tokens.push({ kind: 'field', name, value: text, quoted: true, position: start, valuePosition: end });
    return after;
  }
  tokens.push({ kind: 'field', name, value: input.slice(valueStart, end), quoted: false, position: start, valuePosition: valueStart });
  return end;
}
