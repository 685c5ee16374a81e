import { startAppWithFakeLock, type TestApp } from '../../app/testing/app-test-module';
import { nowInSeconds, unsignedJwt } from '../../app/testing/fake-lock';
import type { AuthService } from './auth.service';

type RootScope = angular.IRootScopeService & { isAuthenticated?: boolean };

describe('authService', () => {
  const validToken = unsignedJwt({ sub: 'auth0|1', exp: nowInSeconds() + 3600 });
  const expiredToken = unsignedJwt({ sub: 'auth0|1', exp: nowInSeconds() - 60 });
  let app: TestApp;
  let authService: AuthService;
  let $rootScope: RootScope;

  beforeEach(() => {
    localStorage.clear();
    app = startAppWithFakeLock();
    authService = app.injector.get<AuthService>('authService');
    $rootScope = app.injector.get<RootScope>('$rootScope');
    // Start each case logged out and without the run block's listener, as a fresh service.
    $rootScope.isAuthenticated = false;
  });

  describe('registerAuthenticationListener (Create Session)', () => {
    it('stores the id_token and authenticates when Lock emits authenticated', () => {
      app.lock.emit('authenticated', { idToken: validToken });
      expect(localStorage.getItem('id_token')).toBe(validToken);
      expect(authService.isAuthenticated()).toBe(true);
    });

    it('stores nothing when Lock reports an authorization error', () => {
      app.lock.emit('authorization_error', { error: 'invalid_token', errorDescription: 'nonce mismatch' });
      expect(localStorage.getItem('id_token')).toBeNull();
      expect(authService.isAuthenticated()).toBe(false);
    });
  });

  describe('checkAuthOnRefresh (Check Session)', () => {
    it('authenticates with a stored, unexpired token', () => {
      localStorage.setItem('id_token', validToken);
      authService.checkAuthOnRefresh();
      expect($rootScope.isAuthenticated).toBe(true);
    });

    it('stays logged out with an expired token', () => {
      localStorage.setItem('id_token', expiredToken);
      authService.checkAuthOnRefresh();
      expect($rootScope.isAuthenticated).toBe(false);
    });

    it('stays logged out with no token', () => {
      authService.checkAuthOnRefresh();
      expect($rootScope.isAuthenticated).toBe(false);
    });
  });

  it('login shows Lock', () => {
    authService.login();
    expect(app.lock.show).toHaveBeenCalledTimes(1);
  });

  it('logout removes the token and unauthenticates', () => {
    app.lock.emit('authenticated', { idToken: validToken });
    authService.logout();
    expect(localStorage.getItem('id_token')).toBeNull();
    expect(authService.isAuthenticated()).toBe(false);
  });
});
