/**
 * Remembers what a function computed for its last few thousand keys, for hot paths where a least-recently-used
 * map's reordering on every read costs more than the work saved. Two generations: a key found only in the older
 * one moves up; when the newer one is full, the older is dropped. Holds at most about twice `limit` entries.
 */
export function memoize<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  let current = new Map<K, V>();
  let previous = new Map<K, V>();
  return (key) => {
    let value = current.get(key);
    if (value !== undefined) return value;
    value = previous.get(key) ?? compute(key);
    if (current.size >= limit) {
      previous = current;
      current = new Map();
    }
    current.set(key, value);
    return value;
  };
}
