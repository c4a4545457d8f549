/** An entity as the gazetteer lists it: a display name and aliases per ISO 639-1 language. */
export interface LabelSource {
  qid: string;
  name: string;
  aliases: Record<string, string[]>;
}

/**
 * The gazetteer's alias syntax made readable: `Росси{я|и|ю}` is the stem with its first ending
 * (Россия), a trailing `~` (generic endings) goes.
 */
export function readableAlias(alias: string): string {
  return alias
    .replace(/\{([^|}]*)(?:\|[^}]*)?\}/gu, '$1')
    .replace(/~/gu, '')
    .trim();
}

/**
 * QID → display name in `lang`: the entity's first alias in that language, else its name (English
 * where there is one). The first alias of a language is its usual name there (中国, Россия).
 */
export function entityLabels(entities: readonly LabelSource[], lang: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const e of entities) {
    const first = (e.aliases[lang] ?? []).map(readableAlias).find((a) => a.length > 0);
    labels[e.qid] = first ?? e.name;
  }
  return labels;
}
