import { analyseTerms } from '@parallax/query';

/**
 * The terms story clustering compares: libs/query's analysed tokens (folded, stemmed, CJK bigrams) of
 * the headline and standfirst, the parts every outlet writes for itself. Bodies are left out: wire
 * copies and boilerplate would make unrelated items look alike.
 */
export function storyTerms(title: string, summary: string | null): string[] {
  return analyseTerms(summary ? `${title}\n${summary}` : title);
}

/** The terms of an official statement, whose point may sit anywhere in its text. */
export function statementTerms(text: string): string[] {
  return analyseTerms(text);
}
