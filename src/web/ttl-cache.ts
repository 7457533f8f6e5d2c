// Remembers a computed value for a short time and shares one computation among concurrent callers.

export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
  clear(): void;
}

export function createTtlCache<V>(ttlMs: number, now: () => number): TtlCache<V> {
  const entries = new Map<string, { expires: number; value: Promise<V> }>();
  return {
    get(key, load) {
      const time = now();
      const entry = entries.get(key);
      if (entry !== undefined && entry.expires > time) return entry.value;
      const value = load();
      entries.set(key, { expires: time + ttlMs, value });
      // A failed load is not remembered: the next caller tries again.
      value.catch(() => entries.delete(key));
      if (entries.size > 10_000) entries.delete(entries.keys().next().value ?? key);
      return value;
    },
    delete: (key) => entries.delete(key),
    clear: () => entries.clear(),
  };
}
