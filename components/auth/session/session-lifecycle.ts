import { decodeIdToken, type IdTokenClaims } from './id-token';
import type { RenewalHandlers, SilentRenewal } from '../renewal/renewal';
import type { SessionState } from './session-state';
import type { ActiveSession, StoredSession } from './stored-session';
import { TimerSet } from './timer-set';

type AuthRootScope = angular.IRootScopeService & { isAuthenticated?: boolean };

export const UNUSABLE_TOKEN_MESSAGE = 'Login failed: the token received cannot be used.';
export const OTHER_USER_MESSAGE = 'You were logged out: the renewed session belonged to another account. Please log in again.';

/**
 * A session from its start to its end: stored, authenticated through angular-jwt's authManager,
 * logged out at its end on the local clock, renewed silently, and followed across tabs. Ends it
 * cannot decide alone (leaving a guarded page) go to the `ended` callback AuthService gives it.
 */
export class SessionLifecycle {
  static $inject = ['$rootScope', '$timeout', 'authManager', 'storedSession', 'silentRenewal', 'sessionState'];

  private readonly expiry: TimerSet;
  private ended: () => void = () => {
    this.end();
  };
  private following = false;

  constructor(
    private readonly $rootScope: AuthRootScope,
    $timeout: angular.ITimeoutService,
    private readonly authManager: angular.jwt.IAuthManagerServiceProvider,
    private readonly storedSession: StoredSession,
    private readonly renewal: SilentRenewal,
    private readonly state: SessionState
  ) {
    this.expiry = new TimerSet($timeout);
    // Renewal stands down while a login is under way: a login UI closed over the session re-arms it.
    state.onPhaseChange((from, to) => {
      if (from === 'loggingIn' && to === 'authenticated') {
        this.resumeStored();
      }
    });
  }

  /** What ends the session when it ends on its own (expiry, another user's token): AuthService's logoutLocally. */
  onEnded(ended: () => void): void {
    this.ended = ended;
  }

  isAuthenticated(): boolean {
    return this.$rootScope.isAuthenticated === true;
  }

  claims(): IdTokenClaims | null {
    return this.storedSession.claims();
  }

  /** A token from a login: stored and followed if usable, else refused with a message and nothing stored. */
  start(token: unknown, receivedAtMs = Date.now()): boolean {
    const session = this.storedSession.store(token, receivedAtMs);
    if (!session) {
      this.state.error = UNUSABLE_TOKEN_MESSAGE;
      return false;
    }
    this.state.error = null;
    this.state.loggedIn(session);
    this.resume(session);
    return true;
  }

  /** The stored session, if usable, is resumed (page load, another tab's change): true; else false. */
  resumeStored(): boolean {
    const session = this.storedSession.current();
    if (session) {
      this.resume(session);
    }
    return session !== null;
  }

  hasStoredValue(): boolean {
    return this.storedSession.hasStoredValue();
  }

  end(): void {
    this.expiry.cancel();
    this.renewal.stop();
    this.storedSession.clear();
    this.state.loggedOut();
    this.authManager.unauthenticate();
  }

  /** Other tabs' changes to the stored token, and an API rejecting it (a 401 for a request that carried it). Once. */
  followExternalChanges(changed: () => void, rejected: () => void): void {
    if (this.following) {
      return;
    }
    this.following = true;
    this.storedSession.onChangeInAnotherTab(() => {
      this.$rootScope.$evalAsync(changed);
    });
    // angular-jwt broadcasts this for any 401; only one for a request that carried our token counts.
    this.$rootScope.$on('unauthenticated', (_event, response?: { config?: { headers?: Record<string, unknown> } }) => {
      if (response?.config?.headers?.Authorization !== undefined) {
        rejected();
      }
    });
  }

  private resume(session: ActiveSession): void {
    if (!this.isAuthenticated()) {
      this.authManager.authenticate();
    }
    this.state.resumed(session);
    this.state.renewalRefusedEndsAtMs = null;
    this.expiry.cancel();
    this.expiry.at(session.expiresAtMs, () => {
      this.ended();
    });
    this.renewal.follow(session, this.renewalHandlers(session));
  }

  private renewalHandlers(current: ActiveSession): RenewalHandlers {
    return {
      renewed: (token, receivedAtMs) => {
        this.renewed(current, token, receivedAtMs);
        this.$rootScope.$applyAsync();
      },
      refused: (session) => {
        this.state.renewalRefusedEndsAtMs = session.expiresAtMs;
        this.$rootScope.$applyAsync();
      },
      revoked: () => {
        this.$rootScope.$evalAsync(() => {
          this.ended();
          this.state.renewalRevoked = true;
        });
      },
      changed: () => {
        this.$rootScope.$evalAsync(() => {
          if (!this.resumeStored()) {
            this.ended();
          }
        });
      }
    };
  }

  /** OIDC Core §12.2: a renewed id_token for another `sub` ends the session, and is never stored. */
  private renewed(current: ActiveSession, token: string, receivedAtMs: number): void {
    if (decodeIdToken(token)?.sub !== current.claims.sub) {
      this.ended();
      this.state.error = OTHER_USER_MESSAGE;
      return;
    }
    const session = this.storedSession.store(token, receivedAtMs);
    // An unusable renewal leaves the current session to end at its exp.
    if (session) {
      this.resume(session);
    }
  }
}
