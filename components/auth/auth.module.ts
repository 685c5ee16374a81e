import angular from 'angular';
import { assertOwnAuthService, refuseForeignLockScripts } from './adoption-checks';
import { AuthSessionProvider } from './settings/auth-session.provider';
import { authErrorComponent } from './views/auth-error.component';
import { AuthService } from './auth.service';
import { LoginGuard } from './guards/login-guard';
import type { LoginEngine } from './engines/login-engine';
import { chooseLoginEngine, lockOrUniversalFace } from './engines/engine-choice';
import { takeCallbackBeforeAngularReadsTheAddress } from './engines/universal/callback-address';
import { createSpaClientLoader } from './engines/universal/spa-client';
import { SessionState } from './session/session-state';
import { SilentRenewal } from './renewal/renewal';
import { RenewalLease } from './renewal/renewal-lease';
import { ReturnTo } from './guards/return-to';
import { ReturningVisitor } from './renewal/returning-visitor';
import { StoredSession } from './session/stored-session';
import { SessionLifecycle } from './session/session-lifecycle';
import { sessionNoticeComponent } from './views/session-notice.component';
import { TokenStorage } from './session/token-storage';
import { ANGULAR_JWT_MODULE, configureAngularJwt } from './engines/lock/angular-jwt';
import { ANGULAR_LOCK_MODULE, createLockStandIn, decorateLock, withInjectedLock } from './engines/lock/angular-lock';
import { LockFocus } from './engines/lock/lock-focus';

/** The module's own start: the login guard, the session followed across tabs and API 401s, and the login engine's UI. */
function startAuthSession(loginGuard: LoginGuard, authService: AuthService, loginEngine: LoginEngine): void {
  assertOwnAuthService(authService);
  loginGuard.install();
  authService.followExternalChanges();
  loginEngine.follow();
}
startAuthSession.$inject = ['loginGuard', 'authService', 'loginEngine'];

/**
 * `auth0.session`: everything session handling needs, for any AngularJS 1.5+ app with ui-router
 * 1.x or 0.x, ngRoute, or no router. Configure it with `authSessionProvider.configure()`; the app's
 * run block is the tutorial's three lines.
 */
export const authSessionModule = angular
  .module('auth0.session', [ANGULAR_LOCK_MODULE, ANGULAR_JWT_MODULE])
  .provider('authSession', AuthSessionProvider)
  .config(refuseForeignLockScripts)
  .config(withInjectedLock)
  .config(decorateLock)
  // After the two above: it wraps the `$get` they leave (engine-choice.ts).
  .config(lockOrUniversalFace)
  .config(takeCallbackBeforeAngularReadsTheAddress)
  .config(configureAngularJwt)
  .factory('lockStandIn', createLockStandIn)
  .factory('spaClient', createSpaClientLoader)
  .service('tokenStorage', TokenStorage)
  .service('storedSession', StoredSession)
  .service('sessionState', SessionState)
  .service('renewalLease', RenewalLease)
  .service('silentRenewal', SilentRenewal)
  .service('sessionLifecycle', SessionLifecycle)
  .service('returnTo', ReturnTo)
  .service('returningVisitor', ReturningVisitor)
  .service('loginGuard', LoginGuard)
  .factory('loginEngine', chooseLoginEngine)
  .service('authService', AuthService)
  .service('lockFocus', LockFocus)
  .component('authError', authErrorComponent)
  .component('sessionNotice', sessionNoticeComponent)
  .run(startAuthSession).name;
