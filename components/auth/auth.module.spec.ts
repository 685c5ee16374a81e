import angular from 'angular';
import 'angular-mocks';
import { authSessionModule } from './auth.module';
import type { AuthService } from './auth.service';
import { startSessionApp } from './testing/session-test-app';
import { testIdToken } from './testing/jwt';

type ScopeWithListeners = angular.IRootScopeService & { $$listeners: Record<string, unknown[] | undefined>; isAuthenticated?: boolean };

/** An injector for `auth0.session` with the real angular-lock service, configured by `configure`. */
function injectorWith(configure?: (authSessionProvider: { configure(options: unknown): void }) => void): angular.auto.IInjectorService {
  const modules: unknown[] = ['ng', 'ngMock', authSessionModule];
  if (configure) {
    modules.push(['authSessionProvider', configure]);
  }
  return angular.injector(modules as string[], true);
}

describe('the auth0.session module', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  it('says how to configure it when the app did not, as it starts', () => {
    expect(() => injectorWith()).toThrow(
      /auth0\.session is not configured: call authSessionProvider\.configure\(\{ domain: '…', clientID: '…' \}\)/
    );
  });

  it('fails at configuration, naming the option, for bad options', () => {
    expect(() =>
      injectorWith((provider) => {
        provider.configure({ domain: 'https://x.auth0.com/', clientID: 'c' });
      })
    ).toThrow(/`domain` "https:\/\/x\.auth0\.com\/" has a path or a trailing slash/);
    expect(() =>
      injectorWith((provider) => {
        provider.configure({ domain: 'x.auth0.com' });
      })
    ).toThrow(/`clientID` is missing/);
  });

  it('gives angular-lock the checked settings, and interceptHash registers its listener once however often it is called', () => {
    const injector = injectorWith((provider) => {
      provider.configure({ domain: 'http://127.0.0.1:3001', clientID: 'c' });
    });
    const $rootScope = injector.get<ScopeWithListeners>('$rootScope');
    const lock = injector.get<angular.lock.ILockService>('lock');
    const before = ($rootScope.$$listeners.$locationChangeStart ?? []).length;
    lock.interceptHash();
    lock.interceptHash();
    expect(($rootScope.$$listeners.$locationChangeStart ?? []).length).toBe(before + 1);
    expect(injector.get<{ domain: string; devTenant: boolean }>('authSession')).toMatchObject({
      domain: 'http://127.0.0.1:3001',
      devTenant: true
    });
  });

  it('keeps $rootScope.isAuthenticated as angular-jwt sets it, and the run block twice registers nothing twice', () => {
    const app = startSessionApp();
    const $rootScope = app.$rootScope as ScopeWithListeners;
    const unauthenticatedListeners = ($rootScope.$$listeners.unauthenticated ?? []).length;
    expect($rootScope.isAuthenticated).toBe(false);
    app.authService.registerAuthenticationListener();
    app.authService.checkAuthOnRefresh();
    app.authService.followExternalChanges();
    expect(app.lock.listenerCount('authenticated')).toBe(1);
    expect(app.lock.listenerCount('authorization_error')).toBe(1);
    expect(($rootScope.$$listeners.unauthenticated ?? []).length).toBe(unauthenticatedListeners);
    app.lock.emit('authenticated', { idToken: testIdToken(3600, { email: 'a@example.com' }) });
    expect($rootScope.isAuthenticated).toBe(true);
    expect(app.injector.get<AuthService>('authService').profile()?.email).toBe('a@example.com');
    app.authService.logoutLocally();
    expect($rootScope.isAuthenticated).toBe(false);
    expect(app.authService.profile()).toBeNull();
  });
});
