// Brute-force protection like Auth0's: after `max_attempts` (default 10) consecutive failed logins for
// one user from one IP address, that pair is blocked until the user follows the unblock link of the
// email sent on the first refused attempt, changes the password, an admin unblocks, or 30 days pass.
// On top, like Auth0's suspicious IP throttling, failures are rate-limited per IP across accounts;
// as in Auth0, never per account across IPs, which would let an attacker lock the user out everywhere.
// Each attempt is counted before its password is hashed, so concurrent guesses cannot overtake the count.
import { normalizeEmail } from '../config/config-users';
import type { Clock } from '../stores/expiring-map';
import { GuardedMap } from '../stores/guarded-map';
import { RATE_LIMITS, RateLimiter } from './rate-limit';

/** Auth0 lifts a brute-force block by itself after 30 days. */
export const BLOCK_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * What an attempt may do: go on to the password check, or stop with Auth0's answer for a block or a
 * throttle. `firstRefusal`: the first attempt the block refuses, when Auth0 emails the unblock link.
 */
export type AttemptVerdict = 'allowed' | { readonly blocked: true; readonly firstRefusal: boolean } | 'throttled';

interface PairState {
  readonly failures: number;
  /** When the entry ends (its TTL), so marking the email sent does not extend the block. */
  readonly endsAt: number;
  readonly emailed: boolean;
}

export interface BruteForceOptions {
  /** Auth0's `max_attempts`, 1..100. */
  readonly maxAttempts: number;
  readonly now?: Clock;
  /** Live blocks kept, and other entries, per store (pairs, IPs); the default is the tenant's usual 10,000. */
  readonly maxEntries?: number;
}

/** Consecutive failures (and attempts still being checked) per "email\0ip"; each one restarts the entry's lifetime. */
export class BruteForceGuard {
  private readonly maxAttempts: number;
  private readonly now: Clock;
  /** A full store forgets the oldest pair that is not blocked, never a block, and never refuses a new pair. */
  private readonly entries: GuardedMap<PairState>;
  private readonly perIp: RateLimiter;

  constructor(options: BruteForceOptions) {
    this.maxAttempts = options.maxAttempts;
    this.now = options.now ?? Date.now;
    this.entries = new GuardedMap<PairState>((state) => state.failures >= this.maxAttempts, options.now, options.maxEntries);
    this.perIp = new RateLimiter(RATE_LIMITS.loginFailuresPerIp, options.now, options.maxEntries);
  }

  isBlocked(email: string, ip: string): boolean {
    return (this.entries.get(keyOf(email, ip))?.failures ?? 0) >= this.maxAttempts;
  }

  /**
   * Counts the attempt as a failure now, synchronously, before any password is hashed: of a burst
   * after N failures only max_attempts − N get through. A block is checked first, so attempts during
   * a block never extend it. recordSuccess() takes the count back.
   */
  beginAttempt(email: string, ip: string): AttemptVerdict {
    const key = keyOf(email, ip);
    const state = this.entries.get(key);
    const failures = state?.failures ?? 0;
    if (state !== undefined && failures >= this.maxAttempts) {
      if (!state.emailed) this.entries.set(key, { ...state, emailed: true }, Math.max(1, state.endsAt - this.now()));
      return { blocked: true, firstRefusal: !state.emailed };
    }
    if (!this.perIp.take(ip)) return 'throttled';
    this.entries.set(key, { failures: failures + 1, endsAt: this.now() + BLOCK_MS, emailed: false }, BLOCK_MS);
    return 'allowed';
  }

  /** The right password: the pair starts over, and the attempt no longer counts against the IP. */
  recordSuccess(email: string, ip: string): void {
    this.entries.delete(keyOf(email, ip));
    this.perIp.giveBack(ip);
  }

  /**
   * Lifts the user's blocks from every IP address: what Auth0 does on a password change, the unblock
   * link, and an admin's unblock (the control API's `blocked: false`).
   */
  unblockUser(email: string): void {
    const prefix = `${normalizeEmail(email)}\0`;
    this.entries.deleteWhere((key) => key.startsWith(prefix));
  }

  purgeExpired(): void {
    this.entries.purgeExpired();
    this.perIp.purgeExpired();
  }

  /** Forgets everything (the control API's tenant reset). */
  clear(): void {
    this.entries.clear();
    this.perIp.clear();
  }

  /** The (email, IP) pairs it remembers, for the load bench. */
  get size(): number {
    return this.entries.size;
  }
}

// NUL never occurs in an email, so the key splits unambiguously.
function keyOf(email: string, ip: string): string {
  return `${normalizeEmail(email)}\0${ip}`;
}
