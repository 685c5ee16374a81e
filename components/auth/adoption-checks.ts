/**
 * What an app adopting auth0.session from the tutorial's code may have kept, caught as it starts,
 * with a message that says what to remove. Without these: `e.followExternalChanges is not a function`
 * (the tutorial's own authService), or a login that fails at the callback with only
 * `ReferenceError: Auth0 is not defined` (an old angular-lock script that replaced the module's).
 */
import angular from 'angular';
import { AuthService } from './auth.service';
import { ANGULAR_LOCK_MODULE, ownAngularLockModule, ownAuth0Lock } from './engines/lock/angular-lock';

const PREFIX = 'auth0.session:';

/**
 * An error thrown while AngularJS loads modules reaches the console as `[$injector:modulerr]` with
 * the message URL-encoded (angular.min.js): so it is also written to the console as it is.
 */
function startupError(message: string): Error {
  console.error(message);
  return new Error(message);
}

/** Run block: the `authService` the app gets is the module's, not one the app registered over it. */
export function assertOwnAuthService(authService: unknown): void {
  if (!(authService instanceof AuthService)) {
    throw startupError(
      `${PREFIX} the app's \`authService\` is not auth0.session's: the app registers its own, which replaces it ` +
        "(the tutorial's components/auth/auth.service.js: `angular.module('app').service('authService', …)`). " +
        'Remove that file and its <script> tag (or import): auth0.session provides authService, with the same ' +
        'login(), logout(), registerAuthenticationListener() and checkAuthOnRefresh().'
    );
  }
}

interface LockGlobal {
  Auth0Lock?: { version?: unknown };
}

/** What replaced the module's angular-lock or Lock since it loaded: scripts the page still loads. */
export function foreignLockScripts(page: LockGlobal): string[] {
  const found: string[] = [];
  if (angular.module(ANGULAR_LOCK_MODULE) !== ownAngularLockModule) {
    found.push(
      `a second angular-lock registered the module '${ANGULAR_LOCK_MODULE}' after auth0.session, replacing its own ` +
        '(logins would then fail with "Auth0 is not defined"): remove the <script> tag of angular-lock (angular-lock.js)'
    );
  }
  if (page.Auth0Lock !== ownAuth0Lock) {
    const version = typeof page.Auth0Lock?.version === 'string' ? ` ${page.Auth0Lock.version}` : '';
    found.push(
      `a Lock script (Auth0Lock${version}) replaced the Lock auth0.session loads on demand: remove the <script> tag of Lock (lock.min.js)`
    );
  }
  return found;
}

/** Config block: fails the start, naming each script, when the page still loads its own angular-lock or Lock. */
export function refuseForeignLockScripts(): void {
  const found = foreignLockScripts(window as LockGlobal);
  if (found.length > 0) {
    throw startupError(
      `${PREFIX} ${found.join('; and ')}. auth0.session brings angular-lock 3.1, Lock 14 and auth0-js 10: the page needs no other.`
    );
  }
}
