import type { IdTokenClaims } from './id-token';

/** setTimeout's ceiling (~24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Renew this long before expiry, but never in the first half of a token's life. */
const RENEW_BEFORE_EXPIRY_S = 60;

export interface SessionTimerHandlers {
  readonly onExpired: () => void;
  /** Absent when silent renewal is off. */
  readonly onRenewDue?: () => void;
}

/**
 * The timers of one session: logout at the token's `exp`, and optionally a silent renewal shortly
 * before. Through $timeout so a digest follows and tests can flush them; cancelled on logout.
 */
export class SessionTimers {
  static $inject = ['$timeout'];

  private pending: angular.IPromise<void>[] = [];

  constructor(private readonly $timeout: angular.ITimeoutService) {}

  schedule(claims: IdTokenClaims, handlers: SessionTimerHandlers, nowMs = Date.now()): void {
    this.cancel();
    const expiresAtMs = claims.exp * 1000;
    this.at(expiresAtMs, nowMs, handlers.onExpired);
    if (handlers.onRenewDue) {
      this.at(renewalTimeMs(claims), nowMs, handlers.onRenewDue);
    }
  }

  cancel(): void {
    for (const timer of this.pending) {
      this.$timeout.cancel(timer);
    }
    this.pending = [];
  }

  private at(whenMs: number, nowMs: number, callback: () => void): void {
    const delay = Math.max(0, whenMs - nowMs);
    const wait = Math.min(delay, MAX_TIMER_MS);
    const timer = this.$timeout(() => {
      this.pending = this.pending.filter((other) => other !== timer);
      if (wait < delay) {
        this.at(whenMs, nowMs + wait, callback);
      } else {
        callback();
      }
    }, wait);
    this.pending.push(timer);
  }
}

export function renewalTimeMs(claims: IdTokenClaims): number {
  const issuedAt = typeof claims.iat === 'number' ? claims.iat : claims.exp - 2 * RENEW_BEFORE_EXPIRY_S;
  const halfLife = (claims.exp - issuedAt) / 2;
  return (claims.exp - Math.min(RENEW_BEFORE_EXPIRY_S, halfLife)) * 1000;
}
