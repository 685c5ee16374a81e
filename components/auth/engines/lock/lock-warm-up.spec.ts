import angular from 'angular';
import 'angular-mocks';
import type { LockFetch } from '../../settings/auth-session.options';
import { IDLE_FALLBACK_DELAY_MS, IDLE_TIMEOUT_MS } from '../when-idle';
import { warmUpLockWhenIdle } from './lock-warm-up';

interface IdleWindow {
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number;
}

describe('the warm-up of Lock after the first render', () => {
  let preload: jest.Mock;
  let storedClaims: object | null;
  let lockFetch: LockFetch;
  let $timeout: angular.ITimeoutService;
  let $rootScope: angular.IRootScopeService & { isAuthenticated?: boolean };

  /** Creates the `lock` service, as the app's run blocks do at start. */
  function startApp(): void {
    angular.mock.module(($provide: angular.auto.IProvideService) => {
      $provide.value('lock', { preload });
      $provide.value('storedSession', { claims: () => storedClaims });
      $provide.value('authSession', { lockFetch });
      $provide.decorator('lock', warmUpLockWhenIdle);
    });
    angular.mock.inject((lock: unknown, _$timeout_: angular.ITimeoutService, _$rootScope_: typeof $rootScope) => {
      expect(lock).toBeDefined();
      $timeout = _$timeout_;
      $rootScope = _$rootScope_;
    });
  }

  const prefetched = (): string[] =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((link) => `${link.as} ${link.getAttribute('href')}`);

  beforeEach(() => {
    preload = jest.fn();
    storedClaims = null;
    lockFetch = 'idle';
    window.location.hash = '';
    document.head.innerHTML = '<meta name="auth0-lock-prefetch" content="lock.1a2b.js auth0-js.3c4d.js">';
  });

  afterEach(() => {
    delete (window as IdleWindow).requestIdleCallback;
    window.location.hash = '';
    document.head.innerHTML = '';
  });

  it("prefetches the chunks the page names as the app starts, before any of Lock's code is evaluated", () => {
    startApp();
    expect(prefetched()).toEqual(['script lock.1a2b.js', 'script auth0-js.3c4d.js']);
    expect(preload).not.toHaveBeenCalled();
  });

  it('prefetches nothing where the page names no chunks (a build without the hint)', () => {
    document.head.innerHTML = '';
    startApp();
    expect(prefetched()).toEqual([]);
  });

  it('loads Lock for a logged-out visitor, only after the bootstrap task and a pause (no requestIdleCallback)', () => {
    startApp();
    expect(preload).not.toHaveBeenCalled();
    $timeout.flush(0);
    expect(preload).not.toHaveBeenCalled();
    $timeout.flush(IDLE_FALLBACK_DELAY_MS);
    expect(preload).toHaveBeenCalledTimes(1);
  });

  it('waits for the browser to be idle where it can tell, with a deadline', () => {
    const requestIdleCallback = jest.fn();
    (window as IdleWindow).requestIdleCallback = requestIdleCallback;
    startApp();
    $timeout.flush(0);
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: IDLE_TIMEOUT_MS });
    expect(preload).not.toHaveBeenCalled();
    (requestIdleCallback.mock.calls[0] as [() => void])[0]();
    expect(preload).toHaveBeenCalledTimes(1);
  });

  it('prefetches and loads nothing for a visitor with a usable stored session', () => {
    storedClaims = { sub: 'user' };
    startApp();
    $timeout.verifyNoPendingTasks();
    expect(prefetched()).toEqual([]);
    expect(preload).not.toHaveBeenCalled();
  });

  it('loads nothing for a visitor whose session was restored by then', () => {
    startApp();
    $rootScope.isAuthenticated = true;
    $timeout.flush();
    expect(preload).not.toHaveBeenCalled();
  });

  it.each(['#access_token=a&id_token=b', '#/id_token=b', '#error=access_denied'])('loads nothing on the callback %s', (hash) => {
    window.location.hash = hash;
    startApp();
    $timeout.verifyNoPendingTasks();
    expect(prefetched()).toEqual([]);
    expect(preload).not.toHaveBeenCalled();
  });

  describe("lockFetch: 'intent'", () => {
    beforeEach(() => {
      lockFetch = 'intent';
      document.body.innerHTML =
        '<a href="#/home">Home</a><button type="button" ng-click="vm.authService.login()"><span>Log In</span></button>';
    });

    afterEach(() => {
      document.body.innerHTML = '';
    });

    it('fetches nothing at start nor at idle, then warms Lock up once on the first hover, touch or focus of Log In', () => {
      startApp();
      $timeout.verifyNoPendingTasks();
      expect(prefetched()).toEqual([]);
      document.querySelector('a')?.dispatchEvent(new Event('pointerover', { bubbles: true }));
      expect(preload).not.toHaveBeenCalled();
      document.querySelector('span')?.dispatchEvent(new Event('pointerover', { bubbles: true }));
      document.querySelector('button')?.dispatchEvent(new Event('focusin', { bubbles: true }));
      expect(preload).toHaveBeenCalledTimes(1);
    });

    it('warms up nothing for a visitor logged in by then', () => {
      startApp();
      $rootScope.isAuthenticated = true;
      document.querySelector('button')?.dispatchEvent(new Event('touchstart', { bubbles: true }));
      expect(preload).not.toHaveBeenCalled();
    });
  });

  it("lockFetch: 'click' fetches and warms up nothing before Log In is clicked", () => {
    lockFetch = 'click';
    startApp();
    $timeout.verifyNoPendingTasks();
    expect(prefetched()).toEqual([]);
    expect(preload).not.toHaveBeenCalled();
  });
});
