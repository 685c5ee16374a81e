import type { StateDeclaration, StateService, UIRouterGlobals } from '@uirouter/angularjs';
import type { Auth0Settings } from '../../app/auth0-settings';
import { callbackUrlFor } from '../../app/auth0-settings';
import { claimsForClient, usableClaims, type IdTokenClaims } from './id-token';
import { requiresLogin } from './requires-login.hook';
import type { ReturnTo } from './return-to';
import type { SessionTimers } from './session-timers';
import { ID_TOKEN_KEY, type TokenStorage } from './token-storage';
import { loginErrorMessage } from './login-error';

type AuthRootScope = angular.IRootScopeService & { isAuthenticated?: boolean };

/**
 * The tutorial's authService: Lock for logging in, the id_token in localStorage for the session,
 * angular-jwt's authManager for `$rootScope.isAuthenticated`. Beyond the tutorial (README, "Beyond
 * the tutorial"): hostile stored values, expiry and renewal timers, errors shown, other tabs,
 * tenant logout, and the way back to the page first asked for.
 */
export class AuthService {
  static $inject = ['$rootScope', 'lock', 'authManager', 'jwtHelper', 'tokenStorage', 'sessionTimers', 'returnTo', '$state', '$uiRouterGlobals', '$window', 'auth0Settings'];

  /** The last login failure, shown inline until the next attempt. */
  error: string | null = null;

  constructor(
    private readonly $rootScope: AuthRootScope,
    private readonly lock: angular.lock.ILockService,
    private readonly authManager: angular.jwt.IAuthManagerServiceProvider,
    private readonly jwtHelper: angular.jwt.IJwtHelper,
    private readonly tokenStorage: TokenStorage,
    private readonly sessionTimers: SessionTimers,
    private readonly returnTo: ReturnTo,
    private readonly $state: StateService,
    private readonly $uiRouterGlobals: UIRouterGlobals,
    private readonly $window: angular.IWindowService,
    private readonly auth0Settings: Auth0Settings
  ) {}

  isAuthenticated(): boolean {
    return this.$rootScope.isAuthenticated === true;
  }

  /** The signed-in user's claims (name, email, …), from the stored id_token. */
  profile(): IdTokenClaims | null {
    return this.isAuthenticated() ? this.usableClaims(this.tokenStorage.read()) : null;
  }

  /** The stored id_token if this app may use it (well-formed, for this client, unexpired), else null. */
  usableToken(): string | null {
    const token = this.tokenStorage.read();
    return this.usableClaims(token) ? token : null;
  }

  login(): void {
    this.error = null;
    this.lock.show();
  }

  /** Ends the local session (the tutorial's logout) and the tenant's, so the next login asks for a password. */
  logout(): void {
    this.endLocalSession();
    this.lock.logout({ returnTo: callbackUrlFor(this.auth0Settings, this.$window.location.origin) });
  }

  /** The tutorial's logout: forget the token here; the tenant session (SSO) stays. */
  logoutLocally(): void {
    this.endLocalSession();
    this.leaveGuardedState();
  }

  // Set up the logic for when a user authenticates. Called from app.run.
  registerAuthenticationListener(): void {
    this.lock.on('authenticated', (authResult: AuthResult) => {
      if (this.startSession(authResult.idToken)) {
        this.goBackToRequestedState();
      }
    });
    this.lock.on('authorization_error', (error: auth0.Auth0Error) => {
      this.error = loginErrorMessage(error);
    });
  }

  checkAuthOnRefresh(): void {
    const token = this.tokenStorage.read();
    if (token !== null) {
      const claims = claimsForClient(token, this.auth0Settings.clientID);
      if (claims && !this.jwtHelper.isTokenExpired(token)) {
        this.resumeSession(claims);
      } else {
        this.logoutLocally();
      }
    }
  }

  /** Other tabs logging in or out (storage events), and the API rejecting our token (401). */
  followExternalChanges(): void {
    this.$window.addEventListener('storage', (event: StorageEvent) => {
      if (event.key === ID_TOKEN_KEY || event.key === null) {
        this.$rootScope.$evalAsync(() => {
          this.syncWithStorage();
        });
      }
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
    this.tokenStorage.clear();
    this.authManager.unauthenticate();
  }

  private syncWithStorage(): void {
    const claims = this.usableClaims(this.tokenStorage.read());
    if (claims) {
      this.resumeSession(claims);
    } else if (this.isAuthenticated()) {
      this.logoutLocally();
    }
  }

  /** Stores a fresh token from Lock; refuses (and stores nothing) if it is not a usable JWT. */
  private startSession(token: string): boolean {
    const claims = this.usableClaims(token);
    if (!claims || !this.tokenStorage.write(token)) {
      this.error = 'Login failed: the token received cannot be used.';
      return false;
    }
    this.error = null;
    this.resumeSession(claims);
    return true;
  }

  private usableClaims(token: string | null): IdTokenClaims | null {
    return usableClaims(token, this.auth0Settings.clientID);
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
      onRenewDue: this.auth0Settings.silentRenewal ? () => {
        this.renew();
      } : undefined
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

  private leaveGuardedState(): void {
    const { current, params } = this.$uiRouterGlobals;
    if (requiresLogin(current)) {
      this.returnTo.remember({ state: current.name ?? 'home', params: Object.fromEntries(Object.entries(params)) });
      void this.$state.go('login');
    }
  }

  private goBackToRequestedState(): void {
    const target = this.returnTo.take();
    if (target && (this.$state.get(target.state) as StateDeclaration | null)) {
      void this.$state.go(target.state, target.params);
    } else if (this.$uiRouterGlobals.current.name === 'login') {
      void this.$state.go('home');
    }
  }
}
