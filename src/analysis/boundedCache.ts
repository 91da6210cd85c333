// Results of pure string functions over words and names that news repeats, kept in a Map
// that is emptied when full: bounded memory, and the common keys come back at once.

/** Stores `value` under `key` (emptying `cache` first when it holds `max` entries) and returns it. */
export function rememberBounded<V>(cache: Map<string, V>, max: number, key: string, value: V): V {
  if (cache.size >= max) cache.clear();
  cache.set(key, value);
  return value;
}
