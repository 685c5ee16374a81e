import { resolveAuthSessionOptions, tenantOrigin } from './auth-session.options';

const page = 'http://localhost:3000';
const resolve = (options: unknown) => resolveAuthSessionOptions(options, page);

describe('authSessionProvider.configure() options', () => {
  it("fills in the sample app's defaults", () => {
    expect(resolve({ domain: 'example.eu.auth0.com', clientID: 'abc' })).toEqual({
      domain: 'example.eu.auth0.com',
      clientID: 'abc',
      callbackUrl: 'http://localhost:3000/',
      apiOrigins: [],
      silentRenewal: false,
      loginState: undefined,
      lockOptions: {},
      lockFetch: 'idle',
      loginMode: 'lock',
      audience: undefined,
      tokenStorage: 'localStorage',
      devTenant: false
    });
  });

  it('turns silent renewal on by default in universal mode, where a refresh token needs no cookie', () => {
    expect(resolve({ domain: 'example.eu.auth0.com', clientID: 'abc', loginMode: 'universal' })).toMatchObject({
      loginMode: 'universal',
      silentRenewal: true
    });
    expect(resolve({ domain: 'example.eu.auth0.com', clientID: 'abc', loginMode: 'universal', silentRenewal: false }).silentRenewal).toBe(
      false
    );
  });

  it('takes an audience in universal mode', () => {
    expect(resolve({ domain: 'x.auth0.com', clientID: 'abc', loginMode: 'universal', audience: 'https://api.example.com/' }).audience).toBe(
      'https://api.example.com/'
    );
  });

  it.each(['http://localhost:3001', 'http://127.0.0.1:3001', 'https://127.0.0.1:3001'])(
    'takes %s for the dev tenant, with silent renewal on',
    (domain) => {
      expect(resolve({ domain, clientID: 'dev-tenant-client' })).toMatchObject({ domain, devTenant: true, silentRenewal: true });
    }
  );

  it('takes https://<host> as the host', () => {
    expect(resolve({ domain: 'https://example.auth0.com', clientID: 'abc' }).domain).toBe('example.auth0.com');
  });

  it.each([
    [{ clientID: 'abc' }, /`domain` is missing/],
    [{ domain: '', clientID: 'abc' }, /`domain` is missing/],
    [
      { domain: 'https://x.auth0.com/', clientID: 'abc' },
      /`domain` "https:\/\/x.auth0.com\/" has a path or a trailing slash: give the host only, e.g. "x.auth0.com"/
    ],
    [{ domain: 'x.auth0.com/authorize', clientID: 'abc' }, /`domain` .* has a path/],
    [{ domain: 'http://x.auth0.com', clientID: 'abc' }, /`domain` "http:\/\/x.auth0.com" uses http:\/\//],
    [{ domain: 'x auth0 com', clientID: 'abc' }, /`domain` "x auth0 com" is not a host name/],
    [{ domain: 'x.auth0.com' }, /`clientID` is missing/],
    [{ domain: 'x.auth0.com', clientID: '  ' }, /`clientID` is missing/],
    [{ domain: 'x.auth0.com', clientId: 'abc' }, /unknown option `clientId`/],
    [{ domain: 'x.auth0.com', clientID: 'abc', callbackUrl: '/callback' }, /`callbackUrl` must be an absolute http\(s\) URL/],
    [{ domain: 'x.auth0.com', clientID: 'abc', callbackUrl: 'javascript:alert(1)' }, /`callbackUrl` must be an absolute http\(s\) URL/],
    [{ domain: 'x.auth0.com', clientID: 'abc', apiOrigins: 'https://api.example.com' }, /`apiOrigins` must be an array/],
    [
      { domain: 'x.auth0.com', clientID: 'abc', apiOrigins: ['https://api.example.com/'] },
      /`apiOrigins` entry "https:\/\/api.example.com\/" is not an exact origin: use "https:\/\/api.example.com"/
    ],
    [{ domain: 'x.auth0.com', clientID: 'abc', silentRenewal: 'yes' }, /`silentRenewal` must be a boolean/],
    [{ domain: 'x.auth0.com', clientID: 'abc', loginState: 3 }, /`loginState` must be a string/],
    [{ domain: 'x.auth0.com', clientID: 'abc', lockOptions: null }, /`lockOptions` must be an object/],
    [{ domain: 'x.auth0.com', clientID: 'abc', lockFetch: 'hover' }, /`lockFetch` must be one of "idle", "intent", "click", not "hover"/],
    [{ domain: 'x.auth0.com', clientID: 'abc', loginMode: 'redirect' }, /`loginMode` must be one of "lock", "universal", not "redirect"/],
    [{ domain: 'x.auth0.com', clientID: 'abc', tokenStorage: 'memory' }, /`tokenStorage: "memory"` needs `loginMode: "universal"`/],
    [
      { domain: 'x.auth0.com', clientID: 'abc', loginMode: 'universal', tokenStorage: 'cookie' },
      /`tokenStorage` must be one of "localStorage", "memory"/
    ],
    [{ domain: 'x.auth0.com', clientID: 'abc', audience: 'https://api' }, /`audience` needs `loginMode: "universal"`/],
    [{ domain: 'x.auth0.com', clientID: 'abc', loginMode: 'universal', audience: ' ' }, /`audience` is empty/],
    [{ domain: 'x.auth0.com', clientID: 'abc', loginMode: 'universal', audience: 7 }, /`audience` must be a string, not 7/],
    [null, /pass an object/]
  ])('%p fails: %p', (options, message) => {
    expect(() => resolve(options)).toThrow(message);
  });

  it('names the call in every message', () => {
    expect(() => resolve({})).toThrow(/^authSessionProvider\.configure\(\): /);
  });

  it.each([
    ['example.eu.auth0.com', 'https://example.eu.auth0.com'],
    ['https://example.eu.auth0.com', 'https://example.eu.auth0.com'],
    ['http://localhost:3001', 'http://localhost:3001']
  ])("gives %s's origin as %s", (domain, origin) => {
    expect(tenantOrigin(resolve({ domain, clientID: 'abc' }))).toBe(origin);
  });
});
