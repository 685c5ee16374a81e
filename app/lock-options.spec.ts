import { buildLockOptions } from './lock-options';
import type { Auth0Settings } from './auth0-settings';

const devTenant: Auth0Settings = { domain: 'http://localhost:3001', clientID: 'dev-tenant-client', callbackUrl: '', apiUrl: 'http://localhost:3002', silentRenewal: true, devTenant: true };
const realTenant: Auth0Settings = { ...devTenant, domain: 'example.eu.auth0.com', clientID: 'abc', silentRenewal: false, devTenant: false };

describe('buildLockOptions', () => {
  it('uses redirect mode, parses only through interceptHash, and comes back to the app\'s origin by default', () => {
    expect(buildLockOptions(realTenant, 'http://localhost:3000').auth).toEqual({
      redirect: true,
      redirectUrl: 'http://localhost:3000/',
      responseType: 'token id_token',
      params: { scope: 'openid profile email' },
      autoParseHash: false
    });
  });

  it('honours AUTH0_CALLBACK_URL', () => {
    expect(buildLockOptions({ ...realTenant, callbackUrl: 'https://app.example.com/cb' }, 'http://localhost:3000').auth?.redirectUrl).toBe('https://app.example.com/cb');
  });

  it('points Lock and auth0-js at the dev tenant for everything, with no request off the machine', () => {
    const options = buildLockOptions(devTenant, 'http://localhost:3000');
    expect(options).toMatchObject({
      configurationBaseUrl: 'http://localhost:3001',
      languageBaseUrl: 'http://localhost:3001',
      overrides: { __token_issuer: 'http://localhost:3001/', __jwks_uri: 'http://localhost:3001/.well-known/jwks.json' },
      avatar: null
    });
    expect(options.theme?.logo).not.toMatch(/^https?:/);
  });

  it('leaves Lock\'s defaults for a real tenant, except the gravatar lookup', () => {
    const options = buildLockOptions(realTenant, 'http://localhost:3000');
    expect(options.configurationBaseUrl).toBeUndefined();
    expect(options.overrides).toBeUndefined();
    expect(options.theme).toBeUndefined();
    expect(options.avatar).toBeNull();
  });
});
