// A bounded store for the counters behind limits (brute-force pairs, rate-limit buckets). An entry
// that holds a limit now (a block, an empty bucket) is never evicted; the others are, oldest first,
// when a new key needs room. So a flood of new keys can neither lift a live limit nor find the store
// closed to a newcomer, as a store that refuses new keys when full would be (issue 17).
//
// Evicting an entry that holds no limit gives its key a fresh start, which a flood of many keys (many
// client IPs) already has by using a new key: it gains nothing it did not have.
import { DEFAULT_MAX_ENTRIES, ExpiringMap, type Clock } from './expiring-map';

export class GuardedMap<V> {
  /** The limits that hold: never evicted; past maxEntries of them, a new one waits among the others. */
  private readonly holding: ExpiringMap<V>;
  private readonly others: ExpiringMap<V>;

  constructor(
    private readonly holdsLimit: (value: V) => boolean,
    now?: Clock,
    maxEntries = DEFAULT_MAX_ENTRIES
  ) {
    this.holding = new ExpiringMap<V>(now, maxEntries, 'refuse');
    this.others = new ExpiringMap<V>(now, maxEntries, 'evict-oldest');
  }

  get(key: string): V | undefined {
    return this.holding.get(key) ?? this.others.get(key);
  }

  /** Always stores the value: a new key may evict the oldest entry that holds no limit, never one that does. */
  set(key: string, value: V, ttlMs: number): void {
    if (this.holdsLimit(value) && this.holding.set(key, value, ttlMs)) {
      this.others.delete(key);
      return;
    }
    this.holding.delete(key);
    this.others.set(key, value, ttlMs);
  }

  delete(key: string): void {
    for (const part of this.parts()) part.delete(key);
  }

  deleteWhere(matches: (key: string, value: V) => boolean): void {
    for (const part of this.parts()) part.deleteWhere(matches);
  }

  purgeExpired(): void {
    for (const part of this.parts()) part.purgeExpired();
  }

  clear(): void {
    for (const part of this.parts()) part.clear();
  }

  /** Entries in both parts: at most 2 × maxEntries. */
  get size(): number {
    return this.holding.size + this.others.size;
  }

  private parts(): ExpiringMap<V>[] {
    return [this.holding, this.others];
  }
}
