// Token-bucket rate limits like Auth0's (a burst, then a steady refill), keyed by IP, account or
// both. A limiter only decides; the routes write the answer (http/rate-limited.ts). A full
// store never evicts an empty bucket and never refuses a new key (GuardedMap): a flood can neither
// reset a limit that holds nor lock a newcomer out.
import type { Clock } from '../stores/expiring-map';
import { GuardedMap } from '../stores/guarded-map';

export interface RateLimitPolicy {
  /** Requests allowed at once (the bucket's size). */
  readonly burst: number;
  /** Milliseconds to earn back one request. */
  readonly refillMs: number;
}

/** Auth0's published limits, as far as a local tenant needs them (see dev-tenant/README.md). */
export const RATE_LIMITS = {
  /**
   * Suspicious IP throttling's pre-login stage: 100 failed logins from one IP across all accounts, then
   * one more every 864 s (max_attempts 100, rate 864000: 100 a day). Auth0 has no such limit per account
   * across IPs (brute-force's default mode counts per account and IP), so an attacker cannot lock a user out.
   */
  loginFailuresPerIp: { burst: 100, refillMs: 864_000 },
  /** change_password: 1 a minute per IP and email, burst 10. */
  changePassword: { burst: 10, refillMs: 60_000 },
  /** Sign-ups: 50 a minute per IP. */
  signup: { burst: 50, refillMs: 1_200 },
  /** /userinfo: 5 a minute per user, burst 10. */
  userinfo: { burst: 10, refillMs: 12_000 }
} as const satisfies Record<string, RateLimitPolicy>;

interface Bucket {
  readonly tokens: number;
  readonly updatedAt: number;
}

/** What a limiter decided for one request, and the numbers Auth0's X-RateLimit-* headers carry. */
export interface RateDecision {
  readonly allowed: boolean;
  /** The burst. */
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until key has a request again (0 when it has one). */
  readonly retryAfterSeconds: number;
  /** When that is, in epoch seconds. */
  readonly resetAtSeconds: number;
}

export class RateLimiter {
  private readonly buckets: GuardedMap<Bucket>;

  constructor(
    private readonly policy: RateLimitPolicy,
    private readonly now: Clock = Date.now,
    maxEntries?: number
  ) {
    this.buckets = new GuardedMap<Bucket>((bucket) => bucket.tokens < 1, now, maxEntries);
  }

  /** Takes one request from key's bucket; false when it is empty. */
  take(key: string): boolean {
    const tokens = this.available(key);
    if (tokens < 1) return false;
    this.store(key, tokens - 1);
    return true;
  }

  /** take(), with what the answer should tell the client. */
  request(key: string): RateDecision {
    const allowed = this.take(key);
    const retryAfterSeconds = this.retryAfterSeconds(key);
    return {
      allowed,
      limit: this.policy.burst,
      remaining: this.remaining(key),
      retryAfterSeconds,
      resetAtSeconds: Math.ceil(this.now() / 1000) + retryAfterSeconds
    };
  }

  /** Gives one request back (e.g. a login that succeeded after being counted up front). */
  giveBack(key: string): void {
    this.store(key, Math.min(this.policy.burst, this.available(key) + 1));
  }

  /** Whole requests left for key now. */
  remaining(key: string): number {
    return Math.floor(this.available(key));
  }

  /** Seconds until key has a request again (0 when it has one). */
  retryAfterSeconds(key: string): number {
    const tokens = this.available(key);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * this.policy.refillMs) / 1000);
  }

  purgeExpired(): void {
    this.buckets.purgeExpired();
  }

  clear(): void {
    this.buckets.clear();
  }

  get size(): number {
    return this.buckets.size;
  }

  private available(key: string): number {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return this.policy.burst;
    return Math.min(this.policy.burst, bucket.tokens + (this.now() - bucket.updatedAt) / this.policy.refillMs);
  }

  private store(key: string, tokens: number): void {
    // Kept until the bucket would be full again; after that a missing entry means the same thing.
    const ttlMs = Math.max(1, Math.ceil((this.policy.burst - tokens) * this.policy.refillMs));
    this.buckets.set(key, { tokens, updatedAt: this.now() }, ttlMs);
  }
}

/** The rate limits of the tenant's endpoints (the login throttles live in BruteForceGuard). */
export class EndpointRateLimits {
  readonly changePassword: RateLimiter;
  readonly signup: RateLimiter;
  readonly userinfo: RateLimiter;

  constructor(now?: Clock) {
    this.changePassword = new RateLimiter(RATE_LIMITS.changePassword, now);
    this.signup = new RateLimiter(RATE_LIMITS.signup, now);
    this.userinfo = new RateLimiter(RATE_LIMITS.userinfo, now);
  }

  purgeExpired(): void {
    for (const limiter of this.all()) limiter.purgeExpired();
  }

  clear(): void {
    for (const limiter of this.all()) limiter.clear();
  }

  private all(): RateLimiter[] {
    return [this.changePassword, this.signup, this.userinfo];
  }
}
