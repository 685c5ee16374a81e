import { startAppWithFakeLock, type TestApp } from '../../app/testing/app-test-module';
import { testIdToken } from '../auth/testing';
import type { AuthService } from '../auth';

describe('<navbar>', () => {
  let app: TestApp;
  let $rootScope: angular.IRootScopeService;
  let nav: HTMLElement;

  beforeEach(() => {
    localStorage.clear();
    app = startAppWithFakeLock();
    $rootScope = app.injector.get<angular.IRootScopeService>('$rootScope');
    const element = app.injector.get<angular.ICompileService>('$compile')('<navbar></navbar>')($rootScope.$new());
    $rootScope.$digest();
    const root = element[0].querySelector('nav');
    if (!root) throw new Error('<navbar> has no <nav>');
    nav = root;
  });

  const buttons = (): string[] => Array.from(nav.querySelectorAll('button'), (button) => button.textContent.trim());

  it('is a labelled navigation landmark whose brand is a link, not a button', () => {
    expect(nav.getAttribute('aria-label')).toBe('Main');
    expect(nav.querySelector('.navbar-brand')?.tagName).toBe('A');
    expect(buttons()).toEqual(['Log In']);
  });

  it('keeps the label "Log In" and says it is busy while Lock loads, until Lock shows', () => {
    const logIn = nav.querySelector('button');
    logIn?.click();
    expect(app.lock.show).toHaveBeenCalledTimes(1);
    expect(logIn?.getAttribute('aria-busy')).toBe('true');
    expect(buttons()).toEqual(['Log In']);
    app.lock.emit('show');
    $rootScope.$digest();
    expect(logIn?.getAttribute('aria-busy')).toBe('false');
  });

  it('offers Profile and Log Out once logged in', () => {
    app.lock.emit('authenticated', { idToken: testIdToken(3600) });
    $rootScope.$digest();
    expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(true);
    expect(buttons()).toEqual(['Log Out']);
    expect(Array.from(nav.querySelectorAll('.navbar-links a'), (link) => link.textContent)).toEqual(['Home', 'Profile', 'Ping']);
  });
});
