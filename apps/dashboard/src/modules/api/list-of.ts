/**
 * The list in an API answer, whether the route returns a bare array or wraps it (`{stories: [...]}`,
 * `{items: [...]}`): routes still landing have not all settled on one form.
 */
export function listOf<T>(data: unknown, key: string): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    const inner = (data as Record<string, unknown>)[key];
    if (Array.isArray(inner)) return inner as T[];
  }
  return [];
}
