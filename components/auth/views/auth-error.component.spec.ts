import { startSessionApp, type TestApp } from '../testing/session-test-app';

describe('<auth-error>', () => {
  let app: TestApp;
  let element: JQLite;

  beforeEach(() => {
    localStorage.clear();
    app = startSessionApp();
    element = app.injector.get<angular.ICompileService>('$compile')('<auth-error></auth-error>')(app.$rootScope.$new());
    app.$rootScope.$digest();
  });

  const shown = (): string | null => element[0].querySelector('.auth-error[role="alert"]')?.textContent ?? null;

  it('shows the last login failure', () => {
    expect(shown()).toBeNull();
    app.lock.emit('authorization_error', { error: 'access_denied', errorDescription: 'Wrong email or password.' });
    app.$rootScope.$digest();
    expect(shown()).toBe('Login failed: Wrong email or password.');
  });

  it('stays out of the way while Lock is open and shows the failure itself, and appears once Lock is closed', () => {
    app.lock.emit('show');
    app.lock.emit('authorization_error', { error: 'access_denied', errorDescription: 'Wrong email or password.' });
    app.$rootScope.$digest();
    expect(shown()).toBeNull();
    app.lock.emit('hide');
    app.$rootScope.$digest();
    expect(shown()).toBe('Login failed: Wrong email or password.');
  });
});
