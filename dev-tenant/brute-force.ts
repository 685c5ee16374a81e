// Brute-force protection like Auth0's default: after 10 consecutive failed logins for one user from
// one IP address, that pair is blocked until the block time passes or the user resets the password.
// On top, like Auth0's suspicious IP throttling, failures are rate-limited per IP and per account.
// Each attempt is counted before its password is hashed, so concurrent guesses cannot overtake the count.
import { normalizeEmail } from './config-users';
import { ExpiringStore, type Clock } from './expiring-map';
import { RATE_LIMITS, RateLimiter } from './rate-limit';

/** Auth0's default brute-force threshold. */
export const BRUTE_FORCE_THRESHOLD = 10;

/** What an attempt may do: go on to the password check, or stop with Auth0's answer for a block or a throttle. */
export type AttemptVerdict = 'allowed' | 'blocked' | 'throttled';

export interface BruteForceOptions {
  readonly blockMs: number;
  readonly now?: Clock;
  /** Entries per store (pairs, IPs, accounts); the default is the tenant's usual 10,000. */
  readonly maxEntries?: number;
}

/** Consecutive failures (and attempts still being checked) per "email\0ip"; each one restarts the entry's lifetime. */
export class BruteForceGuard extends ExpiringStore<number> {
  private readonly blockMs: number;
  private readonly perIp: RateLimiter;
  private readonly perAccount: RateLimiter;

  constructor(options: BruteForceOptions) {
    // A full store refuses new pairs instead of forgetting a live block.
    super(options.now, 'refuse', options.maxEntries);
    this.blockMs = options.blockMs;
    this.perIp = new RateLimiter(RATE_LIMITS.loginFailuresPerIp, options.now, options.maxEntries);
    this.perAccount = new RateLimiter(RATE_LIMITS.loginFailuresPerAccount, options.now, options.maxEntries);
  }

  isBlocked(email: string, ip: string): boolean {
    return (this.entries.get(keyOf(email, ip)) ?? 0) >= BRUTE_FORCE_THRESHOLD;
  }

  /**
   * Counts the attempt as a failure now, synchronously, before any password is hashed: of a burst
   * after N failures only 10 − N get through. A block is checked first, so attempts during a block
   * never extend it. recordSuccess() takes the count back.
   */
  beginAttempt(email: string, ip: string): AttemptVerdict {
    const key = keyOf(email, ip);
    const failures = this.entries.get(key) ?? 0;
    if (failures >= BRUTE_FORCE_THRESHOLD) return 'blocked';
    const account = normalizeEmail(email);
    if (this.perIp.remaining(ip) < 1 || this.perAccount.remaining(account) < 1) return 'throttled';
    if (!this.entries.set(key, failures + 1, this.blockMs)) return 'throttled';
    this.perIp.take(ip);
    this.perAccount.take(account);
    return 'allowed';
  }

  /** The right password: the pair starts over, and the attempt no longer counts against the IP or the account. */
  recordSuccess(email: string, ip: string): void {
    this.entries.delete(keyOf(email, ip));
    this.perIp.giveBack(ip);
    this.perAccount.giveBack(normalizeEmail(email));
  }

  /** A password reset lifts the user's blocks from every IP address, as in Auth0. */
  unblockUser(email: string): void {
    const prefix = `${normalizeEmail(email)}\0`;
    this.entries.deleteWhere((key) => key.startsWith(prefix));
  }

  override purgeExpired(): void {
    super.purgeExpired();
    this.perIp.purgeExpired();
    this.perAccount.purgeExpired();
  }

  override clear(): void {
    super.clear();
    this.perIp.clear();
    this.perAccount.clear();
  }
}

// NUL never occurs in an email, so the key splits unambiguously.
function keyOf(email: string, ip: string): string {
  return `${normalizeEmail(email)}\0${ip}`;
}
