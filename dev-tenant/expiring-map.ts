// A string-keyed map whose entries expire: the building block for tickets, sessions and access tokens.
// Expired entries are dropped when touched and by a periodic sweep, so memory stays flat.

export type Clock = () => number;

interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
}

export class ExpiringMap<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly now: Clock = Date.now) {}

  set(key: string, value: V, ttlMs: number): void {
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
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
