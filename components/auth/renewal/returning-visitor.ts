import type { LoginEngine } from '../engines/login-engine';
import type { AuthSessionSettings } from '../settings/auth-session.options';
import { claimsForClient } from '../session/id-token';
import { needsLogin } from './renewal-timing';
import type { LoginGuard } from '../guards/login-guard';
import type { StoredSession } from '../session/stored-session';
import type { TokenStorage } from '../session/token-storage';

/** sessionStorage: this tab has made its one `prompt=none` round trip; cleared by the next login or logout. */
export const SIGN_IN_AGAIN_KEY = 'auth.signInAgain';

/**
 * A returning visitor whose token has expired gets a new one from the tenant session, if it is
 * alive, without typing a password: one top-level `/authorize?prompt=none` redirect. Top-level, the
 * tenant's cookie is first-party, so this works where checkSession's iframe cannot (third-party
 * cookies blocked). One per tab until the next login or logout, so `login_required` cannot loop.
 */
export class ReturningVisitor {
  static $inject = ['$window', 'loginEngine', 'authSession', 'tokenStorage', 'storedSession', 'loginGuard'];

  private checked = false;

  constructor(
    private readonly $window: angular.IWindowService,
    private readonly engine: LoginEngine,
    private readonly settings: AuthSessionSettings,
    private readonly tokenStorage: TokenStorage,
    private readonly storedSession: StoredSession,
    private readonly loginGuard: LoginGuard
  ) {}

  /**
   * At boot, once: true when the visitor is sent to the tenant (the stored token is then the caller's
   * to clear, and nothing else may start: no renewal, no second redirect).
   */
  signInAgain(nowMs = Date.now()): boolean {
    if (this.checked) {
      return false;
    }
    this.checked = true;
    if (!this.settings.silentRenewal || this.engine.isCallback(this.$window.location.href) || !this.hasExpiredToken(nowMs)) {
      return false;
    }
    if (!this.markAttempt()) {
      return false;
    }
    // The guard replaces this with the state and params of a guarded page it turns away meanwhile.
    this.loginGuard.rememberWhereVisitorIs();
    this.engine.signInAgain();
    return true;
  }

  /** The tenant's answer to this tab's round trip was "log in" (no session): the logged-out page says it all. */
  isRefusal(error: unknown): boolean {
    return needsLogin(error) && this.attempted();
  }

  /** A login or logout: the next expired token may be renewed this way again. */
  forget(): void {
    try {
      this.$window.sessionStorage.removeItem(SIGN_IN_AGAIN_KEY);
    } catch {
      // No sessionStorage: no flag was ever set.
    }
  }

  /**
   * A token this client was given, now expired: a visitor who was logged in (garbage under `id_token`
   * is not). One with seconds left is resumed: it ends while open, or its renewal comes first.
   */
  private hasExpiredToken(nowMs: number): boolean {
    if (this.storedSession.lostOnReload()) {
      // `tokenStorage: 'memory'`: the reload forgot this tab's tokens; the tenant session may still be there.
      return true;
    }
    const claims = claimsForClient(this.tokenStorage.idToken.read(), this.settings.clientID);
    return claims !== null && this.storedSession.current(nowMs) === null;
  }

  /** False if this tab already tried, or cannot note that it did (no sessionStorage: it could not stop a loop). */
  private markAttempt(): boolean {
    try {
      if (this.attempted()) {
        return false;
      }
      this.$window.sessionStorage.setItem(SIGN_IN_AGAIN_KEY, '1');
      return this.attempted();
    } catch {
      return false;
    }
  }

  private attempted(): boolean {
    try {
      return this.$window.sessionStorage.getItem(SIGN_IN_AGAIN_KEY) !== null;
    } catch {
      return false;
    }
  }
}
