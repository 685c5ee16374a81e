import { auth0SettingsFromEnv } from './build-settings';
import { sessionOptionsFrom } from './auth0-settings';

const realTenant = { AUTH0_DOMAIN: 'your-tenant.eu.auth0.com', AUTH0_CLIENT_ID: 'abc123' };

describe('auth0SettingsFromEnv (the build-time settings)', () => {
  it('without AUTH0_DOMAIN, builds for the dev tenant on localhost, with the demo API and renewal', () => {
    expect(auth0SettingsFromEnv({ DEV_TENANT_PORT: '4101', DEMO_API_PORT: '4102' })).toEqual({
      domain: 'http://localhost:4101',
      clientID: 'dev-tenant-client',
      callbackUrl: '',
      apiUrl: 'http://localhost:4102',
      lockFetch: 'idle',
      loginMode: 'lock',
      audience: '',
      silentRenewal: true,
      devTenant: true,
      tenant: '',
      configurationBaseUrl: ''
    });
  });

  it('DEV_TENANT_BROWSER_HOST=127.0.0.1 puts the dev tenant on another site than the app, over https', () => {
    // The module takes an http(s) loopback URL as the dev tenant: Lock's assets and the profile pictures come from it, not a CDN.
    expect(auth0SettingsFromEnv({ DEV_TENANT_BROWSER_HOST: '127.0.0.1', DEV_TENANT_PORT: '4101', DEMO_API_PORT: '4102' })).toMatchObject({
      domain: 'https://127.0.0.1:4101',
      devTenant: true,
      apiUrl: 'http://localhost:4102',
      silentRenewal: true
    });
    expect(() => auth0SettingsFromEnv({ DEV_TENANT_BROWSER_HOST: 'example.com' })).toThrow(
      'DEV_TENANT_BROWSER_HOST must be localhost or 127.0.0.1'
    );
  });

  it('a real tenant: no API, no renewal unless asked, the domain as given', () => {
    expect(auth0SettingsFromEnv(realTenant)).toMatchObject({
      domain: 'your-tenant.eu.auth0.com',
      apiUrl: '',
      silentRenewal: false,
      devTenant: false
    });
    expect(auth0SettingsFromEnv({ ...realTenant, AUTH0_SILENT_RENEWAL: 'true', API_URL: 'https://api.example.com/' })).toMatchObject({
      silentRenewal: true,
      apiUrl: 'https://api.example.com'
    });
  });

  it('normalises https://host to the host', () => {
    expect(auth0SettingsFromEnv({ ...realTenant, AUTH0_DOMAIN: 'https://your-tenant.eu.auth0.com' }).domain).toBe(
      'your-tenant.eu.auth0.com'
    );
  });

  it.each([
    ['https://x.auth0.com/', 'AUTH0_DOMAIN "https://x.auth0.com/" has a path or a trailing slash: give the host only, e.g. "x.auth0.com".'],
    ['x.auth0.com/login', 'AUTH0_DOMAIN "x.auth0.com/login" has a path or a trailing slash: give the host only, e.g. "x.auth0.com".'],
    ['http://x.auth0.com', 'AUTH0_DOMAIN "http://x.auth0.com" uses http://'],
    ['x.auth0.com?a=1', 'AUTH0_DOMAIN "x.auth0.com?a=1" is not a host name like "your-tenant.eu.auth0.com".'],
    ['x auth0.com', 'AUTH0_DOMAIN "x auth0.com" is not a host name']
  ])('refuses AUTH0_DOMAIN=%s, saying what to write', (domain, message) => {
    expect(() => auth0SettingsFromEnv({ ...realTenant, AUTH0_DOMAIN: domain })).toThrow(message);
  });

  it('refuses a bad callback URL, API URL or renewal flag by variable', () => {
    expect(() => auth0SettingsFromEnv({ ...realTenant, AUTH0_CALLBACK_URL: 'localhost:3000' })).toThrow(/^AUTH0_CALLBACK_URL must be/);
    expect(() => auth0SettingsFromEnv({ ...realTenant, API_URL: 'api.example.com' })).toThrow(/^API_URL must be an absolute/);
    expect(() => auth0SettingsFromEnv({ ...realTenant, AUTH0_LOCK_FETCH: 'hover' })).toThrow(
      /^AUTH0_LOCK_FETCH must be one of "idle", "intent", "click", not "hover"/
    );
    expect(auth0SettingsFromEnv({ ...realTenant, AUTH0_LOCK_FETCH: 'intent' }).lockFetch).toBe('intent');
  });

  it('AUTH0_LOGIN_MODE=universal: Universal Login, with renewal on for a real tenant too, and AUTH0_AUDIENCE for its API', () => {
    expect(auth0SettingsFromEnv({ ...realTenant, AUTH0_LOGIN_MODE: 'universal' })).toMatchObject({
      loginMode: 'universal',
      silentRenewal: true,
      audience: ''
    });
    expect(
      auth0SettingsFromEnv({ ...realTenant, AUTH0_LOGIN_MODE: 'universal', AUTH0_AUDIENCE: 'https://api.example.com/' }).audience
    ).toBe('https://api.example.com/');
    expect(() => auth0SettingsFromEnv({ ...realTenant, AUTH0_LOGIN_MODE: 'popup' })).toThrow(
      /^AUTH0_LOGIN_MODE must be one of "lock", "universal", not "popup"/
    );
    expect(() => auth0SettingsFromEnv({ ...realTenant, AUTH0_AUDIENCE: 'https://api.example.com/' })).toThrow(
      /^AUTH0_AUDIENCE needs `loginMode: "universal"`/
    );
    expect(() => auth0SettingsFromEnv({ ...realTenant, AUTH0_SILENT_RENEWAL: 'yes' })).toThrow(
      'AUTH0_SILENT_RENEWAL must be "true" or "false"'
    );
    expect(() => auth0SettingsFromEnv({ AUTH0_DOMAIN: 'x.auth0.com' })).toThrow('AUTH0_CLIENT_ID is not');
  });

  it('a custom domain takes the tenant name and the region CDN, both or neither', () => {
    const custom = { ...realTenant, AUTH0_DOMAIN: 'login.example.com', AUTH0_TENANT: 'your-tenant' };
    expect(auth0SettingsFromEnv({ ...custom, AUTH0_CONFIGURATION_BASE_URL: 'https://cdn.eu.auth0.com/' })).toMatchObject({
      domain: 'login.example.com',
      tenant: 'your-tenant',
      configurationBaseUrl: 'https://cdn.eu.auth0.com'
    });
    expect(() => auth0SettingsFromEnv(custom)).toThrow('set both, or neither');
    expect(() => auth0SettingsFromEnv({ ...custom, AUTH0_CONFIGURATION_BASE_URL: 'http://cdn.eu.auth0.com' })).toThrow(
      /^AUTH0_CONFIGURATION_BASE_URL must be your region's CDN/
    );
    expect(() =>
      auth0SettingsFromEnv({ ...custom, AUTH0_TENANT: 'your.tenant', AUTH0_CONFIGURATION_BASE_URL: 'https://cdn.auth0.com' })
    ).toThrow(/^AUTH0_TENANT must be/);
    expect(() => auth0SettingsFromEnv({ AUTH0_TENANT: 'x', AUTH0_CONFIGURATION_BASE_URL: 'https://cdn.auth0.com' })).toThrow(
      'set AUTH0_DOMAIN too'
    );
  });
});

describe('sessionOptionsFrom', () => {
  it('gives a real tenant the app logo, and a custom domain Lock configurationBaseUrl and overrides', () => {
    const settings = auth0SettingsFromEnv({
      ...realTenant,
      AUTH0_DOMAIN: 'login.example.com',
      AUTH0_TENANT: 'your-tenant',
      AUTH0_CONFIGURATION_BASE_URL: 'https://cdn.eu.auth0.com'
    });
    const options = sessionOptionsFrom(settings);
    expect(options.apiOrigins).toEqual([]);
    expect(options.lockOptions).toMatchObject({
      configurationBaseUrl: 'https://cdn.eu.auth0.com',
      overrides: { __tenant: 'your-tenant', __token_issuer: 'https://login.example.com/' }
    });
    expect(options.lockOptions?.theme?.logo).toEqual(expect.any(String));
  });

  it('leaves the dev tenant to the module (its inline logo, its assets)', () => {
    expect(sessionOptionsFrom(auth0SettingsFromEnv({})).lockOptions).toBeUndefined();
  });
});
