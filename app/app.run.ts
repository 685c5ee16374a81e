import type { AuthService } from '../components/auth';

/**
 * The tutorial's `app.run`: listen for Lock's `authenticated` event, restore the session from the
 * stored id_token, then let Lock parse the callback hash.
 */
export function appRun(authService: AuthService, lock: angular.lock.ILockService): void {
  authService.registerAuthenticationListener();
  authService.checkAuthOnRefresh();
  lock.interceptHash();
}
appRun.$inject = ['authService', 'lock'];
