import type { AuthSessionSettings } from './auth-session.options';
import type { AuthStatus } from './auth-status';
import type { LoginGuard } from './guards/login-guard';
import type { IdTokenClaims } from './id-token';
import type { LockWidget } from './lock-widget';
import { loginErrorMessage } from './login-error';
import type { ReturningVisitor } from './returning-visitor';
import type { SessionLifecycle } from './session-lifecycle';

/**
 * The tutorial's authService: Lock for logging in, the id_token in localStorage for the session,
 * angular-jwt's authManager for `$rootScope.isAuthenticated`. Beyond the tutorial (README, "Beyond
 * the tutorial"), each in its own class: the session's timers, renewal and tabs (SessionLifecycle),
 * Lock's widget state (LockWidget), where to go before and after login (LoginGuard).
 */
export class AuthService {
  static $inject = ['lock', 'authSession', 'authStatus', 'lockWidget', 'sessionLifecycle', 'loginGuard', 'returningVisitor'];

  private listening = false;

  constructor(
    private readonly lock: angular.lock.ILockService,
    private readonly settings: AuthSessionSettings,
    private readonly status: AuthStatus,
    private readonly lockWidget: LockWidget,
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
    return this.status.error;
  }

  /** From `login()` until Lock is shown or fails to load: the first Log In downloads Lock's chunk. */
  get loginPending(): boolean {
    return this.lockWidget.loginPending;
  }

  /** While Lock's widget is open it shows login failures itself. */
  get lockOpen(): boolean {
    return this.lockWidget.lockOpen;
  }

  isAuthenticated(): boolean {
    return this.session.isAuthenticated();
  }

  /** The signed-in user's claims (name, email, picture, …), from the stored id_token. */
  profile(): IdTokenClaims | null {
    return this.isAuthenticated() ? this.session.claims() : null;
  }

  login(): void {
    this.lockWidget.show();
  }

  /** Ends the local session (the tutorial's logout) and the tenant's, so the next login asks for a password. */
  logout(): void {
    this.returningVisitor.forget();
    this.session.end();
    this.lock.logout({ returnTo: this.settings.callbackUrl });
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
    this.lock.on('authenticated', (authResult: AuthResult) => {
      if (this.session.start(authResult.idToken)) {
        this.returningVisitor.forget();
        this.loginGuard.returnAfterLogin();
      }
    });
    this.lock.on('authorization_error', (error: auth0.Auth0Error) => {
      if (this.returningVisitor.isRefusal(error)) {
        // The returning visitor's round trip found no tenant session: logged out, no message, and on
        // the page first asked for (the login page, if the guard turns it away).
        this.status.error = null;
        this.loginGuard.returnAfterLogin();
        return;
      }
      this.status.error = loginErrorMessage(error);
    });
  }

  /**
   * Authenticated if the stored token is usable; anything else under `id_token` is removed. At boot,
   * an expired token of ours may first send the visitor to the tenant for a new one (ReturningVisitor).
   */
  checkAuthOnRefresh(): void {
    if (this.returningVisitor.signInAgain()) {
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
