import { startSessionApp, type TestApp } from '../testing/session-test-app';
import { testIdToken } from '../testing/jwt';
import type { StoredSession } from './stored-session';

/** How browsers refuse storage: Safari's private mode and full quotas throw on setItem; disabled storage throws on any access. */
const REFUSALS: readonly [string, () => void][] = [
  [
    'setItem throws (QuotaExceededError)',
    () => {
      jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
    }
  ],
  [
    'every access throws (SecurityError)',
    () => {
      jest.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      });
    }
  ]
];

describe('issue 9 item 9: localStorage disabled', () => {
  beforeEach(() => {
    localStorage.clear();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe.each(REFUSALS)('when %s', (_name, refuse) => {
    let app: TestApp;
    beforeEach(() => {
      refuse();
      app = startSessionApp();
    });

    it('login works, with the session in memory for this tab', () => {
      const token = testIdToken(3600, { email: 'a@example.com' });
      app.lock.emit('authenticated', { idToken: token });
      expect(app.authService.error).toBeNull();
      expect(app.authService.isAuthenticated()).toBe(true);
      expect(app.authService.profile()?.email).toBe('a@example.com');
      const storedSession = app.injector.get<StoredSession>('storedSession');
      expect(storedSession.token()).toBe(token);
      expect(storedSession.persistent()).toBe(false);
    });

    it('logout forgets the token in memory too', () => {
      app.lock.emit('authenticated', { idToken: testIdToken(3600) });
      app.authService.logoutLocally();
      expect(app.authService.isAuthenticated()).toBe(false);
      expect(app.injector.get<StoredSession>('storedSession').token()).toBeNull();
    });

    it('still refuses an unusable token', () => {
      app.lock.emit('authenticated', { idToken: testIdToken(-60) });
      expect(app.authService.isAuthenticated()).toBe(false);
      expect(app.authService.error).toMatch(/cannot be used/);
    });
  });

  it('with storage working, the session is persistent', () => {
    const app = startSessionApp();
    app.lock.emit('authenticated', { idToken: testIdToken(3600) });
    expect(app.injector.get<StoredSession>('storedSession').persistent()).toBe(true);
  });
});
