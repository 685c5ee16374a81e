// A string-keyed map whose entries expire: the building block for tickets, sessions, tokens and
// brute-force counters. Expired entries are dropped when touched and by a periodic sweep, and the
// map never holds more than maxEntries, so memory stays flat whatever the load.

export type Clock = () => number;

/** Far above what a developer's browsers create; only a flood of requests ever reaches it. */
export const DEFAULT_MAX_ENTRIES = 10_000;

interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
}

/**
 * What a full map does with a new key: drop its oldest entry (tickets, sessions, tokens: the least
 * valuable one), or refuse the newcomer (counters whose loss would lift a limit, e.g. a brute-force block).
 */
export type WhenFull = 'evict-oldest' | 'refuse';

export class ExpiringMap<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly now: Clock = Date.now,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
    private readonly whenFull: WhenFull = 'evict-oldest'
  ) {}

  /**
   * (Re)inserts at the young end; false when the map is full, refuses new keys and `key` is new
   * (an existing key is always updated). Each map uses one TTL, so the oldest entry is also the
   * first to expire: evicting it costs O(1). `fromMs` is when the TTL starts, if the caller has
   * already read the clock (so a value's own times and its expiry agree to the millisecond).
   */
  set(key: string, value: V, ttlMs: number, fromMs: number = this.now()): boolean {
    const existed = this.entries.delete(key);
    if (!existed && this.entries.size >= this.maxEntries) {
      if (this.whenFull === 'refuse') {
        this.purgeExpired();
        if (this.entries.size >= this.maxEntries) return false;
      } else {
        const oldest = this.entries.keys().next();
        if (oldest.done !== true) this.entries.delete(oldest.value);
      }
    }
    this.entries.set(key, { value, expiresAt: fromMs + ttlMs });
    return true;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Returns the value and removes it: for single-use secrets, a second take always misses. */
  take(key: string): V | undefined {
    const value = this.get(key);
    this.entries.delete(key);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Returns how many entries it removed. */
  deleteWhere(matches: (key: string, value: V) => boolean): number {
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (matches(key, entry.value)) {
        this.entries.delete(key);
        removed += 1;
      }
    }
    return removed;
  }

  clear(): void {
    this.entries.clear();
  }

  /** The live entries with their expiry (epoch ms), oldest first. */
  *live(): IterableIterator<{ readonly key: string; readonly value: V; readonly expiresAt: number }> {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) yield { key, value: entry.value, expiresAt: entry.expiresAt };
    }
  }

  purgeExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Sweeps the maps every intervalMs; the timer is unref'd so it never keeps the process alive. Returns a stop function. */
export function startSweeper(maps: readonly { purgeExpired(): void }[], intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const map of maps) map.purgeExpired();
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}

/** What the tenant does with each of its stores: sweep it, empty it on a reset, count it for the load bench. */
export interface SweptStore {
  purgeExpired(): void;
  clear(): void;
  readonly size: number;
}

/** Base of the tenant's stores: one ExpiringMap, swept by startSweeper and counted for the load bench. */
export abstract class ExpiringStore<V> implements SweptStore {
  protected readonly entries: ExpiringMap<V>;

  constructor(now?: Clock, whenFull?: WhenFull, maxEntries?: number) {
    this.entries = new ExpiringMap<V>(now, maxEntries, whenFull);
  }

  purgeExpired(): void {
    this.entries.purgeExpired();
  }

  /** Forgets everything (the control API's tenant reset). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
