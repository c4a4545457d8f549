import { storyHeadlineKeys } from '@parallax/enrich';
import { analyseTerms } from '@parallax/query';

/**
 * The terms story clustering compares: libs/query's analysed tokens (folded, stemmed, CJK bigrams) of
 * the headline and standfirst, the parts every outlet writes for itself, and the concept keys found
 * there (`~olympics`, `~invasion`: libs/enrich's concept lexicon), which compare across languages,
 * with markers of the entities named there (`~Q148`), which weigh above those named only in the body.
 * Bodies are left out: wire copies and boilerplate would make unrelated items look alike.
 */
export function storyTerms(title: string, summary: string | null): string[] {
  return storyTermsAnalysed(title, summary, [...analyseTerms(title), ...analyseTerms(summary)]);
}

/**
 * {@link storyTerms} when the headline and standfirst are already analysed (`analysed`: the terms of
 * the title, then those of the summary), as preparing an item does for the index.
 */
export function storyTermsAnalysed(title: string, summary: string | null, analysed: readonly string[]): string[] {
  return [...analysed, ...storyHeadlineKeys(summary ? `${title}\n${summary}` : title)];
}

/** The terms of an official statement, whose point may sit anywhere in its text. */
export function statementTerms(text: string): string[] {
  return analyseTerms(text);
}
