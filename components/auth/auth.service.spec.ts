import uiRouter from '@uirouter/angularjs';
import { startSessionApp, uiRouterStates, type TestApp } from './testing/session-test-app';
import { testIdToken } from './testing/jwt';
import type { AuthService } from './auth.service';
import type { LoginEngine } from './engines/login-engine';

type RootScope = angular.IRootScopeService & { isAuthenticated?: boolean };

describe('authService', () => {
  const validToken = testIdToken(3600);
  const expiredToken = testIdToken(-60);
  let app: TestApp;
  let authService: AuthService;
  let $rootScope: RootScope;

  beforeEach(() => {
    localStorage.clear();
    app = startSessionApp({ routerModule: uiRouter, routes: uiRouterStates });
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

  it('logout removes the token, unauthenticates and ends the tenant session', () => {
    app.lock.emit('authenticated', { idToken: validToken });
    authService.logout();
    expect(localStorage.getItem('id_token')).toBeNull();
    expect(authService.isAuthenticated()).toBe(false);
    expect(app.lock.logout).toHaveBeenCalledWith({ returnTo: `${window.location.origin}/` });
  });

  it("logoutLocally is the tutorial's logout: the tenant session stays", () => {
    app.lock.emit('authenticated', { idToken: validToken });
    authService.logoutLocally();
    expect(localStorage.getItem('id_token')).toBeNull();
    expect(authService.isAuthenticated()).toBe(false);
    expect(app.lock.logout).not.toHaveBeenCalled();
  });

  describe('login errors (shown inline, nothing stored)', () => {
    it.each([
      [{ error: 'access_denied', errorDescription: 'Wrong email or password.' }, 'Login failed: Wrong email or password.'],
      [{ error: 'invalid_token', errorDescription: '`state` does not match.' }, 'Login failed: `state` does not match.'],
      [{ error: 'access_denied', error_description: 'User cancelled' }, 'Login failed: User cancelled'],
      [{ error: 'login_required' }, 'Login failed: login_required'],
      ['a string, not an object', 'Login failed. Please try again.']
    ])('%p → %s', (error, message) => {
      app.lock.emit('authorization_error', error);
      expect(authService.error).toBe(message);
      expect(localStorage.getItem('id_token')).toBeNull();
      expect(authService.isAuthenticated()).toBe(false);
    });

    it('refuses an authenticated event whose token is for another client', () => {
      app.lock.emit('authenticated', { idToken: testIdToken(3600, { aud: 'another-client' }) });
      expect(localStorage.getItem('id_token')).toBeNull();
      expect(authService.isAuthenticated()).toBe(false);
    });

    it('refuses an authenticated event whose token is unusable', () => {
      app.lock.emit('authenticated', { idToken: expiredToken });
      expect(localStorage.getItem('id_token')).toBeNull();
      expect(authService.isAuthenticated()).toBe(false);
      expect(authService.error).toMatch(/cannot be used/);
    });

    it('clears the message on the next attempt and after a successful login', () => {
      app.lock.emit('authorization_error', { error: 'access_denied' });
      authService.login();
      expect(authService.error).toBeNull();
      app.lock.emit('authorization_error', { error: 'access_denied' });
      app.lock.emit('authenticated', { idToken: validToken });
      expect(authService.error).toBeNull();
    });
  });

  describe("Lock's widget: busy while it loads, and its own errors while it is open", () => {
    it('is pending from login() until Lock shows, then open until Lock hides', () => {
      authService.login();
      expect(authService.loginPending).toBe(true);
      expect(authService.lockOpen).toBe(false);
      app.lock.emit('show');
      expect(authService.loginPending).toBe(false);
      expect(authService.lockOpen).toBe(true);
      app.lock.emit('hide');
      expect(authService.lockOpen).toBe(false);
    });

    it('does not wait for a show that will not come: login() while Lock is open', () => {
      app.lock.emit('show');
      authService.login();
      expect(authService.loginPending).toBe(false);
    });

    it('ends the wait when Lock cannot be loaded, and says so on the page and the console', () => {
      const $log = app.injector.get<angular.ILogService & { error: { logs: unknown[][] } }>('$log');
      authService.login();
      const failure = new Error('Loading chunk lock failed.');
      app.lock.emit('unrecoverable_error', failure);
      expect(authService.loginPending).toBe(false);
      expect(authService.error).toBe('The login form could not be loaded. Please try again.');
      expect($log.error.logs).toEqual([['Lock:', failure]]);
      authService.login();
      expect(authService.loginPending).toBe(true);
    });

    it('follows the widget once, however often it is asked to', () => {
      const events = ['show', 'hide', 'unrecoverable_error'];
      const listeners = events.map((event) => app.lock.listenerCount(event));
      const loginEngine = app.injector.get<LoginEngine>('loginEngine');
      loginEngine.follow();
      loginEngine.follow();
      expect(events.map((event) => app.lock.listenerCount(event))).toEqual(listeners);
    });
  });

  it('profile() gives the claims of the stored token while logged in', () => {
    expect(authService.profile()).toBeNull();
    app.lock.emit('authenticated', { idToken: testIdToken(60, { sub: 'auth0|7', email: 'a@example.com', name: 'A' }) });
    expect(authService.profile()).toMatchObject({ sub: 'auth0|7', email: 'a@example.com', name: 'A' });
  });
});
