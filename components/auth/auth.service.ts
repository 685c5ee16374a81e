import type { TokenStorage } from './token-storage';

/**
 * The tutorial's authService: Lock for logging in, the id_token in localStorage for the session,
 * angular-jwt's authManager for `$rootScope.isAuthenticated`.
 */
export class AuthService {
  static $inject = ['$rootScope', 'lock', 'authManager', 'jwtHelper', 'tokenStorage', '$log'];

  constructor(
    private readonly $rootScope: angular.IRootScopeService & { isAuthenticated?: boolean },
    private readonly lock: angular.lock.ILockService,
    private readonly authManager: angular.jwt.IAuthManagerServiceProvider,
    private readonly jwtHelper: angular.jwt.IJwtHelper,
    private readonly tokenStorage: TokenStorage,
    private readonly $log: angular.ILogService
  ) {}

  /** The tutorial's flag, set by authManager.authenticate()/unauthenticate(). */
  isAuthenticated(): boolean {
    return this.$rootScope.isAuthenticated === true;
  }

  login(): void {
    this.lock.show();
  }

  logout(): void {
    this.tokenStorage.clear();
    this.authManager.unauthenticate();
  }

  // Set up the logic for when a user authenticates. Called from app.run.
  registerAuthenticationListener(): void {
    this.lock.on('authenticated', (authResult: AuthResult) => {
      this.tokenStorage.write(authResult.idToken);
      this.authManager.authenticate();
    });
    this.lock.on('authorization_error', (error: auth0.Auth0Error) => {
      this.$log.warn('Login failed:', error.errorDescription ?? error.error);
    });
  }

  checkAuthOnRefresh(): void {
    const token = this.tokenStorage.read();
    if (token) {
      if (!this.jwtHelper.isTokenExpired(token)) {
        if (!this.$rootScope.isAuthenticated) {
          this.authManager.authenticate();
        }
      }
    }
  }
}
