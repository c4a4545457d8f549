import type { SearchHit } from '@parallax/domain';

export interface FoldedHit {
  hit: SearchHit;
  /** Syndicated copies of this hit found in the same page of results. */
  copies: SearchHit[];
}

/**
 * Folds duplicates (`duplicateOf`) under their original when the original is on the same page,
 * keeping the server's order. A copy whose original is elsewhere stays in the list on its own.
 */
export function foldDuplicates(hits: readonly SearchHit[]): FoldedHit[] {
  const byId = new Map<number, FoldedHit>();
  for (const hit of hits) if (!byId.has(hit.id)) byId.set(hit.id, { hit, copies: [] });
  const out: FoldedHit[] = [];
  for (const hit of hits) {
    const folded = byId.get(hit.id);
    if (!folded || folded.hit !== hit) continue;
    const original = hit.duplicateOf !== null ? rootOf(hit, byId) : undefined;
    if (original && original !== folded) original.copies.push(hit);
    else out.push(folded);
  }
  return out;
}

/** Follows `duplicateOf` to the first item in the page; guards against cycles in bad data. */
function rootOf(hit: SearchHit, byId: Map<number, FoldedHit>): FoldedHit | undefined {
  const seen = new Set<number>([hit.id]);
  let current: SearchHit = hit;
  let found: FoldedHit | undefined;
  while (current.duplicateOf !== null) {
    // A cycle is bad data: show every hit in it on its own rather than hide them all.
    if (seen.has(current.duplicateOf)) return undefined;
    const next = byId.get(current.duplicateOf);
    if (!next) break;
    found = next;
    seen.add(next.hit.id);
    current = next.hit;
  }
  return found;
}
