import angular from 'angular';
import 'angular-mocks';
import { createLazyLock, type LockLoader, type WebAuthConstructor } from './lazy-lock';
import { loadOnce } from '../load-once';
// The module as an app loads it (angular-lock with the stand-in): Lock must not be imported.
import '../../auth.module';

const mockLockImported = jest.fn();
jest.mock('auth0-lock', () => {
  mockLockImported();
  return {};
});
const mockAuth0JsImported = jest.fn();
jest.mock('auth0-js', () => {
  mockAuth0JsImported();
  return jest.requireActual<object>('auth0-js');
});

type Listener = (...args: unknown[]) => void;

/** Stands in for Lock 14: an event emitter whose UI calls are recorded. */
class FakeLock {
  static instances: FakeLock[] = [];
  readonly show = jest.fn();
  readonly hide = jest.fn();
  readonly resumeAuth = jest.fn();
  readonly listeners = new Map<string, Listener[]>();

  constructor(
    readonly clientID: string,
    readonly domain: string,
    readonly options: object
  ) {
    FakeLock.instances.push(this);
  }

  on(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  off(event: string, listener: Listener): void {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener)
    );
  }

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    listeners.forEach((listener) => {
      listener(...args);
    });
    return listeners.length > 0;
  }
}

const webAuths: { options: object; checkSession: jest.Mock; logout: jest.Mock; authorize: jest.Mock; userInfo: jest.Mock }[] = [];
let parseHashAnswer: [error: unknown, authResult: unknown] = [null, { idToken: 'parsed' }];
class FakeWebAuth {
  readonly parseHash = jest.fn((_options: object, callback: (error: unknown, authResult: unknown) => void) => {
    callback(...parseHashAnswer);
  });
  readonly checkSession = jest.fn();
  readonly logout = jest.fn();
  readonly authorize = jest.fn();
  readonly client = { userInfo: jest.fn() };

  constructor(options: object) {
    webAuths.push({
      options,
      checkSession: this.checkSession,
      logout: this.logout,
      authorize: this.authorize,
      userInfo: this.client.userInfo
    });
  }
}

const options = {
  auth: { redirectUrl: 'http://localhost:3000/', responseType: 'token id_token', params: { scope: 'openid profile email' } },
  overrides: { __tenant: 'dev', __token_issuer: 'http://localhost:3001/' }
};
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the lazy Auth0Lock', () => {
  let loader: jest.Mock<ReturnType<LockLoader>, []>;
  let webAuthLoader: jest.Mock<Promise<WebAuthConstructor>, []>;
  let LazyLock: ReturnType<typeof createLazyLock>;

  beforeEach(() => {
    FakeLock.instances = [];
    webAuths.length = 0;
    loader = jest.fn(() => Promise.resolve(FakeLock as unknown as Awaited<ReturnType<LockLoader>>));
    webAuthLoader = jest.fn(() => Promise.resolve(FakeWebAuth as unknown as WebAuthConstructor));
    LazyLock = createLazyLock(loader, loadOnce(webAuthLoader));
  });

  it('loads nothing when constructed, nor for listeners and emitted events (the callback path)', () => {
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    const authenticated = jest.fn();
    lock.on('authenticated', authenticated);
    expect(lock.emit('authenticated', { idToken: 'x' })).toBe(true);
    expect(authenticated).toHaveBeenCalledTimes(1);
    expect(authenticated).toHaveBeenCalledWith({ idToken: 'x' });
    expect(lock.emit('hide')).toBe(false);
    expect(loader).not.toHaveBeenCalled();
  });

  it('loads and constructs Lock once on show, with the same arguments, and shows it each time', async () => {
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    lock.show();
    lock.show({ initialScreen: 'login' });
    await flush();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(FakeLock.instances).toHaveLength(1);
    const real = FakeLock.instances[0];
    expect(real).toMatchObject({ clientID: 'client', domain: 'http://localhost:3001', options });
    expect(real.show.mock.calls).toEqual([[undefined], [{ initialScreen: 'login' }]]);
  });

  it('delivers each event of the real Lock once per listener, whether registered before or after it loaded', async () => {
    const lock = new LazyLock('client', 'domain', options);
    const before = jest.fn();
    const after = jest.fn();
    lock.on('authenticated', before);
    lock.show();
    await flush();
    lock.on('authenticated', after);
    const real = FakeLock.instances[0];
    real.emit('authenticated', { idToken: 'y' });
    expect(before).toHaveBeenCalledTimes(1);
    expect(after).toHaveBeenCalledTimes(1);
    expect(real.listeners.get('authenticated')).toHaveLength(1);
    // angular-lock's interceptHash emits on the stand-in: still once each.
    lock.emit('authenticated', { idToken: 'z' });
    expect(before).toHaveBeenCalledTimes(2);
    expect(after).toHaveBeenCalledTimes(2);
  });

  it('stops forwarding an event once its last listener is gone, so Lock still sees unhandled errors', async () => {
    const lock = new LazyLock('client', 'domain', options);
    const listener = jest.fn();
    lock.on('unrecoverable_error', listener);
    lock.show();
    await flush();
    lock.off('unrecoverable_error', listener);
    expect(FakeLock.instances[0].emit('unrecoverable_error', new Error('x'))).toBe(false);
    expect(listener).not.toHaveBeenCalled();
  });

  it('hides only a Lock that was asked for, in call order', async () => {
    const lock = new LazyLock('client', 'domain', options);
    lock.hide();
    await flush();
    expect(loader).not.toHaveBeenCalled();
    lock.show();
    lock.hide();
    await flush();
    const real = FakeLock.instances[0];
    expect(real.show.mock.invocationCallOrder[0]).toBeLessThan(real.hide.mock.invocationCallOrder[0]);
  });

  it('loads auth0-js only when checkSession, logout or getUserInfo is first called', async () => {
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    lock.on('authenticated', jest.fn());
    lock.emit('authenticated', { idToken: 'x' });
    await flush();
    expect(webAuthLoader).not.toHaveBeenCalled();
    lock.checkSession({}, jest.fn());
    lock.checkSession({}, jest.fn());
    await flush();
    expect(webAuthLoader).toHaveBeenCalledTimes(1);
  });

  it('serves checkSession, logout and getUserInfo with auth0-js, configured as Lock would, without loading Lock', async () => {
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    const callback = jest.fn();
    lock.checkSession({}, callback);
    lock.logout({ returnTo: 'http://localhost:3000/' });
    lock.getUserInfo('access-token', callback);
    await flush();
    expect(loader).not.toHaveBeenCalled();
    expect(webAuths).toHaveLength(1);
    expect(webAuths[0].options).toMatchObject({
      clientID: 'client',
      domain: 'http://localhost:3001',
      redirectUri: 'http://localhost:3000/',
      responseType: 'token id_token',
      scope: 'openid profile email',
      leeway: 60,
      overrides: options.overrides
    });
    expect(webAuths[0].checkSession).toHaveBeenCalledWith({}, callback);
    expect(webAuths[0].logout).toHaveBeenCalledWith({ returnTo: 'http://localhost:3000/' });
    expect(webAuths[0].userInfo).toHaveBeenCalledWith('access-token', callback);
  });

  it("redirects with authorize, Lock's options plus the caller's, and warms up no Lock on the page it leaves", async () => {
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    lock.authorize({ prompt: 'none' });
    lock.preload();
    await flush();
    expect(webAuths).toHaveLength(1);
    expect(webAuths[0].options).toMatchObject({
      redirectUri: 'http://localhost:3000/',
      responseType: 'token id_token',
      scope: 'openid profile email'
    });
    expect(webAuths[0].authorize).toHaveBeenCalledTimes(1);
    expect(webAuths[0].authorize).toHaveBeenCalledWith({ prompt: 'none' });
    expect(loader).not.toHaveBeenCalled();
  });

  it('forwards the events of a Lock already loaded to a listener added while the page leaves for the tenant', async () => {
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    lock.show();
    await flush();
    lock.authorize({ prompt: 'none' });
    const listener = jest.fn();
    lock.on('hide', listener);
    FakeLock.instances[0].emit('hide');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('logs a redirect that cannot load auth0-js, and lets Lock warm up after all', async () => {
    webAuthLoader.mockImplementationOnce(() => Promise.reject(new Error('chunk failed')));
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    lock.authorize({ prompt: 'none' });
    await flush();
    expect(consoleError).toHaveBeenCalledWith('Could not go to the tenant:', 'auth0-js could not be loaded: chunk failed');
    lock.preload();
    await flush();
    expect(loader).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });

  it("answers checkSession's callback with an error when auth0-js cannot be loaded, and loads it again on the next call", async () => {
    webAuthLoader.mockImplementationOnce(() => Promise.reject(new Error('chunk failed')));
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    const callback = jest.fn();
    lock.checkSession({}, callback);
    await flush();
    expect(callback).toHaveBeenCalledWith(
      { error: 'auth0_js_unavailable', errorDescription: 'auth0-js could not be loaded: chunk failed' },
      undefined
    );
    lock.checkSession({}, callback);
    await flush();
    expect(webAuthLoader).toHaveBeenCalledTimes(2);
    expect(webAuths[0].checkSession).toHaveBeenCalledWith({}, callback);
  });

  it('reports a failed load once as unrecoverable_error, and tries again on the next show', async () => {
    loader.mockImplementationOnce(() => Promise.reject(new Error('chunk failed')));
    const lock = new LazyLock('client', 'domain', options);
    const onError = jest.fn();
    lock.on('unrecoverable_error', onError);
    lock.show();
    lock.show();
    await flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(new Error('chunk failed'));
    lock.show();
    await flush();
    expect(FakeLock.instances[0].show).toHaveBeenCalledTimes(1);
  });

  it('reports nothing when a warm-up (preload) fails, and loads again on the next show, which reports its own failure', async () => {
    loader.mockImplementationOnce(() => Promise.reject(new Error('navigation cut the warm-up short')));
    loader.mockImplementationOnce(() => Promise.reject(new Error('chunk failed')));
    const lock = new LazyLock('client', 'domain', options);
    const onError = jest.fn();
    lock.on('unrecoverable_error', onError);
    lock.preload();
    await flush();
    expect(onError).not.toHaveBeenCalled();
    lock.show();
    await flush();
    expect(onError).toHaveBeenCalledWith(new Error('chunk failed'));
    lock.preload();
    lock.show();
    await flush();
    expect(loader).toHaveBeenCalledTimes(3);
    expect(FakeLock.instances[0].show).toHaveBeenCalledTimes(1);
  });

  it("drops quietly a warm-up's Lock that fails before any show (e.g. its client configuration), and builds a new one on show", async () => {
    const lock = new LazyLock('client', 'domain', options);
    const onError = jest.fn();
    lock.on('unrecoverable_error', onError);
    lock.preload();
    await flush();
    expect(FakeLock.instances[0].emit('unrecoverable_error', new Error('client data cut off'))).toBe(true);
    expect(onError).not.toHaveBeenCalled();
    lock.show();
    await flush();
    expect(FakeLock.instances).toHaveLength(2);
    expect(FakeLock.instances[1].show).toHaveBeenCalledTimes(1);
    FakeLock.instances[1].emit('unrecoverable_error', new Error('after a click'));
    expect(onError).toHaveBeenCalledWith(new Error('after a click'));
  });

  it('reports a failed load that a show() joined after the warm-up started', async () => {
    loader.mockImplementationOnce(() => Promise.reject(new Error('chunk failed')));
    const lock = new LazyLock('client', 'domain', options);
    const onError = jest.fn();
    lock.on('unrecoverable_error', onError);
    lock.preload();
    lock.show();
    await flush();
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe("the callback's hash, parsed by the stand-in's auth0-js", () => {
  let LazyLock: ReturnType<typeof createLazyLock>;
  let webAuthLoader: jest.Mock<Promise<WebAuthConstructor>, []>;

  beforeEach(() => {
    webAuths.length = 0;
    parseHashAnswer = [null, { idToken: 'parsed' }];
    webAuthLoader = jest.fn(() => Promise.resolve(FakeWebAuth as unknown as WebAuthConstructor));
    LazyLock = createLazyLock(() => Promise.reject(new Error('Lock must not load')), loadOnce(webAuthLoader));
  });

  it("emits authenticated with auth0-js's result, parsed with Lock's options (the dev tenant's issuer), and loads no Lock", async () => {
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    const authenticated = jest.fn();
    lock.on('authenticated', authenticated);
    lock.parseCallback('#id_token=x&access_token=y');
    await flush();
    expect(authenticated).toHaveBeenCalledWith({ idToken: 'parsed' });
    expect(webAuths[0].options).toMatchObject({ clientID: 'client', domain: 'http://localhost:3001', overrides: options.overrides });
  });

  it('emits authorization_error for a refused answer, and for an auth0-js that cannot be loaded', async () => {
    parseHashAnswer = [{ error: 'login_required' }, null];
    const lock = new LazyLock('client', 'http://localhost:3001', options);
    const failed = jest.fn();
    lock.on('authorization_error', failed);
    lock.parseCallback('#error=login_required');
    await flush();
    expect(failed).toHaveBeenCalledWith({ error: 'login_required' });
    const Offline = createLazyLock(
      () => Promise.reject(new Error('Lock must not load')),
      () => Promise.reject(new Error('chunk failed'))
    );
    new Offline('client', 'x.auth0.com', options).on('authorization_error', failed).parseCallback('#id_token=x');
    await flush();
    expect(failed).toHaveBeenLastCalledWith({
      error: 'auth0_js_unavailable',
      errorDescription: 'auth0-js could not be loaded: chunk failed'
    });
  });
});

describe('angular-lock with the stand-in built from the injected settings', () => {
  it('exposes the methods the app calls, with interceptHash, and imports no Lock to build the service', () => {
    let lock: Record<string, unknown> = {};
    angular.mock.module('auth0.session', (authSessionProvider: { configure(options: object): void }) => {
      authSessionProvider.configure({ domain: 'http://localhost:3001', clientID: 'client' });
    });
    angular.mock.inject((_lock_: Record<string, unknown>) => {
      lock = _lock_;
    });
    for (const method of [
      'show',
      'hide',
      'on',
      'off',
      'emit',
      'checkSession',
      'logout',
      'getUserInfo',
      'resumeAuth',
      'preload',
      'authorize',
      'interceptHash'
    ]) {
      expect(typeof lock[method]).toBe('function');
    }
    expect(mockLockImported).not.toHaveBeenCalled();
    expect(mockAuth0JsImported).not.toHaveBeenCalled();
  });

  it("is the stand-in made from authSession's settings: nothing reaches it through lockProvider or a global's fields", () => {
    let standIn: { emit(event: string, ...args: unknown[]): boolean } | undefined;
    let lock: angular.lock.ILockService | undefined;
    angular.mock.module('auth0.session', (authSessionProvider: { configure(options: object): void }) => {
      authSessionProvider.configure({ domain: 'http://localhost:3001', clientID: 'client' });
    });
    angular.mock.inject((_lock_: angular.lock.ILockService, lockStandIn: typeof standIn) => {
      lock = _lock_;
      standIn = lockStandIn;
    });
    const listener = jest.fn();
    lock?.on('show', listener);
    standIn?.emit('show');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(standIn).toMatchObject({ clientID: 'client', domain: 'http://localhost:3001' });
  });
});
