import angular from 'angular';
import { assertOwnAuthService, refuseForeignLockScripts } from './adoption-checks';
import { AuthSessionProvider } from './auth-session.provider';
import { authErrorComponent } from './auth-error.component';
import { AuthStatus } from './auth-status';
import { AuthService } from './auth.service';
import { LoginGuard } from './guards/login-guard';
import { LockWidget } from './lock-widget';
import { SilentRenewal } from './renewal';
import { ReturnTo } from './return-to';
import { ReturningVisitor } from './returning-visitor';
import { StoredSession } from './session';
import { SessionLifecycle } from './session-lifecycle';
import { sessionNoticeComponent } from './session-notice.component';
import { TokenStorage } from './token-storage';
import { ANGULAR_JWT_MODULE, configureAngularJwt } from './vendor/angular-jwt';
import { ANGULAR_LOCK_MODULE, decorateLock } from './vendor/angular-lock';
import { LockFocus } from './vendor/lock-focus';

/** The module's own start: the login guard, the session followed across tabs and API 401s, and Lock's widget. */
function startAuthSession(loginGuard: LoginGuard, authService: AuthService, lockWidget: LockWidget, lockFocus: LockFocus): void {
  assertOwnAuthService(authService);
  loginGuard.install();
  authService.followExternalChanges();
  lockWidget.follow();
  lockFocus.follow();
}
startAuthSession.$inject = ['loginGuard', 'authService', 'lockWidget', 'lockFocus'];

/**
 * `auth0.session`: everything session handling needs, for any AngularJS 1.5+ app with ui-router
 * 1.x or 0.x, ngRoute, or no router. Configure it with `authSessionProvider.configure()`; the app's
 * run block is the tutorial's three lines.
 */
export const authSessionModule = angular
  .module('auth0.session', [ANGULAR_LOCK_MODULE, ANGULAR_JWT_MODULE])
  .provider('authSession', AuthSessionProvider)
  .config(refuseForeignLockScripts)
  .config(decorateLock)
  .config(configureAngularJwt)
  .service('tokenStorage', TokenStorage)
  .service('storedSession', StoredSession)
  .service('authStatus', AuthStatus)
  .service('silentRenewal', SilentRenewal)
  .service('sessionLifecycle', SessionLifecycle)
  .service('returnTo', ReturnTo)
  .service('returningVisitor', ReturningVisitor)
  .service('loginGuard', LoginGuard)
  .service('lockWidget', LockWidget)
  .service('authService', AuthService)
  .service('lockFocus', LockFocus)
  .component('authError', authErrorComponent)
  .component('sessionNotice', sessionNoticeComponent)
  .run(startAuthSession).name;
