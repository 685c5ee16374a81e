import angular from 'angular';
import uiRouter, { type StateService, type UIRouterGlobals } from '@uirouter/angularjs';
import { startSessionApp, uiRouterStates, type TestApp } from '../testing/session-test-app';
import { HOSTILE_TOKENS } from '../testing/hostile-tokens';
import { testIdToken } from '../testing/jwt';
import type { AuthService } from '../auth.service';
import { RENEWAL_JITTER_MS } from '../renewal/renewal-timing';
import { advanceClock, useFakeClock } from '../testing/clock';

type ExceptionLog = angular.IExceptionHandlerService & { errors: unknown[] };

/** Boots the module in a ui-router 1.x app, with angular-mocks' $exceptionHandler in log mode, so reports can be counted. */
function boot(): TestApp {
  angular.mock.module(($exceptionHandlerProvider: angular.IExceptionHandlerProvider) => {
    $exceptionHandlerProvider.mode('log');
  });
  return startSessionApp({ routerModule: uiRouter, routes: uiRouterStates });
}

describe('session lifecycle beyond the tutorial', () => {
  useFakeClock();

  describe('hostile storage', () => {
    it.each(Object.entries(HOSTILE_TOKENS))('boots logged out with %s, removes it, reports nothing', (_name, value) => {
      localStorage.setItem('id_token', value);
      const app = boot();
      const $rootScope = app.injector.get<angular.IRootScopeService>('$rootScope');
      $rootScope.$digest();
      expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(false);
      expect(localStorage.getItem('id_token')).toBeNull();
      expect(app.injector.get<ExceptionLog>('$exceptionHandler').errors).toEqual([]);
    });
  });

  describe('expiry while open', () => {
    it("logs out at the token's exp, without a navigation, and cancels on logout", () => {
      localStorage.setItem('id_token', testIdToken(30));
      const app = boot();
      const authService = app.injector.get<AuthService>('authService');
      const $timeout = app.injector.get<angular.ITimeoutService>('$timeout');
      expect(authService.isAuthenticated()).toBe(true);
      jest.advanceTimersByTime(29_000);
      $timeout.flush(29_000);
      expect(authService.isAuthenticated()).toBe(true);
      jest.advanceTimersByTime(1_000);
      $timeout.flush(1_000);
      expect(authService.isAuthenticated()).toBe(false);
      expect(localStorage.getItem('id_token')).toBeNull();
      $timeout.verifyNoPendingTasks();
    });

    it('leaves a guarded state for login when the token expires there, and comes back after login', () => {
      localStorage.setItem('id_token', testIdToken(10));
      const app = boot();
      const $state = app.injector.get<StateService>('$state');
      const $uiRouterGlobals = app.injector.get<UIRouterGlobals>('$uiRouterGlobals');
      const $rootScope = app.injector.get<angular.IRootScopeService>('$rootScope');
      const $timeout = app.injector.get<angular.ITimeoutService>('$timeout');
      $rootScope.$digest();
      void $state.go('profile');
      $rootScope.$digest();
      expect($uiRouterGlobals.current.name).toBe('profile');
      jest.advanceTimersByTime(10_000);
      $timeout.flush(10_000);
      $rootScope.$digest();
      expect($uiRouterGlobals.current.name).toBe('login');
      app.lock.emit('authenticated', { idToken: testIdToken(3600) });
      $rootScope.$digest();
      expect($uiRouterGlobals.current.name).toBe('profile');
    });
  });

  describe('silent renewal', () => {
    it('renews before expiry and keeps the user in when the tenant session is alive', () => {
      localStorage.setItem('id_token', testIdToken(600));
      const app = boot();
      advanceClock(app.injector, 540_000 + RENEWAL_JITTER_MS + 1000);
      expect(app.lock.checkSession).toHaveBeenCalledTimes(1);
      const renewed = testIdToken(1200);
      app.lock.checkSession.mock.calls[0]?.[1](null, { idToken: renewed });
      expect(localStorage.getItem('id_token')).toBe(renewed);
      advanceClock(app.injector, 61_000);
      expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(true);
    });

    it('logs out at expiry when the tenant session is gone', () => {
      localStorage.setItem('id_token', testIdToken(600));
      const app = boot();
      advanceClock(app.injector, 540_000 + RENEWAL_JITTER_MS + 1000);
      app.lock.checkSession.mock.calls[0]?.[1]({ error: 'login_required' });
      expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(true);
      advanceClock(app.injector, 57_000);
      expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(false);
    });
  });

  describe('other tabs', () => {
    function storageEvent(key: string | null): void {
      window.dispatchEvent(new StorageEvent('storage', { key }));
    }

    it('follows a login and a logout made in another tab', () => {
      const app = boot();
      const authService = app.injector.get<AuthService>('authService');
      const $rootScope = app.injector.get<angular.IRootScopeService>('$rootScope');
      localStorage.setItem('id_token', testIdToken(3600));
      storageEvent('id_token');
      $rootScope.$digest();
      expect(authService.isAuthenticated()).toBe(true);
      localStorage.removeItem('id_token');
      storageEvent('id_token');
      $rootScope.$digest();
      expect(authService.isAuthenticated()).toBe(false);
    });

    it('ignores other keys and treats localStorage.clear() (key null) as a logout', () => {
      localStorage.setItem('id_token', testIdToken(3600));
      const app = boot();
      const authService = app.injector.get<AuthService>('authService');
      const $rootScope = app.injector.get<angular.IRootScopeService>('$rootScope');
      storageEvent('something_else');
      $rootScope.$digest();
      expect(authService.isAuthenticated()).toBe(true);
      localStorage.clear();
      storageEvent(null);
      $rootScope.$digest();
      expect(authService.isAuthenticated()).toBe(false);
    });
  });

  it('ends the session when a request that carried the token gets a 401, not for other 401s', () => {
    localStorage.setItem('id_token', testIdToken(3600));
    const app = boot();
    const $rootScope = app.injector.get<angular.IRootScopeService>('$rootScope');
    $rootScope.$broadcast('unauthenticated', { config: { headers: {} } });
    expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(true);
    $rootScope.$broadcast('unauthenticated', { config: { headers: { Authorization: 'Bearer x' } } });
    expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(false);
    expect(localStorage.getItem('id_token')).toBeNull();
  });
});
