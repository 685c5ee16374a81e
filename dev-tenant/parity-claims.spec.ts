// Parity rows 4 and 6 (see dev-tenant/README.md): the id_token of `openid profile email` carries
// Auth0's claims, its at_hash passes auth0-js's own check, and the SSO session has Auth0's limits and cookie.
import { createRequire } from 'node:module';
import { decodeJwt } from 'jose';
import { fragmentOf, fullLogin, sessionCookieOf, silentRenewal, useTestTenant } from './testing/test-support';

const HOUR_MS = 60 * 60 * 1000;

interface AccessTokenValidator {
  validateAccessToken(accessToken: string, alg: string, atHash: string, cb: (error: Error | null) => void): void;
}

// auth0-js 10 checks at_hash with this very module (src/web-auth/index.js: new IdTokenVerifier().validateAccessToken).
const auth0JsRequire = createRequire(require.resolve('auth0-js/package.json'));
const IdTokenVerifier = auth0JsRequire('idtoken-verifier') as new (options: object) => AccessTokenValidator;

function auth0JsAccepts(accessToken: string, atHash: string): Promise<Error | null> {
  return new Promise((resolve) => {
    new IdTokenVerifier({}).validateAccessToken(accessToken, 'RS256', atHash, resolve);
  });
}

describe('row 4: id_token claims', () => {
  const t = useTestTenant();

  it('row 4: has sub, nickname, name, picture, updated_at, email, email_verified and sid for openid profile email', async () => {
    const fragment = fragmentOf(await fullLogin(t.tenant));
    const claims = decodeJwt(fragment.get('id_token') ?? '');
    expect(Object.keys(claims).sort()).toEqual(
      [
        'at_hash',
        'aud',
        'email',
        'email_verified',
        'exp',
        'iat',
        'iss',
        'name',
        'nickname',
        'nonce',
        'picture',
        'sid',
        'sub',
        'updated_at'
      ].sort()
    );
    expect(claims).toMatchObject({
      nickname: 'dev',
      name: 'Dev User',
      picture: expect.stringMatching(/^http:\/\/localhost:\d+\/avatar\/[\w-]+\.svg$/) as unknown,
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
      email: 'dev@example.com',
      email_verified: true,
      sid: expect.stringMatching(/^[\w-]{32}$/) as unknown
    });
  });

  it("row 4: at_hash passes auth0-js's own validateAccessToken, and fails it for another token", async () => {
    const fragment = fragmentOf(await fullLogin(t.tenant, { response_type: 'token id_token' }));
    const accessToken = fragment.get('access_token') ?? '';
    const { at_hash: atHash } = decodeJwt(fragment.get('id_token') ?? '');
    expect(typeof atHash).toBe('string');
    expect(await auth0JsAccepts(accessToken, String(atHash))).toBeNull();
    expect(await auth0JsAccepts(`${accessToken}x`, String(atHash))).toBeInstanceOf(Error);
  });

  it('row 4: has no at_hash without an access token, and keeps its sid across silent renewals', async () => {
    const login = await fullLogin(t.tenant, { response_type: 'id_token' });
    const claims = decodeJwt(fragmentOf(login).get('id_token') ?? '');
    expect(claims).not.toHaveProperty('at_hash');
    const renewed = await silentRenewal(t.tenant, sessionCookieOf(login));
    expect(decodeJwt(renewed.response.id_token ?? '').sid).toBe(claims.sid);
  });
});

describe('row 6: sessions with idle and absolute lifetimes', () => {
  let clock = Date.now();
  const t = useTestTenant({ env: { DEV_TENANT_IDLE_SESSION_LIFETIME: '1', DEV_TENANT_SESSION_LIFETIME: '2' }, now: () => clock });

  it('row 6: sets a persistent cookie (Max-Age, Expires) for the absolute lifetime', async () => {
    const login = await fullLogin(t.tenant);
    const cookie = login.headers.getSetCookie().find((header) => header.startsWith('auth0='));
    expect(cookie).toMatch(/; Max-Age=7200; Path=\/; Expires=[^;]+ GMT; HttpOnly; SameSite=Lax$/);
  });

  it('row 6: renews within the idle limit, then ends at the absolute one', async () => {
    const cookie = sessionCookieOf(await fullLogin(t.tenant));
    clock += HOUR_MS - 1;
    expect((await silentRenewal(t.tenant, cookie)).response).toHaveProperty('id_token');
    clock += HOUR_MS - 1;
    expect((await silentRenewal(t.tenant, cookie)).response).toHaveProperty('id_token');
    clock += 2;
    expect((await silentRenewal(t.tenant, cookie)).response).toMatchObject({ error: 'login_required' });
  });

  it('row 6: ends after the idle limit without use', async () => {
    const cookie = sessionCookieOf(await fullLogin(t.tenant));
    clock += HOUR_MS;
    expect((await silentRenewal(t.tenant, cookie)).response).toMatchObject({ error: 'login_required' });
  });
});

describe('row 6: session_cookie.mode non-persistent (DEV_TENANT_SESSION_COOKIE_MODE)', () => {
  const t = useTestTenant({ env: { DEV_TENANT_SESSION_COOKIE_MODE: 'non-persistent' } });

  it('row 6: sets a browser-session cookie in non-persistent mode', async () => {
    const cookie = (await fullLogin(t.tenant)).headers.getSetCookie().find((header) => header.startsWith('auth0='));
    expect(cookie).toMatch(/^auth0=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
  });
});
