import type { LoginEngine } from './engines/login-engine';
import { loginErrorMessage } from './engines/lock/login-error';
import type { LoginGuard } from './guards/login-guard';
import type { ReturningVisitor } from './renewal/returning-visitor';
import type { IdTokenClaims } from './session/id-token';
import type { SessionLifecycle } from './session/session-lifecycle';
import type { SessionState } from './session/session-state';
import type { AuthSessionSettings } from './settings/auth-session.options';

/**
 * The tutorial's authService: a login engine (Lock, or Universal Login) for logging in, the id_token in localStorage for
 * the session, angular-jwt's authManager for `$rootScope.isAuthenticated`. It owns the session's
 * state (`state`, read by the views, the guard and the renewal); beyond the tutorial (README,
 * "Beyond the tutorial"), each in its own class: the session's timers, renewal and tabs
 * (SessionLifecycle), where to go before and after login (LoginGuard).
 */
export class AuthService {
  static $inject = ['loginEngine', 'authSession', 'sessionState', 'sessionLifecycle', 'loginGuard', 'returningVisitor'];

  private listening = false;

  constructor(
    private readonly engine: LoginEngine,
    private readonly settings: AuthSessionSettings,
    readonly state: SessionState,
    private readonly session: SessionLifecycle,
    private readonly loginGuard: LoginGuard,
    private readonly returningVisitor: ReturningVisitor
  ) {
    session.onEnded(() => {
      this.logoutLocally();
    });
  }

  /** The last login failure or forced logout, shown inline until the next attempt (by `<auth-error>` once Lock is closed). */
  get error(): string | null {
    return this.state.error;
  }

  /** From `login()` until Lock is shown or fails to load: the first Log In downloads Lock's chunk. */
  get loginPending(): boolean {
    return this.state.loginPending;
  }

  /** While Lock's widget is open it shows login failures itself. */
  get lockOpen(): boolean {
    return this.state.loginOpen;
  }

  isAuthenticated(): boolean {
    return this.session.isAuthenticated();
  }

  /** The signed-in user's claims (name, email, picture, …), from the stored id_token. */
  profile(): IdTokenClaims | null {
    return this.isAuthenticated() ? this.session.claims() : null;
  }

  login(): void {
    this.engine.login();
  }

  /** Ends the local session (the tutorial's logout) and the tenant's, so the next login asks for a password. */
  logout(): void {
    this.returningVisitor.forget();
    this.session.end();
    this.state.ending();
    this.engine.logout(this.settings.callbackUrl);
  }

  /** The tutorial's logout: forget the token here; the tenant session (SSO) stays. */
  logoutLocally(): void {
    this.session.end();
    this.loginGuard.leaveGuardedRoute();
  }

  // Set up the logic for when a user authenticates. Called from app.run; a second call adds nothing.
  registerAuthenticationListener(): void {
    if (this.listening) {
      return;
    }
    this.listening = true;
    this.engine.onLogin(
      (idToken) => {
        if (this.session.start(idToken)) {
          this.returningVisitor.forget();
          this.loginGuard.returnAfterLogin();
        }
      },
      (error) => {
        if (this.returningVisitor.isRefusal(error)) {
          // The returning visitor's round trip found no tenant session: logged out, no message, and on
          // the page first asked for (the login page, if the guard turns it away).
          this.state.error = null;
          this.loginGuard.returnAfterLogin();
          return;
        }
        this.state.error = loginErrorMessage(error);
      }
    );
  }

  /**
   * Authenticated if the stored token is usable; anything else under `id_token` is removed. At boot,
   * an expired token of ours may first send the visitor to the tenant for a new one (ReturningVisitor).
   */
  checkAuthOnRefresh(): void {
    if (this.returningVisitor.signInAgain()) {
      // The engine leaves for the tenant, or renews in place: either way its answer comes through the
      // login listener, and the expired token goes now.
      this.session.end();
      return;
    }
    if (!this.session.resumeStored() && (this.session.hasStoredValue() || this.isAuthenticated())) {
      this.logoutLocally();
    }
  }

  /** Other tabs logging in, renewing or out (storage events), and an API rejecting our token (401). Once. */
  followExternalChanges(): void {
    this.session.followExternalChanges(
      () => {
        this.checkAuthOnRefresh();
      },
      () => {
        this.logoutLocally();
      }
    );
  }
}
