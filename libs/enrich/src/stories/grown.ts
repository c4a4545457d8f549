/**
 * A copy of `a` with room for at least `length` entries, its size doubled as often as needed: the
 * typed arrays of story clustering grow with the keys, slots and gathered items they are indexed by.
 */
export function grownTo<T extends Int32Array | Float64Array>(a: T, length: number): T {
  let size = Math.max(a.length, 1);
  while (size < length) size *= 2;
  const out = new (a.constructor as new (size: number) => T)(size);
  out.set(a);
  return out;
}
