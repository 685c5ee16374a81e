import type { AuthSessionSettings } from './auth-session.options';
import type { LoginGuard } from './guards/login-guard';
import type { IdTokenClaims } from './id-token';
import { loginErrorMessage } from './login-error';
import type { StoredSession } from './session';
import type { SessionTimers } from './session-timers';

type AuthRootScope = angular.IRootScopeService & { isAuthenticated?: boolean };

/**
 * The tutorial's authService: Lock for logging in, the id_token in localStorage for the session,
 * angular-jwt's authManager for `$rootScope.isAuthenticated`. Beyond the tutorial (README, "Beyond
 * the tutorial"): hostile stored values, expiry and renewal timers, errors shown, other tabs and
 * tenant logout. Where to go before and after login is the LoginGuard's business.
 */
export class AuthService {
  static $inject = ['$rootScope', '$log', 'lock', 'authManager', 'authSession', 'storedSession', 'sessionTimers', 'loginGuard'];

  /** The last login failure, shown inline until the next attempt (by `<auth-error>` once Lock is closed). */
  error: string | null = null;
  /** From `login()` until Lock is shown or fails to load: the first Log In downloads Lock's chunk. */
  loginPending = false;
  /** While Lock's widget is open it shows login failures itself. */
  lockOpen = false;
  private listening = false;
  private following = false;
  private watchingLock = false;

  constructor(
    private readonly $rootScope: AuthRootScope,
    private readonly $log: angular.ILogService,
    private readonly lock: angular.lock.ILockService,
    private readonly authManager: angular.jwt.IAuthManagerServiceProvider,
    private readonly settings: AuthSessionSettings,
    private readonly storedSession: StoredSession,
    private readonly sessionTimers: SessionTimers,
    private readonly loginGuard: LoginGuard
  ) {}

  isAuthenticated(): boolean {
    return this.$rootScope.isAuthenticated === true;
  }

  /** The signed-in user's claims (name, email, picture, …), from the stored id_token. */
  profile(): IdTokenClaims | null {
    return this.isAuthenticated() ? this.storedSession.claims() : null;
  }

  login(): void {
    this.error = null;
    // An open Lock emits no second `show` that would end the wait.
    this.loginPending = !this.lockOpen;
    this.lock.show();
  }

  /** Ends the local session (the tutorial's logout) and the tenant's, so the next login asks for a password. */
  logout(): void {
    this.endLocalSession();
    this.lock.logout({ returnTo: this.settings.callbackUrl });
  }

  /** The tutorial's logout: forget the token here; the tenant session (SSO) stays. */
  logoutLocally(): void {
    this.endLocalSession();
    this.loginGuard.leaveGuardedRoute();
  }

  // Set up the logic for when a user authenticates. Called from app.run; a second call adds nothing.
  registerAuthenticationListener(): void {
    if (this.listening) {
      return;
    }
    this.listening = true;
    this.lock.on('authenticated', (authResult: AuthResult) => {
      if (this.startSession(authResult.idToken)) {
        this.loginGuard.returnAfterLogin();
      }
    });
    this.lock.on('authorization_error', (error: auth0.Auth0Error) => {
      this.error = loginErrorMessage(error);
    });
  }

  /** Authenticated if the stored token is usable; anything else under `id_token` is removed. */
  checkAuthOnRefresh(): void {
    const claims = this.storedSession.claims();
    if (claims) {
      this.resumeSession(claims);
    } else if (this.storedSession.hasStoredValue() || this.isAuthenticated()) {
      this.logoutLocally();
    }
  }

  /** Whether Lock is loading or open, from its `show`, `hide` and `unrecoverable_error` events. Once. */
  followLockWidget(): void {
    if (this.watchingLock) {
      return;
    }
    this.watchingLock = true;
    this.lock.on('show', () => {
      this.loginPending = false;
      this.lockOpen = true;
    });
    this.lock.on('hide', () => {
      this.loginPending = false;
      this.lockOpen = false;
    });
    // Its chunk or its client configuration failed to load. With a listener Lock no longer throws
    // it, nor does the stand-in log it: both are done here.
    this.lock.on('unrecoverable_error', (error: unknown) => {
      this.loginPending = false;
      this.error = 'The login form could not be loaded. Please try again.';
      this.$log.error('Lock:', error);
    });
  }

  /** Other tabs logging in or out (storage events), and an API rejecting our token (401). Once. */
  followExternalChanges(): void {
    if (this.following) {
      return;
    }
    this.following = true;
    this.storedSession.onChangeInAnotherTab(() => {
      this.$rootScope.$evalAsync(() => {
        this.checkAuthOnRefresh();
      });
    });
    // angular-jwt broadcasts this for any 401; only one for a request that carried our token counts.
    this.$rootScope.$on('unauthenticated', (_event, response?: { config?: { headers?: Record<string, unknown> } }) => {
      if (response?.config?.headers?.Authorization !== undefined) {
        this.logoutLocally();
      }
    });
  }

  private endLocalSession(): void {
    this.sessionTimers.cancel();
    this.storedSession.clear();
    this.authManager.unauthenticate();
  }

  /** Stores a fresh token from Lock; refuses (and stores nothing) if it is not usable. */
  private startSession(token: unknown): boolean {
    const claims = this.storedSession.store(token);
    if (!claims) {
      this.error = 'Login failed: the token received cannot be used.';
      return false;
    }
    this.error = null;
    this.resumeSession(claims);
    return true;
  }

  /** Authenticated with a token already checked and stored: (re)arm its expiry and renewal timers. */
  private resumeSession(claims: IdTokenClaims): void {
    if (!this.isAuthenticated()) {
      this.authManager.authenticate();
    }
    this.sessionTimers.schedule(claims, {
      onExpired: () => {
        this.logoutLocally();
      },
      onRenewDue: this.settings.silentRenewal
        ? () => {
            this.renew();
          }
        : undefined
    });
  }

  /** Silent renewal: a new token if the tenant session is alive; else the expiry timer logs out. */
  private renew(): void {
    this.lock.checkSession({}, (error: auth0.Auth0Error | null, authResult: AuthResult | undefined) => {
      if (!error && authResult?.idToken) {
        this.startSession(authResult.idToken);
      }
    });
  }
}
