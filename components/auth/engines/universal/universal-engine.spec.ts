import angular from 'angular';
import 'angular-mocks';
import '../../auth.module';
import type { AuthService } from '../../auth.service';
import type { AuthSessionOptions } from '../../settings/auth-session.options';
import type { SessionState } from '../../session/session-state';
import { testIdToken, UNIT_TEST_CLIENT_ID } from '../../testing/jwt';
import { UniversalLockFace } from './lock-face';
import type { SpaClient } from './spa-client';

type Mocked<T> = { [K in keyof T]: jest.Mock };

function fakeSpaClient(): Mocked<SpaClient> {
  return {
    loginWithRedirect: jest.fn(() => Promise.resolve()),
    handleRedirectCallback: jest.fn(() => Promise.resolve({ appState: undefined })),
    getIdTokenClaims: jest.fn(() => Promise.resolve(undefined)),
    getTokenSilently: jest.fn(() => Promise.reject(Object.assign(new Error('no'), { error: 'missing_refresh_token' }))),
    revokeRefreshToken: jest.fn(() => Promise.resolve()),
    logout: jest.fn(() => Promise.resolve())
  };
}

interface UniversalApp {
  injector: angular.auto.IInjectorService;
  authService: AuthService;
  state: SessionState;
  client: Mocked<SpaClient>;
  /** Lets the SDK's promises settle and their answers reach AngularJS. */
  settle(): Promise<void>;
}

/** Boots `auth0.session` in universal mode with the tutorial's run block (`lock.interceptHash()` included) and a fake SDK. */
function startUniversalApp(options: Partial<AuthSessionOptions> = {}, client = fakeSpaClient()): UniversalApp {
  const name = `universalApp${String(Math.random()).slice(2)}`;
  angular
    .module(name, ['auth0.session'])
    .config([
      'authSessionProvider',
      '$provide',
      (provider: { configure(options: AuthSessionOptions): void }, $provide: angular.auto.IProvideService) => {
        provider.configure({ domain: 'http://localhost:3001', clientID: UNIT_TEST_CLIENT_ID, loginMode: 'universal', ...options });
        $provide.value('spaClient', () => Promise.resolve(client));
      }
    ])
    .run([
      'authService',
      'lock',
      (authService: AuthService, lock: { interceptHash(): void }) => {
        authService.registerAuthenticationListener();
        authService.checkAuthOnRefresh();
        lock.interceptHash();
      }
    ]);
  // An injector of its own each time: a second call is the same tab reloaded, or another tab.
  const injector = angular.injector(['ng', 'ngMock', name]);
  const $rootScope = injector.get<angular.IRootScopeService>('$rootScope');
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 5; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      $rootScope.$digest();
    }
  };
  return { injector, authService: injector.get('authService'), state: injector.get('sessionState'), client, settle };
}

describe('universal mode (loginMode: "universal")', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('gives the tutorial a `lock` with interceptHash(), and never builds Lock', () => {
    const app = startUniversalApp();
    expect(app.injector.get('lock')).toBeInstanceOf(UniversalLockFace);
    expect(() => app.injector.get<UniversalLockFace>('lock').on('authenticated')).toThrow(/no Lock/);
  });

  it("takes the callback's code and state out of the address bar before AngularJS reads it, and logs in with the SDK's id_token", async () => {
    const idToken = testIdToken(3600, { name: 'Ada' });
    const client = fakeSpaClient();
    client.getIdTokenClaims.mockResolvedValue({ __raw: idToken });
    window.history.replaceState(null, '', '/?code=abc&state=xyz&keep=1#/profile');
    const app = startUniversalApp({}, client);
    expect(window.location.href).toBe('http://localhost/?keep=1#/profile');
    await app.settle();
    expect(client.handleRedirectCallback).toHaveBeenCalledWith('http://localhost/?code=abc&state=xyz&keep=1#/profile');
    expect(app.authService.isAuthenticated()).toBe(true);
    expect(localStorage.getItem('id_token')).toBe(idToken);
    expect(app.authService.profile()?.name).toBe('Ada');
  });

  it('shows the error of a refused callback (state mismatch, replayed code, error=…) and stores nothing', async () => {
    const client = fakeSpaClient();
    client.handleRedirectCallback.mockRejectedValue(
      Object.assign(new Error('Invalid state'), { error: 'invalid_grant', error_description: 'Invalid authorization code' })
    );
    window.history.replaceState(null, '', '/?code=replayed&state=xyz');
    const app = startUniversalApp({}, client);
    await app.settle();
    expect(app.authService.error).toBe('Login failed: Invalid authorization code');
    expect(app.authService.isAuthenticated()).toBe(false);
    expect(localStorage.getItem('id_token')).toBeNull();
    expect(window.location.search).toBe('');
  });

  it("an ?error= answer without the state of this tab's login is refused as forged: its text is not shown, the SDK not called", async () => {
    window.history.replaceState(null, '', '/?error=access_denied&error_description=Call%20this%20number&state=forged');
    const app = startUniversalApp();
    await app.settle();
    expect(app.client.handleRedirectCallback).not.toHaveBeenCalled();
    expect(app.authService.error).toBe('Login failed: Invalid state');
    expect(window.location.search).toBe('');
  });

  it("the tenant's ?error= answer to this tab's login (its state noted as the page left) shows the tenant's description", async () => {
    const client = fakeSpaClient();
    client.loginWithRedirect.mockImplementation((options: { openUrl: (url: string) => void }) => {
      options.openUrl('http://localhost:3001/authorize?client_id=x&state=s1');
      return Promise.resolve();
    });
    const leaving = startUniversalApp({}, client);
    // jsdom does not navigate; it reports that on the console.
    const notNavigated = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    leaving.authService.login();
    await leaving.settle();
    notNavigated.mockRestore();
    expect(sessionStorage.getItem('auth.loginState')).toBe('s1');
    client.handleRedirectCallback.mockRejectedValue(
      Object.assign(new Error('user is blocked'), { error: 'unauthorized', error_description: 'user is blocked' })
    );
    window.history.replaceState(null, '', '/?error=unauthorized&error_description=user%20is%20blocked&state=s1');
    const answered = startUniversalApp({}, client);
    await answered.settle();
    expect(client.handleRedirectCallback).toHaveBeenCalled();
    expect(answered.authService.error).toBe('Login failed: user is blocked');
  });

  it('leaves a page on another path alone: only the callback URL is the tenant answering', async () => {
    window.history.replaceState(null, '', '/other/?code=abc&state=xyz');
    const app = startUniversalApp();
    await app.settle();
    expect(window.location.search).toBe('?code=abc&state=xyz');
    expect(app.client.handleRedirectCallback).not.toHaveBeenCalled();
  });

  it('Log In leaves for the login page (pending until the page goes); a failure to get there says so', async () => {
    const app = startUniversalApp();
    app.authService.login();
    expect(app.authService.loginPending).toBe(true);
    await app.settle();
    expect(app.client.loginWithRedirect).toHaveBeenCalledWith({ authorizationParams: {}, openUrl: expect.any(Function) as unknown });
    app.client.loginWithRedirect.mockRejectedValue(new Error('chunk failed'));
    app.authService.login();
    await app.settle();
    expect(app.authService.loginPending).toBe(false);
    expect(app.authService.error).toBe('The login page could not be opened. Please try again.');
  });

  it('a returning visitor with an expired id_token is logged in with the refresh token, with no redirect', async () => {
    const fresh = testIdToken(3600);
    const client = fakeSpaClient();
    client.getTokenSilently.mockResolvedValue({ id_token: fresh, access_token: 'at', expires_in: 3600 });
    localStorage.setItem('id_token', testIdToken(-60));
    const app = startUniversalApp({}, client);
    await app.settle();
    expect(client.getTokenSilently).toHaveBeenCalledWith({ cacheMode: 'off', detailedResponse: true });
    expect(client.loginWithRedirect).not.toHaveBeenCalled();
    expect(app.authService.isAuthenticated()).toBe(true);
    expect(localStorage.getItem('id_token')).toBe(fresh);
  });

  it('a returning visitor without a usable refresh token makes one top-level prompt=none trip', async () => {
    localStorage.setItem('id_token', testIdToken(-60));
    const app = startUniversalApp();
    await app.settle();
    expect(app.client.loginWithRedirect).toHaveBeenCalledWith({
      authorizationParams: { prompt: 'none' },
      openUrl: expect.any(Function) as unknown
    });
    expect(app.state.phase).toBe('ending');
    expect(localStorage.getItem('id_token')).toBeNull();
  });

  it('a returning visitor whose refresh token cannot be used (the tenant unreachable) stays on the app, logged out, with no message', async () => {
    const client = fakeSpaClient();
    client.getTokenSilently.mockRejectedValue(new TypeError('Failed to fetch'));
    localStorage.setItem('id_token', testIdToken(-60));
    const app = startUniversalApp({}, client);
    await app.settle();
    expect(client.loginWithRedirect).not.toHaveBeenCalled();
    expect(app.state.phase).not.toBe('ending');
    expect(app.authService.isAuthenticated()).toBe(false);
    expect(app.authService.error).toBeNull();
    expect(localStorage.getItem('id_token')).toBeNull();
  });

  it('a renewal the tenant does not answer in time ends with a timeout (renewal backs off), and its late answer is dropped', async () => {
    const client = fakeSpaClient();
    let answerLate: (value: unknown) => void = () => undefined;
    client.getTokenSilently.mockReturnValue(new Promise((resolve) => (answerLate = resolve)));
    const app = startUniversalApp({}, client);
    const renewed = jest.fn();
    app.injector.get<{ renew(timeoutMs: number, done: (error: unknown) => void): void }>('loginEngine').renew(1000, renewed);
    await app.settle();
    expect(renewed).not.toHaveBeenCalled();
    app.injector.get<angular.ITimeoutService>('$timeout').flush(1000);
    expect(renewed).toHaveBeenCalledTimes(1);
    expect(renewed).toHaveBeenCalledWith(expect.objectContaining({ error: 'timeout' }));
    answerLate({ id_token: testIdToken(3600) });
    await app.settle();
    expect(renewed).toHaveBeenCalledTimes(1);
  });

  it('renews with the refresh token; invalid_grant ends the session at once, with the notice', async () => {
    const client = fakeSpaClient();
    localStorage.setItem('id_token', testIdToken(3600));
    const app = startUniversalApp({}, client);
    expect(app.authService.isAuthenticated()).toBe(true);
    const renewed = jest.fn();
    client.getTokenSilently.mockRejectedValue(
      Object.assign(new Error('reused'), { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' })
    );
    app.injector.get<{ renew(timeoutMs: number, done: (error: unknown) => void): void }>('loginEngine').renew(1000, renewed);
    await app.settle();
    expect(renewed).toHaveBeenCalledWith(expect.objectContaining({ error: 'invalid_grant' }));
  });

  it('logout revokes the refresh token, then ends the tenant session with the SDK', async () => {
    localStorage.setItem('id_token', testIdToken(3600));
    const app = startUniversalApp();
    app.authService.logout();
    await app.settle();
    expect(app.client.revokeRefreshToken).toHaveBeenCalled();
    expect(app.client.logout).toHaveBeenCalledWith({ logoutParams: { returnTo: 'http://localhost/' } });
    expect(app.client.revokeRefreshToken.mock.invocationCallOrder[0]).toBeLessThan(app.client.logout.mock.invocationCallOrder[0] ?? 0);
    expect(localStorage.getItem('id_token')).toBeNull();
  });

  it('with an audience, API requests carry the access token for it (the id_token otherwise, as in Lock mode)', async () => {
    const idToken = testIdToken(3600);
    localStorage.setItem('id_token', idToken);
    const client = fakeSpaClient();
    client.getTokenSilently.mockResolvedValue('access-token-1');
    const api = 'https://api.example.com';
    const withAudience = startUniversalApp({ apiOrigins: [api], audience: `${api}/` }, client);
    const $httpBackend = withAudience.injector.get<angular.IHttpBackendService>('$httpBackend');
    const sent: (string | undefined)[] = [];
    $httpBackend.whenGET(`${api}/ping`).respond((_method, _url, _data, headers) => {
      sent.push((headers as Record<string, string | undefined>).Authorization);
      return [200, {}];
    });
    void withAudience.injector.get<angular.IHttpService>('$http').get(`${api}/ping`);
    await withAudience.settle();
    $httpBackend.flush();
    expect(client.getTokenSilently).toHaveBeenCalledWith();
    expect(sent).toEqual(['Bearer access-token-1']);
  });

  it("tokenStorage 'memory': nothing in localStorage; a reload signs in again with one top-level prompt=none trip", async () => {
    const idToken = testIdToken(3600);
    const client = fakeSpaClient();
    client.getIdTokenClaims.mockResolvedValue({ __raw: idToken });
    window.history.replaceState(null, '', '/?code=abc&state=xyz');
    const first = startUniversalApp({ tokenStorage: 'memory' }, client);
    await first.settle();
    expect(first.authService.isAuthenticated()).toBe(true);
    expect(localStorage.length).toBe(0);

    // The reload: a new injector, this tab's memory gone, its sessionStorage kept.
    const reloaded = startUniversalApp({ tokenStorage: 'memory' });
    await reloaded.settle();
    expect(reloaded.client.getTokenSilently).toHaveBeenCalledWith({ cacheMode: 'off', detailedResponse: true });
    expect(reloaded.client.loginWithRedirect).toHaveBeenCalledWith({
      authorizationParams: { prompt: 'none' },
      openUrl: expect.any(Function) as unknown
    });

    // Logged out in memory mode: the next reload stays logged out, with no trip.
    sessionStorage.clear();
    const third = startUniversalApp({ tokenStorage: 'memory' });
    third.authService.logout();
    await third.settle();
    const afterLogout = startUniversalApp({ tokenStorage: 'memory' });
    await afterLogout.settle();
    expect(afterLogout.client.loginWithRedirect).not.toHaveBeenCalled();
  });
});
