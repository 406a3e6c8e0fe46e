import { BoundedMap } from './bounded-map.ts';

/**
 * Values kept per key for reads that may be a little behind: used as they are
 * for `freshMs` after they were read; then, until `staleMs`, used at once while
 * one read in the background renews them; older ones are read again first.
 * `set` stores what a writer in this process has just learnt. At most `max`
 * keys (the oldest go first).
 */
export function makeRevalidatingCache<V>(options: {
  freshMs: number;
  staleMs: number;
  max: number;
  load(key: string): Promise<V>;
}) {
  const entries = new BoundedMap<string, { at: number; value: V }>(options.max);
  const loading = new Map<string, Promise<V>>();

  function set(key: string, value: V): V {
    entries.set(key, { at: Date.now(), value });
    return value;
  }

  /** Reads the key now (one read per key at a time). */
  function read(key: string): Promise<V> {
    const pending =
      loading.get(key) ??
      options
        .load(key)
        .then((value) => set(key, value))
        .finally(() => loading.delete(key));
    loading.set(key, pending);
    return pending;
  }

  return {
    set,
    read,
    async get(key: string): Promise<V> {
      const entry = entries.get(key);
      const age = entry ? Date.now() - entry.at : Infinity;
      if (entry && age >= options.freshMs && age < options.staleMs) void read(key).catch(() => undefined);
      return entry && age < options.staleMs ? entry.value : read(key);
    },
  };
}
