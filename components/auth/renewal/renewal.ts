import type { LoginEngine } from '../engines/login-engine';
import type { SessionState } from '../session/session-state';
import type { AuthSessionSettings } from '../settings/auth-session.options';
import type { RenewalLease } from './renewal-lease';
import {
  MIN_RENEWAL_INTERVAL_MS,
  RENEWAL_JITTER_MS,
  RENEWAL_TIMEOUT_MS,
  needsLogin,
  refreshTokenGone,
  renewalBackoffMs,
  renewalDueMs
} from './renewal-timing';
import type { ActiveSession, StoredSession } from '../session/stored-session';
import { TimerSet } from '../session/timer-set';

/** How long a tab waits after claiming the lease before it trusts it (another tab may have claimed at the same moment). */
const LEASE_SETTLE_MS = 100;

export interface RenewalHandlers {
  /** A fresh token from the tenant, received at `receivedAtMs` on the local clock. */
  readonly renewed: (token: string, receivedAtMs: number) => void;
  /** The tenant wants a login (`login_required`, …): nothing more is tried for this token. */
  readonly refused: (session: ActiveSession) => void;
  /** The stored token is no longer the one followed: another tab renewed, logged in or out. */
  readonly changed: () => void;
  /** The refresh token is gone (`invalid_grant`): the session ends now, once. */
  readonly revoked: () => void;
}

/**
 * Silent renewal of one session: the login engine's renewal (Lock: `checkSession`) shortly before it expires, timed from the token's
 * receipt; at least MIN_RENEWAL_INTERVAL_MS apart, with exponential backoff on failure, and never
 * after the token's end (the expiry timer logs out then). One tab renews (RenewalLease); the others
 * adopt its token through the storage event.
 */
export class SilentRenewal {
  static $inject = ['loginEngine', '$timeout', 'renewalLease', 'storedSession', 'authSession', 'sessionState'];

  private readonly timers: TimerSet;
  private lastAttemptAtMs = Number.NEGATIVE_INFINITY;
  private failures = 0;
  private followedToken: string | null = null;

  constructor(
    private readonly engine: LoginEngine,
    $timeout: angular.ITimeoutService,
    private readonly lease: RenewalLease,
    private readonly storedSession: StoredSession,
    private readonly settings: AuthSessionSettings,
    private readonly state: SessionState
  ) {
    this.timers = new TimerSet($timeout);
  }

  /** (Re)arms renewal for `session`; does nothing when silent renewal is off. */
  follow(session: ActiveSession, handlers: RenewalHandlers, nowMs = Date.now()): void {
    this.timers.cancel();
    if (!this.settings.silentRenewal) {
      return;
    }
    if (session.token !== this.followedToken) {
      this.followedToken = session.token;
      this.failures = 0;
    }
    if (session.renewalRefused) {
      handlers.refused(session);
      return;
    }
    const dueMs = Math.max(renewalDueMs(session) + jitterMs(), this.lastAttemptAtMs + MIN_RENEWAL_INTERVAL_MS);
    this.attemptAt(dueMs, session, handlers, nowMs);
  }

  stop(): void {
    this.timers.cancel();
    this.lease.release();
    this.followedToken = null;
  }

  private attemptAt(whenMs: number, session: ActiveSession, handlers: RenewalHandlers, nowMs = Date.now()): void {
    // Past the token's end there is nothing to renew: the expiry timer logs out.
    if (whenMs < session.expiresAtMs) {
      this.timers.at(
        whenMs,
        () => {
          this.attempt(session, handlers);
        },
        nowMs
      );
    }
  }

  private attempt(session: ActiveSession, handlers: RenewalHandlers): void {
    const nowMs = Date.now();
    const stored = this.storedSession.current(nowMs);
    if (stored?.token !== session.token) {
      handlers.changed();
      return;
    }
    if (stored.renewalRefused) {
      handlers.refused(stored);
      return;
    }
    if (!this.state.mayRenew()) {
      // A login under way (the tenant's answer could be for the user logging in) or a page leaving:
      // SessionLifecycle re-arms renewal when the login UI closes over the session.
      return;
    }
    const heldUntilMs = this.lease.heldElsewhereUntil(nowMs);
    if (heldUntilMs !== null) {
      // That tab's token comes by storage event, which re-arms this; if it never comes, try then. Not
      // sooner when the lease is released without a token: with rotating refresh tokens, that tab's
      // request may still be under way (timed out here), and a second use of its refresh token would
      // be taken for reuse and end the session.
      this.attemptAt(heldUntilMs + jitterMs(), session, handlers, nowMs);
      return;
    }
    this.lease.claim(nowMs);
    this.timers.at(nowMs + LEASE_SETTLE_MS, () => {
      if (this.lease.isMine(Date.now())) {
        this.checkSession(session, handlers);
      } else {
        this.attempt(session, handlers);
      }
    });
  }

  private checkSession(session: ActiveSession, handlers: RenewalHandlers): void {
    this.lastAttemptAtMs = Date.now();
    this.state.renewing();
    this.engine.renew(RENEWAL_TIMEOUT_MS, (error, idToken) => {
      try {
        this.state.renewalAnswered();
        if (!this.state.mayRenew()) {
          // A login began while this was in flight: the answer may be for its user, not this session's
          // (dropped; renewal is re-armed when the login UI closes over the session).
        } else if (!error && idToken !== undefined) {
          this.failures = 0;
          handlers.renewed(idToken, Date.now());
        } else if (refreshTokenGone(error)) {
          handlers.revoked();
        } else if (needsLogin(error)) {
          this.storedSession.markRenewalRefused(session);
          handlers.refused(session);
        } else {
          this.failures += 1;
          this.attemptAt(Date.now() + renewalBackoffMs(this.failures), session, handlers);
        }
      } finally {
        // After the new token is stored, so a tab that sees the lease gone also sees the token.
        this.lease.release();
      }
    });
  }
}

function jitterMs(): number {
  return Math.random() * RENEWAL_JITTER_MS;
}
