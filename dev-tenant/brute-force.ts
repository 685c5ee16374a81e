// Brute-force protection like Auth0's default: after 10 consecutive failed logins for one user from
// one IP address, that pair is blocked until the block time passes or the user resets the password.
import { normalizeEmail } from './config-users';
import { ExpiringStore, type Clock } from './expiring-map';

/** Auth0's default brute-force threshold. */
export const BRUTE_FORCE_THRESHOLD = 10;

/** Consecutive failures per "email\0ip"; each failure restarts the entry's lifetime. */
export class BruteForceGuard extends ExpiringStore<number> {
  constructor(
    private readonly blockMs: number,
    now?: Clock
  ) {
    super(now);
  }

  isBlocked(email: string, ip: string): boolean {
    return (this.entries.get(keyOf(email, ip)) ?? 0) >= BRUTE_FORCE_THRESHOLD;
  }

  /** Called only while not blocked, so attempts during a block never extend it. */
  recordFailure(email: string, ip: string): void {
    const key = keyOf(email, ip);
    this.entries.set(key, (this.entries.get(key) ?? 0) + 1, this.blockMs);
  }

  recordSuccess(email: string, ip: string): void {
    this.entries.delete(keyOf(email, ip));
  }

  /** A password reset lifts the user's blocks from every IP address, as in Auth0. */
  unblockUser(email: string): void {
    const prefix = `${normalizeEmail(email)}\0`;
    this.entries.deleteWhere((key) => key.startsWith(prefix));
  }
}

// NUL never occurs in an email, so the key splits unambiguously.
function keyOf(email: string, ip: string): string {
  return `${normalizeEmail(email)}\0${ip}`;
}
