/**
 * `rows` (read for `ids` with `IN (…)`, which answers in its own order) made into `T`s in the order of
 * `ids`; an id without a row (deleted since) is left out.
 */
export function inOrderOf<R extends { id: number }, T>(ids: readonly number[], rows: readonly R[], make: (row: R) => T): T[] {
  const byId = new Map(rows.map((r) => [r.id, make(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
