import type { SessionState } from '../session/session-state';
import {
  MAX_RENEWAL_BACKOFF_MS,
  MIN_RENEWAL_INTERVAL_MS,
  RENEWAL_JITTER_MS,
  RENEW_BEFORE_EXPIRY_MS,
  renewalBackoffMs
} from './renewal-timing';
import { LEASE_MS } from './renewal-lease';
import { STORAGE_KEYS } from '../session/storage-keys';
import { OTHER_USER_MESSAGE } from '../session/session-lifecycle';
import { advanceClock, useFakeClock } from '../testing/clock';
import { decodeIdToken } from '../session/id-token';
import { startAnotherTab, startSessionApp, type TestApp } from '../testing/session-test-app';
import { gaps, runTenant, tenantToken, type RenewalAnswer } from '../testing/tenant';

const MINUTE = 60_000;
const LOGIN_REQUIRED: RenewalAnswer = [{ error: 'login_required', error_description: 'Login required' }];

/** Boots a tab with `token` as if Lock had just delivered it (so it has a receipt). */
function loggedInWith(token: string): TestApp {
  const app = startSessionApp();
  app.lock.emit('authenticated', { idToken: token });
  return app;
}

/** Runs until the tab is logged out (or `limitMs` passes), answering renewals; when it was logged out. */
function runUntilLoggedOut(app: TestApp, limitMs: number, answer: (call: number) => RenewalAnswer): number | null {
  for (let elapsed = 0; elapsed < limitMs && app.authService.isAuthenticated(); elapsed += 1000) {
    runTenant(app, 1000, answer);
  }
  return app.authService.isAuthenticated() ? null : Date.now();
}

describe('silent renewal', () => {
  useFakeClock();

  describe('issue 9 item 5: renewal cannot loop', () => {
    it('a 120 s token with the browser clock 70 s fast is renewed once a minute, not ten times a second', () => {
      const ahead = 70_000;
      localStorage.setItem('id_token', tenantToken(120, ahead));
      const app = startSessionApp();
      const calls = runTenant(app, 10 * MINUTE, () => [null, { idToken: tenantToken(120, ahead) }]);
      expect(app.authService.isAuthenticated()).toBe(true);
      // Half of each 120 s life, from its receipt: about ten in ten minutes.
      expect(calls.length).toBeGreaterThanOrEqual(9);
      expect(calls.length).toBeLessThanOrEqual(11);
      for (const gap of gaps(calls)) {
        expect(gap).toBeGreaterThanOrEqual(MIN_RENEWAL_INTERVAL_MS);
      }
    });

    it.each([
      ['5 minutes fast', 5 * MINUTE],
      ['5 minutes slow', -5 * MINUTE]
    ])('with the browser clock %s, renewals come once per token and the session ends at receipt + lifetime', (_name, ahead) => {
      const lifetimeS = 20 * 60;
      const app = loggedInWith(tenantToken(lifetimeS, ahead));
      const calls = runTenant(app, 50 * MINUTE, () => [null, { idToken: tenantToken(lifetimeS, ahead) }]);
      expect(app.authService.isAuthenticated()).toBe(true);
      // One per 15 minutes (20 minus 5), from each receipt: 3 in 50 minutes.
      expect(calls).toHaveLength(3);
      for (const gap of gaps(calls)) {
        expect(gap).toBeGreaterThanOrEqual(lifetimeS * 1000 - RENEW_BEFORE_EXPIRY_MS);
        expect(gap).toBeLessThanOrEqual(lifetimeS * 1000 - RENEW_BEFORE_EXPIRY_MS + RENEWAL_JITTER_MS + 2000);
      }
      const lastReceipt = calls[calls.length - 1] ?? 0;
      const loggedOutAt = runUntilLoggedOut(app, 30 * MINUTE, () => LOGIN_REQUIRED);
      expect(loggedOutAt).not.toBeNull();
      expect(Math.abs((loggedOutAt ?? 0) - (lastReceipt + lifetimeS * 1000))).toBeLessThanOrEqual(1000);
      expect(app.lock.checkSession).toHaveBeenCalledTimes(4);
    });

    it('backs off on failure, 30 s, 1 min, 2 min…, and makes no attempt after the token ends', () => {
      const app = loggedInWith(tenantToken(3600));
      const exp = (decodeIdToken(localStorage.getItem('id_token'))?.exp ?? 0) * 1000;
      const timeout: RenewalAnswer = [{ error: 'timeout', error_description: 'Timeout during executing web_message communication' }];
      const calls = runTenant(app, 70 * MINUTE, () => timeout);
      expect(app.authService.isAuthenticated()).toBe(false);
      expect(calls).toHaveLength(4);
      // Each gap is the backoff, plus the lease's settling and this test's 1 s steps.
      gaps(calls).forEach((gap, index) => {
        expect(gap).toBeGreaterThanOrEqual(renewalBackoffMs(index + 1));
        expect(gap).toBeLessThanOrEqual(renewalBackoffMs(index + 1) + 2000);
      });
      expect(Math.max(...calls)).toBeLessThan(exp);
    });

    it('backs off up to 10 minutes at most', () => {
      expect([1, 2, 3, 4, 5, 6, 12].map(renewalBackoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
      expect(renewalBackoffMs(40)).toBe(MAX_RENEWAL_BACKOFF_MS);
    });

    it('however short the tokens, checkSession at most every 30 s; the user is logged out when the last one ends', () => {
      const app = loggedInWith(tenantToken(20));
      const calls = runTenant(app, 2 * MINUTE, () => [null, { idToken: tenantToken(20) }]);
      expect(calls).toHaveLength(1);
      expect(app.authService.isAuthenticated()).toBe(false);
    });

    it('refuses a token already expired when it arrives (stale: issued before any clock skew explains)', () => {
      const app = startSessionApp();
      const issued = Math.floor(Date.now() / 1000) - 2 * 3600;
      app.lock.emit('authenticated', { idToken: tenantToken(0, 0, { iat: issued, exp: issued + 3600 }) });
      expect(app.authService.isAuthenticated()).toBe(false);
      expect(localStorage.getItem('id_token')).toBeNull();
      expect(app.authService.error).toMatch(/cannot be used/);
    });
  });

  describe('issue 9 item 5: with several tabs, one renews and the others adopt its token', () => {
    function storageEvent(key: string, ...tabs: TestApp[]): void {
      window.dispatchEvent(new StorageEvent('storage', { key }));
      for (const tab of tabs) {
        tab.$rootScope.$digest();
      }
    }

    /** Runs only `tab`'s clock (the other tab is gone) for `ms`. */
    function runAlone(tab: TestApp, ms: number): void {
      const $timeout = tab.injector.get<angular.ITimeoutService>('$timeout');
      for (let waited = 0; waited < ms; waited += 500) {
        jest.advanceTimersByTime(500);
        $timeout.flush(500);
      }
    }

    /** Two tabs sharing a token, run to its renewal: the first took the lease and called checkSession, the second waits. */
    function twoTabsAtRenewal(): [TestApp, TestApp] {
      localStorage.setItem('id_token', tenantToken(20 * 60));
      const first = startSessionApp();
      const second = startAnotherTab();
      const due = 15 * MINUTE + RENEWAL_JITTER_MS + 1000;
      advanceClock(first.injector, due);
      expect(first.lock.checkSession).toHaveBeenCalledTimes(1);
      // The second tab's timers run now, with the clock where the first left it: the lease is taken.
      second.injector.get<angular.ITimeoutService>('$timeout').flush(due);
      expect(second.lock.checkSession).not.toHaveBeenCalled();
      return [first, second];
    }

    it('the tab holding the lease calls checkSession; the other adopts the token it stores', () => {
      const [first, second] = twoTabsAtRenewal();
      const renewed = tenantToken(20 * 60);
      first.lock.checkSession.mock.calls[0]?.[1](null, { idToken: renewed });
      storageEvent(STORAGE_KEYS.idToken, first, second);
      advanceClock(first.injector, 10 * MINUTE);
      second.injector.get<angular.ITimeoutService>('$timeout').flush(10 * MINUTE);
      expect(localStorage.getItem('id_token')).toBe(renewed);
      expect(second.authService.isAuthenticated()).toBe(true);
      expect(second.lock.checkSession).not.toHaveBeenCalled();
      expect(first.lock.checkSession).toHaveBeenCalledTimes(1);
    });

    it('when the tab holding the lease dies, another renews once its lease has run out', () => {
      const [, second] = twoTabsAtRenewal();
      // The first tab never answers (crashed). Only the second tab's clock runs from here. The lease
      // was claimed at most the jitter and a second before now, so it runs out 27 s from now or later;
      // the second tab tries then, after a jitter of its own.
      runAlone(second, LEASE_MS - RENEWAL_JITTER_MS - 5000);
      expect(second.lock.checkSession).not.toHaveBeenCalled();
      runAlone(second, 3 * RENEWAL_JITTER_MS + 5000);
      expect(second.lock.checkSession).toHaveBeenCalledTimes(1);
    });

    it('when the tab holding the lease leaves mid-renewal (reload, close), it releases the lease: a tab opened then renews at once', () => {
      twoTabsAtRenewal();
      // Both test tabs share this window: only the first holds the lease, so only it lets go.
      window.dispatchEvent(new Event('pagehide'));
      expect(localStorage.getItem(STORAGE_KEYS.renewalLease)).toBeNull();
      const third = startAnotherTab();
      runAlone(third, RENEWAL_JITTER_MS + 1000);
      expect(third.lock.checkSession).toHaveBeenCalledTimes(1);
    });
  });

  describe('issue 9 item 4: a renewed id_token for another user ends the session (OIDC Core §12.2)', () => {
    it('logs out with a message, and never stores the other user\u2019s token', () => {
      const app = loggedInWith(tenantToken(20 * 60, 0, { sub: 'auth0|victim' }));
      const setItem = jest.spyOn(Storage.prototype, 'setItem');
      const attackers = tenantToken(20 * 60, 0, { sub: 'auth0|attacker' });
      runTenant(app, 16 * MINUTE, () => [null, { idToken: attackers }]);
      expect(app.lock.checkSession).toHaveBeenCalledTimes(1);
      expect(app.authService.isAuthenticated()).toBe(false);
      expect(app.authService.error).toBe(OTHER_USER_MESSAGE);
      expect(localStorage.getItem('id_token')).toBeNull();
      expect(setItem.mock.calls.filter(([, value]) => value === attackers)).toEqual([]);
    });

    it('keeps the session when the renewed token is the same user\u2019s', () => {
      const app = loggedInWith(tenantToken(20 * 60, 0, { sub: 'auth0|victim' }));
      const renewed = tenantToken(20 * 60, 0, { sub: 'auth0|victim' });
      runTenant(app, 16 * MINUTE, () => [null, { idToken: renewed }]);
      expect(app.authService.isAuthenticated()).toBe(true);
      expect(localStorage.getItem('id_token')).toBe(renewed);
    });
  });

  describe('issue 18 item 2: a login under way makes renewal stand down', () => {
    it('an answer that arrives while Lock is open (another user logging in) ends nothing and is not stored', () => {
      const app = loggedInWith(tenantToken(20 * 60, 0, { sub: 'auth0|first' }));
      const first = localStorage.getItem('id_token');
      runTenant(app, 16 * MINUTE, () => LOGIN_REQUIRED, 1000);
      // The refusal's notice offers Log in again; meanwhile an earlier renewal would still be out.
      expect(app.lock.checkSession).toHaveBeenCalledTimes(1);
      const state = app.injector.get<SessionState>('sessionState');
      state.renewalRefusedEndsAtMs = null;
      app.authService.login();
      app.lock.emit('show');
      expect(state.phase).toBe('loggingIn');
      const answer = app.lock.checkSession.mock.calls[0]?.[1];
      answer(null, { idToken: tenantToken(20 * 60, 0, { sub: 'auth0|second' }) });
      expect(app.authService.isAuthenticated()).toBe(true);
      expect(app.authService.error).toBeNull();
      expect(localStorage.getItem('id_token')).toBe(first);
    });

    it('sends no renewal while Lock is open, and renews again once it closes', () => {
      const app = loggedInWith(tenantToken(20 * 60));
      const state = app.injector.get<SessionState>('sessionState');
      app.authService.login();
      app.lock.emit('show');
      runTenant(app, 16 * MINUTE, () => [null, { idToken: tenantToken(20 * 60) }]);
      expect(app.lock.checkSession).not.toHaveBeenCalled();
      expect(state.phase).toBe('loggingIn');
      app.lock.emit('hide');
      expect(state.phase).toBe('authenticated');
      runTenant(app, 2 * MINUTE, () => [null, { idToken: tenantToken(20 * 60) }]);
      expect(app.lock.checkSession).toHaveBeenCalledTimes(1);
      expect(app.authService.isAuthenticated()).toBe(true);
    });

    it('drops the answer of a renewal in flight when Log In is clicked, and renews again once Lock closes', () => {
      const app = loggedInWith(tenantToken(20 * 60, 0, { sub: 'auth0|first' }));
      const first = localStorage.getItem('id_token');
      // Due at 15 minutes: run until it goes out, and hold its answer.
      for (let elapsed = 0; elapsed < 16 * MINUTE && app.lock.checkSession.mock.calls.length === 0; elapsed += 1000) {
        advanceClock(app.injector, 1000, 1000);
      }
      const state = app.injector.get<SessionState>('sessionState');
      expect(state.phase).toBe('renewing');
      app.authService.login();
      app.lock.checkSession.mock.calls[0]?.[1](null, { idToken: tenantToken(20 * 60, 0, { sub: 'auth0|second' }) });
      expect(app.authService.error).toBeNull();
      expect(localStorage.getItem('id_token')).toBe(first);
      expect(state.phase).toBe('loggingIn');
      app.lock.emit('hide');
      const renewed = tenantToken(20 * 60, 0, { sub: 'auth0|first' });
      runTenant(app, MINUTE, () => [null, { idToken: renewed }]);
      expect(app.lock.checkSession).toHaveBeenCalledTimes(2);
      expect(localStorage.getItem('id_token')).toBe(renewed);
    });
  });

  describe('issue 8 item 3: renewal answers login_required (tenant session gone, or its cookie blocked)', () => {
    it('says when the session ends, tries nothing more for that token, and logs out at its end', () => {
      const app = loggedInWith(tenantToken(20 * 60));
      const exp = (decodeIdToken(localStorage.getItem('id_token'))?.exp ?? 0) * 1000;
      const status = app.injector.get<SessionState>('sessionState');
      const calls = runTenant(app, 16 * MINUTE, () => LOGIN_REQUIRED);
      expect(calls).toHaveLength(1);
      expect(Math.abs((status.renewalRefusedEndsAtMs ?? 0) - exp)).toBeLessThanOrEqual(1000);
      const loggedOutAt = runUntilLoggedOut(app, 10 * MINUTE, () => LOGIN_REQUIRED);
      expect(Math.abs((loggedOutAt ?? 0) - exp)).toBeLessThanOrEqual(1000);
      expect(app.lock.checkSession).toHaveBeenCalledTimes(1);
      expect(status.renewalRefusedEndsAtMs).toBeNull();
    });

    it('remembers the refusal for that token across a reload: the new page shows the end, and tries nothing', () => {
      const first = loggedInWith(tenantToken(20 * 60));
      runTenant(first, 16 * MINUTE, () => LOGIN_REQUIRED);
      const reloaded = startAnotherTab();
      expect(reloaded.authService.isAuthenticated()).toBe(true);
      expect(reloaded.injector.get<SessionState>('sessionState').renewalRefusedEndsAtMs).not.toBeNull();
      runTenant(reloaded, 5 * MINUTE, () => LOGIN_REQUIRED);
      expect(reloaded.lock.checkSession).not.toHaveBeenCalled();
    });

    it('a new login clears the notice and renews again', () => {
      const app = loggedInWith(tenantToken(20 * 60));
      runTenant(app, 16 * MINUTE, () => LOGIN_REQUIRED);
      app.lock.emit('authenticated', { idToken: tenantToken(20 * 60) });
      expect(app.injector.get<SessionState>('sessionState').renewalRefusedEndsAtMs).toBeNull();
      runTenant(app, 16 * MINUTE, () => [null, { idToken: tenantToken(20 * 60) }]);
      expect(app.lock.checkSession).toHaveBeenCalledTimes(2);
    });
  });

  describe('issue 19: a refresh token refused (invalid_grant: revoked, reused, expired)', () => {
    it('ends the session at once, once, and says so until the next login', () => {
      const app = loggedInWith(tenantToken(20 * 60));
      const status = app.injector.get<SessionState>('sessionState');
      const revoked: RenewalAnswer = [{ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }];
      const calls = runTenant(app, 16 * MINUTE, () => revoked);
      expect(calls).toHaveLength(1);
      expect(app.authService.isAuthenticated()).toBe(false);
      expect(localStorage.getItem('id_token')).toBeNull();
      expect(status.renewalRevoked).toBe(true);
      app.lock.emit('authenticated', { idToken: tenantToken(20 * 60) });
      expect(status.renewalRevoked).toBe(false);
    });
  });
});
