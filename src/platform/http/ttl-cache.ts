// Remembers a computed value for a short time and shares one computation among concurrent callers. Bounded in
// entries and, where the values are sized, in bytes: no request, however many distinct keys it is sent with,
// can make it hold more.

export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
  clear(): void;
}

export interface TtlCacheLimits<V> {
  /** At most this many entries (the oldest go first). */
  maxEntries?: number;
  /** At most this many bytes of values, as `sizeOf` counts them (the oldest go first). */
  maxBytes?: number;
  sizeOf?: (value: V) => number;
}

interface Entry<V> {
  expires: number;
  value: Promise<V>;
  /** Counted once the value has loaded. */
  bytes: number;
}

export function createTtlCache<V>(ttlMs: number, now: () => number, limits: TtlCacheLimits<V> = {}): TtlCache<V> {
  const maxEntries = limits.maxEntries ?? 10_000;
  const maxBytes = limits.maxBytes ?? Infinity;
  const entries = new Map<string, Entry<V>>();
  let bytes = 0;

  function remove(key: string, entry: Entry<V>): void {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  /** Drops the oldest entries (Map order is insertion order) until both bounds hold. */
  function trim(): void {
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) return;
      remove(key, entry);
    }
  }

  return {
    get(key, load) {
      const time = now();
      const current = entries.get(key);
      if (current !== undefined && current.expires > time) return current.value;
      if (current !== undefined) remove(key, current);
      const value = load();
      const entry: Entry<V> = { expires: time + ttlMs, value, bytes: 0 };
      entries.set(key, entry);
      value.then(
        (loaded) => {
          if (entries.get(key) !== entry || limits.sizeOf === undefined) return;
          entry.bytes = limits.sizeOf(loaded);
          bytes += entry.bytes;
          trim();
        },
        // A failed load is not remembered: the next caller tries again.
        () => remove(key, entry),
      );
      trim();
      return value;
    },
    delete(key) {
      const entry = entries.get(key);
      if (entry !== undefined) remove(key, entry);
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}
