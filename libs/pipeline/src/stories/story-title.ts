import type { StoryItemRef, StoryTitle } from '@parallax/domain';

/**
 * A story's title, as StoryOverview defines it: the headline of the earliest item that is not a wire
 * copy, in the language most of the story's own items (copies aside) are written in; ties go to the
 * language of the earliest item. Beside it, the earliest such headline in every language of the story,
 * in the order of the languages' first items.
 *
 * The title the store keeps is the headline of whichever item opened the story, which for items
 * arriving out of order is not the first report, and may be a late analysis in a minority language.
 */
export function storyTitles(items: readonly StoryItemRef[]): { title: string | null; titles: StoryTitle[] } {
  const originals = items.filter((i) => i.duplicateOf === null);
  const pool = (originals.length > 0 ? originals : items)
    .filter((i) => i.title.trim().length > 0)
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id - b.id);
  const titles: StoryTitle[] = [];
  const counts = new Map<string, number>();
  for (const i of pool) {
    counts.set(i.language, (counts.get(i.language) ?? 0) + 1);
    if (!titles.some((t) => t.language === i.language)) titles.push({ language: i.language, title: i.title, itemId: i.id });
  }
  let best: StoryTitle | null = null;
  for (const t of titles) if (!best || (counts.get(t.language) ?? 0) > (counts.get(best.language) ?? 0)) best = t;
  return { title: best?.title ?? null, titles };
}
