// The scripts Lock loads and the discovery documents auth0-js reads.
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import { APP_ORIGIN, CLIENT_ID, useTestTenant } from '../testing/test-support';

const LOCK_VERSION = (JSON.parse(fs.readFileSync(require.resolve('auth0-lock/package.json'), 'utf8')) as { version: string }).version;

/** Runs a served script the way the browser would, capturing what it hands to window.Auth0. */
function runScript(source: string): Partial<Record<string, unknown[]>> {
  const calls: Partial<Record<string, unknown[]>> = {};
  const record =
    (method: string) =>
    (...args: unknown[]) => {
      calls[method] = args;
    };
  vm.runInNewContext(source, {
    Auth0: { setClient: record('setClient'), registerLanguageDictionary: record('registerLanguageDictionary') }
  });
  return calls;
}

describe('Lock assets and discovery', () => {
  const t = useTestTenant();

  it('serves the client configuration script, ignoring the cache-busting query', async () => {
    const res = await fetch(`${t.tenant.url}/client/${CLIENT_ID}.js?t1700000000000`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/javascript/);
    const [client] = runScript(await res.text()).setClient ?? [];
    expect(client).toEqual({
      id: CLIENT_ID,
      tenant: 'dev-tenant',
      subscription: 'enterprise',
      authorize: `${t.tenant.url}/authorize`,
      callback: `${APP_ORIGIN}/`,
      hasAllowedOrigins: true,
      strategies: [
        {
          name: 'auth0',
          connections: [{ name: 'Username-Password-Authentication', showSignup: true, showForgot: true, passwordPolicy: 'good' }]
        }
      ]
    });
  });

  it.each(['/client/other-client.js', `/client/${CLIENT_ID}.json`, `/client/${CLIENT_ID}`])('answers 404 for %s', async (urlPath) => {
    const res = await fetch(`${t.tenant.url}${urlPath}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves the dictionary that ships with the installed Lock', async () => {
    const res = await fetch(`${t.tenant.url}/js/lock/${LOCK_VERSION}/fr.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/javascript/);
    const [language, dictionary] = runScript(await res.text()).registerLanguageDictionary ?? [];
    expect(language).toBe('fr');
    const shippedFile = require.resolve('auth0-lock/lib/i18n/fr.js');
    const shipped = ((await import(shippedFile)) as { default: unknown }).default;
    expect(dictionary).toEqual(JSON.parse(JSON.stringify(shipped)));
  });

  it.each([
    '/js/lock/11.0.0/en.js',
    `/js/lock/${LOCK_VERSION}/xx.js`,
    `/js/lock/${LOCK_VERSION}/EN.js`,
    `/js/lock/${LOCK_VERSION}/en`,
    `/js/lock/${LOCK_VERSION}/..%2F..%2Fpackage.json`,
    `/js/lock/${LOCK_VERSION}/%2e%2e%2findex.js`
  ])('answers 404 for %s', async (urlPath) => {
    expect((await fetch(`${t.tenant.url}${urlPath}`)).status).toBe(404);
  });

  it('publishes only the public parts of the signing key, with CORS for the app', async () => {
    const res = await fetch(`${t.tenant.url}/.well-known/jwks.json`, { headers: { origin: APP_ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0] ?? {}).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
  });

  it('gives no CORS headers to other origins', async () => {
    const res = await fetch(`${t.tenant.url}/.well-known/jwks.json`, { headers: { origin: 'http://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves an OpenID configuration consistent with the tokens', async () => {
    const res = await fetch(`${t.tenant.url}/.well-known/openid-configuration`, { headers: { origin: APP_ORIGIN } });
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(await res.json()).toMatchObject({
      issuer: `${t.tenant.url}/`,
      authorization_endpoint: `${t.tenant.url}/authorize`,
      jwks_uri: `${t.tenant.url}/.well-known/jwks.json`,
      userinfo_endpoint: `${t.tenant.url}/userinfo`,
      token_endpoint: `${t.tenant.url}/oauth/token`,
      revocation_endpoint: `${t.tenant.url}/oauth/revoke`,
      token_endpoint_auth_methods_supported: ['none'],
      end_session_endpoint: `${t.tenant.url}/v2/logout`,
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: expect.arrayContaining(['token id_token']) as unknown,
      subject_types_supported: ['public'],
      grant_types_supported: ['implicit'],
      scopes_supported: ['openid', 'profile', 'email'],
      claims_supported: expect.arrayContaining(['sub', 'nonce', 'email']) as unknown
    });
  });

  it('answers unknown endpoints with an Auth0-shaped 404', async () => {
    const res = await fetch(`${t.tenant.url}/passwordless/start`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', error_description: 'No such endpoint: POST /passwordless/start' });
  });
});
