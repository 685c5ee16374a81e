// Access tokens: opaque without an audience, RS256 JWTs for the configured API, both good at /userinfo.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  APP_ORIGIN,
  CLIENT_ID,
  authorize,
  authorizeParams,
  fragmentOf,
  fullLogin,
  sessionCookieOf,
  useTestTenant,
  webMessageOf
} from '../testing/test-support';

const API = 'http://localhost:3002/';

describe('API access tokens and /userinfo', () => {
  let clock = Date.now();
  const t = useTestTenant({ now: () => clock });
  const userinfo = (authorization?: string) =>
    fetch(`${t.tenant.url}/userinfo`, { headers: authorization === undefined ? {} : { authorization, origin: APP_ORIGIN } });
  const accessToken = async (overrides: Record<string, string | undefined> = {}) =>
    fragmentOf(await fullLogin(t.tenant, overrides)).get('access_token') ?? '';

  it("issues an RS256 JWT for the API audience, with Auth0's claims", async () => {
    const fragment = fragmentOf(await fullLogin(t.tenant, { audience: API, scope: 'openid profile read:messages' }));
    const token = fragment.get('access_token') ?? '';
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) as unknown });
    const claims = decodeJwt(token);
    expect(claims).toEqual({
      iss: `${t.tenant.url}/`,
      sub: expect.stringMatching(/^auth0\|/) as unknown,
      aud: [API, `${t.tenant.url}/userinfo`],
      azp: CLIENT_ID,
      scope: 'openid profile read:messages',
      iat: Math.floor(clock / 1000),
      exp: Math.floor(clock / 1000) + 7200
    });
    expect(fragment.get('expires_in')).toBe('7200');
  });

  it('leaves the userinfo audience out without openid, as Auth0 does', async () => {
    expect(decodeJwt(await accessToken({ audience: API, scope: 'read:messages', response_type: 'token' })).aud).toBe(API);
  });

  it('row 11: answers prompt=none for an API audience from a localhost app with consent_required, as Auth0 does', async () => {
    const cookie = sessionCookieOf(await fullLogin(t.tenant, { audience: API })) ?? '';
    const silent = authorizeParams({ response_mode: 'web_message', prompt: 'none', audience: API });
    const { response } = await webMessageOf(await authorize(t.tenant, silent, cookie));
    expect(response).toEqual({ error: 'consent_required', error_description: 'Consent required', state: 'state-1' });
    // Without the audience the same session renews silently.
    const plain = await webMessageOf(await authorize(t.tenant, authorizeParams({ response_mode: 'web_message', prompt: 'none' }), cookie));
    expect(plain.response).toHaveProperty('id_token');
  });

  it('refuses an unknown audience the way Auth0 does, on the callback', async () => {
    const res = await fullLogin(t.tenant, { audience: 'https://other.example/api' });
    expect(res.status).toBe(302);
    expect(Object.fromEntries(fragmentOf(res))).toEqual({
      error: 'access_denied',
      error_description: 'Service not found: https://other.example/api',
      state: 'state-1'
    });
  });

  it.each([
    ['an opaque token', {}],
    ['an API token', { audience: API }]
  ])('answers /userinfo for %s with the claims of its scope', async (_case, overrides) => {
    const res = await userinfo(`Bearer ${await accessToken({ ...overrides, scope: 'openid email' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(await res.json()).toEqual({ sub: expect.stringMatching(/^auth0\|/) as unknown, email: 'dev@example.com', email_verified: true });
  });

  /** Auth0's /userinfo refusal: status, content type, body and the challenge header. */
  const refusalOf = async (res: Response) => [
    res.status,
    res.headers.get('content-type'),
    await res.text(),
    res.headers.get('www-authenticate')
  ];

  it('row 3: refuses missing, unknown and non-userinfo tokens with 401 "Unauthorized" in plain text, details in WWW-Authenticate', async () => {
    expect(await refusalOf(await userinfo())).toEqual([401, 'text/plain; charset=utf-8', 'Unauthorized', 'Bearer']);
    for (const token of ['forged', await accessToken({ audience: API, scope: 'read:messages' })]) {
      expect(await refusalOf(await userinfo(`Bearer ${token}`))).toEqual([
        401,
        'text/plain; charset=utf-8',
        'Unauthorized',
        'Bearer error="invalid_token", error_description="Invalid token"'
      ]);
    }
  });

  it.each([
    ['an opaque token', {}],
    ['an API token', { audience: API }]
  ])('row 3: refuses %s once it has expired with Auth0\'s "The access token expired" challenge', async (_case, overrides) => {
    const header = `Bearer ${await accessToken(overrides)}`;
    expect((await userinfo(header)).status).toBe(200);
    clock += 7200 * 1000;
    expect(await refusalOf(await userinfo(header))).toEqual([
      401,
      'text/plain; charset=utf-8',
      'Unauthorized',
      'Bearer error="invalid_token", error_description="The access token expired"'
    ]);
  });
});
