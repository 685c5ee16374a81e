// The login guard's behaviour, the same for every router: each router's spec runs these cases.
import { startSessionApp, type SessionAppSetup, type TestApp } from '../testing/session-test-app';
import { testIdToken } from '../testing/jwt';
import type { ReturnTo } from './return-to';

/** A listener or hook; only its name is looked at. */
export type NamedFunction = (...args: never[]) => unknown;

export interface GuardUnderTest {
  readonly setup: SessionAppSetup;
  /** The home route in this router's terms, to test `loginState`. */
  readonly homeRoute: string;
  /** The callbacks the router calls before a navigation: the guard's, and angular-jwt's if it had one. */
  readonly navigationHooks: (app: TestApp) => NamedFunction[];
  /** True for routers whose hooks are only the app's (event listeners), not the router's own. */
  readonly hooksAreListeners: boolean;
}

/** Navigates to `url` as the address bar would, and says where the router ended up. */
export function visit(app: TestApp, url: string): string {
  const $location = app.injector.get<angular.ILocationService>('$location');
  $location.url(url);
  app.$rootScope.$digest();
  app.$rootScope.$digest();
  return $location.url();
}

/** A login's callback (angular-lock's `authenticated`), and where the router then goes. */
export function logIn(app: TestApp): string {
  app.lock.emit('authenticated', { idToken: testIdToken(3600) });
  app.$rootScope.$digest();
  app.$rootScope.$digest();
  return app.injector.get<angular.ILocationService>('$location').url();
}

export function loginGuardContract(guard: GuardUnderTest): void {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('sends an anonymous deep link to login, then back to it (query included) after logging in', () => {
    const app = startSessionApp(guard.setup);
    expect(visit(app, '/profile?tab=keys')).toBe('/login');
    expect(logIn(app)).toBe('/profile?tab=keys');
    expect(app.authService.isAuthenticated()).toBe(true);
  });

  it('lets a logged-in user in', () => {
    localStorage.setItem('id_token', testIdToken(3600));
    const app = startSessionApp(guard.setup);
    expect(visit(app, '/profile?tab=keys')).toBe('/profile?tab=keys');
  });

  it('boots signed out with a junk token, removes it, and guards', () => {
    localStorage.setItem('id_token', 'junk.junk.junk');
    const app = startSessionApp(guard.setup);
    expect(visit(app, '/profile')).toBe('/login');
    expect(localStorage.getItem('id_token')).toBeNull();
    expect(app.$rootScope.isAuthenticated).toBe(false);
  });

  it('leaves a guarded page for login when the session ends there, and comes back after login', () => {
    localStorage.setItem('id_token', testIdToken(3600));
    const app = startSessionApp(guard.setup);
    visit(app, '/profile?tab=keys');
    app.authService.logoutLocally();
    app.$rootScope.$digest();
    expect(app.injector.get<angular.ILocationService>('$location').url()).toBe('/login');
    expect(logIn(app)).toBe('/profile?tab=keys');
  });

  it('leaves the login page for the default route after a login that nothing asked for', () => {
    const app = startSessionApp(guard.setup);
    expect(visit(app, '/login')).toBe('/login');
    expect(logIn(app)).toBe('/home');
  });

  it("returns to a remembered URL (a returning visitor's round trip from any page), whatever the router", () => {
    const app = startSessionApp(guard.setup);
    visit(app, '/login');
    app.injector.get<ReturnTo>('returnTo').remember({ url: '/profile?tab=keys' });
    expect(logIn(app)).toBe('/profile?tab=keys');
  });

  it('goes back once: a second login stays where it is', () => {
    const app = startSessionApp(guard.setup);
    visit(app, '/profile');
    logIn(app);
    expect(visit(app, '/home')).toBe('/home');
    expect(logIn(app)).toBe('/home');
  });

  it("is the only guard, even once angular-jwt's authManager is up, and the run block twice adds nothing", () => {
    const app = startSessionApp(guard.setup);
    app.injector.get('authManager');
    app.authService.registerAuthenticationListener();
    app.authService.checkAuthOnRefresh();
    app.injector.get<{ install(): void }>('loginGuard').install();
    const hooks = guard.navigationHooks(app);
    // angular-jwt 0.1.11 names its guards verifyState (ui-router 1.x) and verifyRoute (the events).
    expect(hooks.map((hook) => hook.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^verify(State|Route)$/)]));
    if (guard.hooksAreListeners) {
      expect(hooks).toHaveLength(1);
    }
    expect(app.lock.listenerCount('authenticated')).toBe(1);
  });

  it('honours loginState', () => {
    const app = startSessionApp({ ...guard.setup, options: { loginState: guard.homeRoute } });
    expect(visit(app, '/profile')).toBe('/home');
  });
}
