import { startAppWithFakeLock } from './testing/app-test-module';
import { nowInSeconds, unsignedJwt } from './testing/fake-lock';
import type { AuthService } from '../components/auth/auth.service';

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
    localStorage.setItem('id_token', unsignedJwt({ sub: 'auth0|1', exp: nowInSeconds() + 3600 }));
    const app = startAppWithFakeLock();
    expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(true);
  });

  it('stays logged out on load with an expired stored id_token', () => {
    localStorage.setItem('id_token', unsignedJwt({ sub: 'auth0|1', exp: nowInSeconds() - 1 }));
    const app = startAppWithFakeLock();
    expect(app.injector.get<AuthService>('authService').isAuthenticated()).toBe(false);
  });
});
