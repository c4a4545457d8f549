import { storyHeadlineKeys } from '@parallax/enrich';
import { analyseTerms } from '@parallax/query';

/**
 * The terms story clustering compares: libs/query's analysed tokens (folded, stemmed, CJK bigrams) of
 * the headline and standfirst, the parts every outlet writes for itself, and the concept keys found
 * there (`~olympics`, `~invasion`: libs/enrich's concept lexicon), which compare across languages,
 * with markers of the entities named there (`~Q148`), which weigh above those named only in the body.
 * Bodies are left out: wire copies and boilerplate would make unrelated items look alike. Preparing a
 * new item works them out with its enrichment (`prepareEntries`), which tags the headline with the
 * whole text once: the same keys.
 */
export function storyTerms(title: string, summary: string | null, language: string): string[] {
  const keys = storyHeadlineKeys(summary ? `${title}\n${summary}` : title, language === 'und' ? undefined : language);
  return [...analyseTerms(title), ...analyseTerms(summary), ...keys];
}

/** The terms of an official statement, whose point may sit anywhere in its text. */
export function statementTerms(text: string): string[] {
  return analyseTerms(text);
}
