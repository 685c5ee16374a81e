import angular from 'angular';
import { AuthSessionProvider } from './auth-session.provider';
import { authErrorComponent } from './auth-error.component';
import { AuthService } from './auth.service';
import { LoginGuard } from './guards/login-guard';
import { ReturnTo } from './return-to';
import { StoredSession } from './session';
import { SessionTimers } from './session-timers';
import { TokenStorage } from './token-storage';
import { ANGULAR_JWT_MODULE, configureAngularJwt } from './vendor/angular-jwt';
import { ANGULAR_LOCK_MODULE, decorateLock } from './vendor/angular-lock';
import { LockFocus } from './vendor/lock-focus';

/** The module's own start: the login guard, the session followed across tabs and API 401s, and Lock's widget. */
function startAuthSession(loginGuard: LoginGuard, authService: AuthService, lockFocus: LockFocus): void {
  loginGuard.install();
  authService.followExternalChanges();
  authService.followLockWidget();
  lockFocus.follow();
}
startAuthSession.$inject = ['loginGuard', 'authService', 'lockFocus'];

/**
 * `auth0.session`: everything session handling needs, for any AngularJS 1.5+ app with ui-router
 * 1.x or 0.x, ngRoute, or no router. Configure it with `authSessionProvider.configure()`; the app's
 * run block is the tutorial's three lines.
 */
export const authSessionModule = angular
  .module('auth0.session', [ANGULAR_LOCK_MODULE, ANGULAR_JWT_MODULE])
  .provider('authSession', AuthSessionProvider)
  .config(decorateLock)
  .config(configureAngularJwt)
  .service('tokenStorage', TokenStorage)
  .service('storedSession', StoredSession)
  .service('sessionTimers', SessionTimers)
  .service('returnTo', ReturnTo)
  .service('loginGuard', LoginGuard)
  .service('authService', AuthService)
  .service('lockFocus', LockFocus)
  .component('authError', authErrorComponent)
  .run(startAuthSession).name;
