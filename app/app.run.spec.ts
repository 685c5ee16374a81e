import { startAppWithFakeLock } from './testing/app-test-module';
import type { AuthService } from '../components/auth';
import { testIdToken } from '../components/auth/testing';

describe('app.run', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  it('registers the authentication listener once and intercepts the callback hash', () => {
    const app = startAppWithFakeLock();
    expect(app.lock.listenerCount('authenticated')).toBe(1);
    expect(app.lock.interceptHash).toHaveBeenCalledTimes(1);
  });

  it('restores the session from a valid stored id_token on load', () => {
    localStorage.setItem('id_token', testIdToken(3600));
    const app = startAppWithFakeLock();
    expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(true);
  });

  it('stays logged out on load with a token for another client (e.g. after switching tenants)', () => {
    localStorage.setItem('id_token', testIdToken(3600, { aud: 'another-client' }));
    const app = startAppWithFakeLock();
    expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(false);
    expect(localStorage.getItem('id_token')).toBeNull();
  });

  it('stays logged out on load with an expired stored id_token', () => {
    localStorage.setItem('id_token', testIdToken(-1));
    const app = startAppWithFakeLock();
    expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(false);
  });
});
