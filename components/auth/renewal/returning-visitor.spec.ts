import uiRouter from '@uirouter/angularjs';
import { logIn, visit } from '../guards/login-guard.contract';
import { SIGN_IN_AGAIN_KEY } from './returning-visitor';
import { testIdToken } from '../testing/jwt';
import { startAnotherTab, startSessionApp, uiRouterStates, type SessionAppSetup, type TestApp } from '../testing/session-test-app';

const withRouter: SessionAppSetup = { routerModule: uiRouter, routes: uiRouterStates };
const LOGIN_REQUIRED = { error: 'login_required', errorDescription: 'Login required' };

/** Nothing left for later: no timer (renewal, expiry) that could start a checkSession or another redirect. */
function settle(app: TestApp): void {
  app.$rootScope.$digest();
  app.injector.get<(kind: string) => void>('$verifyNoPendingTasks')('$timeout');
}

/** The page coming back from the tenant: a new boot of the app in this tab, with `hash` in its URL. */
function bootWithHash(hash: string, setup: SessionAppSetup = withRouter): TestApp {
  window.location.hash = hash;
  return startAnotherTab(setup);
}

describe('a returning visitor with an expired token', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    window.location.hash = '';
  });

  afterEach(() => {
    window.location.hash = '';
  });

  it('is sent to the tenant once, top-level with prompt=none: the token removed, no renewal, nothing else', () => {
    localStorage.setItem('id_token', testIdToken(-60));
    const app = startSessionApp(withRouter);
    app.authService.checkAuthOnRefresh();
    settle(app);
    expect(app.lock.authorize).toHaveBeenCalledTimes(1);
    expect(app.lock.authorize).toHaveBeenCalledWith({ prompt: 'none' });
    expect(app.lock.checkSession).not.toHaveBeenCalled();
    expect(localStorage.getItem('id_token')).toBeNull();
    expect(app.authService.isAuthenticated()).toBe(false);
    expect(sessionStorage.getItem(SIGN_IN_AGAIN_KEY)).not.toBeNull();
  });

  it('is not sent while the token has seconds left: the session resumes, to end while open or be renewed', () => {
    localStorage.setItem('id_token', testIdToken(3));
    const app = startSessionApp(withRouter);
    expect(app.lock.authorize).not.toHaveBeenCalled();
    expect(app.authService.isAuthenticated()).toBe(true);
  });

  it('is not sent again by the next boot of the tab, however it ended: no loop', () => {
    localStorage.setItem('id_token', testIdToken(-60));
    startSessionApp(withRouter);
    localStorage.setItem('id_token', testIdToken(-60));
    const again = startAnotherTab(withRouter);
    settle(again);
    expect(again.lock.authorize).not.toHaveBeenCalled();
    expect(localStorage.getItem('id_token')).toBeNull();
    expect(again.authService.isAuthenticated()).toBe(false);
  });

  it('lands logged out with no message when the tenant answers login_required, on the login page for a guarded deep link, and is not sent again', () => {
    localStorage.setItem('id_token', testIdToken(-60));
    expect(visit(startSessionApp(withRouter), '/profile')).toBe('/login');
    const back = bootWithHash('#error=login_required&error_description=Login%20required');
    expect(visit(back, '/home')).toBe('/home');
    back.lock.emit('authorization_error', LOGIN_REQUIRED);
    settle(back);
    expect(back.injector.get<angular.ILocationService>('$location').url()).toBe('/login');
    expect(back.lock.authorize).not.toHaveBeenCalled();
    expect(back.authService.error).toBeNull();
    expect(back.authService.isAuthenticated()).toBe(false);
    window.location.hash = '';
    localStorage.setItem('id_token', testIdToken(-60));
    const later = startAnotherTab(withRouter);
    expect(later.lock.authorize).not.toHaveBeenCalled();
  });

  it('still shows login_required as an error when this tab made no round trip (a login that failed)', () => {
    const app = bootWithHash('#error=login_required');
    app.lock.emit('authorization_error', LOGIN_REQUIRED);
    expect(app.lock.authorize).not.toHaveBeenCalled();
    expect(app.authService.error).toMatch(/Login required/);
  });

  it('comes back to the guarded deep link it asked for, logged in, the flag cleared', () => {
    localStorage.setItem('id_token', testIdToken(-60));
    const app = startSessionApp(withRouter);
    // The router's first sync, while the redirect is on its way: the guard notes the deep link.
    expect(visit(app, '/profile?tab=keys')).toBe('/login');
    expect(app.lock.authorize).toHaveBeenCalledTimes(1);
    const back = bootWithHash('#access_token=a&id_token=b');
    expect(logIn(back)).toBe('/profile?tab=keys');
    expect(back.authService.isAuthenticated()).toBe(true);
    expect(sessionStorage.getItem(SIGN_IN_AGAIN_KEY)).toBeNull();
  });

  it('comes back to the guarded deep link even when the check runs after the guard turned it away (an app calling checkAuthOnRefresh late)', () => {
    localStorage.setItem('id_token', testIdToken(-60));
    const app = startSessionApp({ ...withRouter, tutorialRunBlock: false });
    expect(visit(app, '/profile?tab=keys')).toBe('/login');
    app.authService.checkAuthOnRefresh();
    settle(app);
    expect(app.lock.authorize).toHaveBeenCalledTimes(1);
    const back = bootWithHash('#access_token=a&id_token=b');
    expect(logIn(back)).toBe('/profile?tab=keys');
  });

  it('may be sent again after a logout: that clears the flag', () => {
    localStorage.setItem('id_token', testIdToken(-60));
    const app = startSessionApp(withRouter);
    app.authService.logout();
    expect(sessionStorage.getItem(SIGN_IN_AGAIN_KEY)).toBeNull();
    localStorage.setItem('id_token', testIdToken(-60));
    const again = startAnotherTab(withRouter);
    expect(again.lock.authorize).toHaveBeenCalledTimes(1);
  });

  it('is not sent with a valid token: the session is resumed', () => {
    localStorage.setItem('id_token', testIdToken(3600));
    const app = startSessionApp(withRouter);
    expect(app.lock.authorize).not.toHaveBeenCalled();
    expect(app.authService.isAuthenticated()).toBe(true);
  });

  it('is not sent when silent renewal is off (a real tenant by default)', () => {
    localStorage.setItem('id_token', testIdToken(-60));
    const app = startSessionApp({ ...withRouter, options: { silentRenewal: false } });
    expect(app.lock.authorize).not.toHaveBeenCalled();
    expect(localStorage.getItem('id_token')).toBeNull();
  });

  it('is not sent for what is no token of ours (junk, another client): nobody was logged in', () => {
    localStorage.setItem('id_token', 'junk.junk.junk');
    expect(startSessionApp(withRouter).lock.authorize).not.toHaveBeenCalled();
    localStorage.setItem('id_token', testIdToken(-60, { aud: 'another-client' }));
    expect(startAnotherTab(withRouter).lock.authorize).not.toHaveBeenCalled();
  });

  it('is not sent when sessionStorage refuses the flag: nothing could stop a loop', () => {
    localStorage.setItem('id_token', testIdToken(-60));
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      if (this === sessionStorage) {
        throw new DOMException('quota', 'QuotaExceededError');
      }
      localStorage[key] = value;
    });
    try {
      const app = startSessionApp(withRouter);
      expect(app.lock.authorize).not.toHaveBeenCalled();
      expect(app.authService.isAuthenticated()).toBe(false);
    } finally {
      setItem.mockRestore();
    }
  });
});
