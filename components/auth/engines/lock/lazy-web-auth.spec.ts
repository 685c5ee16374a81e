import type * as auth0 from 'auth0-js';
import { createLazyWebAuth, loadOnce, type WebAuthConstructor } from './lazy-web-auth';

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type ParseHashCallback = auth0.Auth0Callback<auth0.Auth0DecodedHash | null, auth0.Auth0ParseHashError>;

const parsed: { options: object; hashOptions: object }[] = [];
class FakeWebAuth {
  constructor(private readonly options: object) {}

  parseHash(hashOptions: object, callback: ParseHashCallback): void {
    parsed.push({ options: this.options, hashOptions });
    callback(null, { idToken: 'parsed' });
  }
}

describe('loadOnce', () => {
  it('loads once for every caller, and again after a failure', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('module');
    const loadModule = loadOnce(load as () => Promise<string>);
    await expect(loadModule()).rejects.toThrow('offline');
    await expect(Promise.all([loadModule(), loadModule()])).resolves.toEqual(['module', 'module']);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("the lazy auth0.WebAuth that angular-lock's interceptHash constructs", () => {
  beforeEach(() => {
    parsed.length = 0;
  });

  it('loads auth0-js only to parse, then parses with the options it was constructed with', async () => {
    const load = jest.fn(() => Promise.resolve(FakeWebAuth as unknown as WebAuthConstructor));
    const LazyWebAuth = createLazyWebAuth(load);
    const webAuth = new LazyWebAuth({ clientID: 'client', domain: 'http://localhost:3001' });
    expect(load).not.toHaveBeenCalled();
    const callback = jest.fn();
    webAuth.parseHash({ hash: '#id_token=x' }, callback);
    await flush();
    expect(parsed).toEqual([{ options: { clientID: 'client', domain: 'http://localhost:3001' }, hashOptions: { hash: '#id_token=x' } }]);
    expect(callback).toHaveBeenCalledWith(null, { idToken: 'parsed' });
  });

  it('gives the callback an error it can show when auth0-js cannot be loaded', async () => {
    const LazyWebAuth = createLazyWebAuth(() => Promise.reject(new Error('Loading chunk 7 failed.')));
    const callback = jest.fn();
    new LazyWebAuth({ clientID: 'client', domain: 'x.auth0.com' }).parseHash({ hash: '#id_token=x' }, callback);
    await flush();
    expect(callback).toHaveBeenCalledWith(
      { error: 'auth0_js_unavailable', errorDescription: 'auth0-js could not be loaded: Loading chunk 7 failed.' },
      null
    );
  });
});
