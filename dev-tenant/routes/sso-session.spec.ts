// The tenant session: Lock's hidden prompt=none/web_message check, silent renewal, and /v2/logout.
import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import {
  APP_ORIGIN,
  CALLBACK,
  CLIENT_ID,
  authorize,
  authorizeParams,
  fragmentOf,
  fullLogin,
  sessionCookieOf,
  useTestTenant,
  webMessageOf
} from '../testing/test-support';

const silent = (overrides: Record<string, string | undefined> = {}) =>
  authorizeParams({ response_mode: 'web_message', prompt: 'none', connection: undefined, realm: undefined, ...overrides });

describe('SSO session', () => {
  const t = useTestTenant({ env: { DEV_TENANT_CALLBACK_URLS: `${CALLBACK},http://localhost:5000/` } });

  async function loginCookie(): Promise<string> {
    const cookie = sessionCookieOf(await fullLogin(t.tenant));
    if (cookie === undefined) throw new Error('login set no session cookie');
    return cookie;
  }

  it('answers prompt=none without a session with a login_required page for the app origin', async () => {
    const res = await authorize(t.tenant, silent({ state: 'sso-1' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await webMessageOf(res)).toEqual({
      targetOrigin: APP_ORIGIN,
      response: { error: 'login_required', error_description: 'Login required', state: 'sso-1' }
    });
  });

  it('lets the page run only its own script, framed only by the app', async () => {
    const res = await authorize(t.tenant, silent());
    const csp = res.headers.get('content-security-policy') ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(await res.text())?.[1] ?? '';
    expect(script).toContain("type: 'authorization_response'");
    expect(script).toContain('window.opener || window.parent');
    const hash = createHash('sha256').update(script).digest('base64');
    expect(csp).toBe(`default-src 'none'; script-src 'sha256-${hash}'; frame-ancestors ${APP_ORIGIN}; base-uri 'none'; form-action 'none'`);
  });

  it('escapes the response so it cannot break out of the page', async () => {
    const res = await authorize(t.tenant, silent({ state: '</script><script>alert(1)</script>' }));
    const html = await res.clone().text();
    expect(html).not.toContain('<script>alert(1)');
    expect((await webMessageOf(res)).response.state).toBe('</script><script>alert(1)</script>');
  });

  it('returns fresh tokens with the new nonce when the session cookie is sent', async () => {
    const cookie = await loginCookie();
    const res = await authorize(t.tenant, silent({ state: 'sso-2', nonce: 'renewal-nonce' }), cookie);
    const { targetOrigin, response } = await webMessageOf(res);
    expect(targetOrigin).toBe(APP_ORIGIN);
    expect(Object.keys(response)).toEqual(['access_token', 'scope', 'expires_in', 'token_type', 'id_token', 'state']);
    expect(response).toMatchObject({ state: 'sso-2', token_type: 'Bearer', expires_in: '7200' });
    expect(decodeJwt(response.id_token ?? '')).toMatchObject({ nonce: 'renewal-nonce', aud: CLIENT_ID, email: 'dev@example.com' });
  });

  it('also answers a fragment-mode /authorize from the session, like Auth0, but not with prompt=login', async () => {
    const cookie = await loginCookie();
    expect(fragmentOf(await authorize(t.tenant, authorizeParams(), cookie)).get('id_token')).toEqual(expect.any(String));
    expect(fragmentOf(await authorize(t.tenant, authorizeParams({ prompt: 'login' }), cookie)).get('error')).toBe('login_required');
  });

  it('replaces the session on a new login', async () => {
    const first = await loginCookie();
    const res = await fullLogin(t.tenant, {}, first);
    const second = sessionCookieOf(res);
    expect(second).not.toBe(first);
    const withFirst = await authorize(t.tenant, silent(), first);
    expect((await webMessageOf(withFirst)).response.error).toBe('login_required');
  });

  it('refuses web_message to an origin outside the web origins, without posting anything', async () => {
    const res = await authorize(t.tenant, silent({ redirect_uri: 'http://localhost:5000/' }), await loginCookie());
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).not.toContain('postMessage');
    expect(JSON.parse(body)).toMatchObject({ error: 'invalid_request' });
  });

  const logout = (query: string, cookie?: string) =>
    fetch(`${t.tenant.url}/v2/logout?${query}`, { redirect: 'manual', headers: cookie === undefined ? {} : { cookie } });

  it('ends the session on /v2/logout and returns to an allowed URL', async () => {
    const cookie = await loginCookie();
    const res = await logout(`client_id=${CLIENT_ID}&returnTo=${encodeURIComponent(CALLBACK)}`, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(CALLBACK);
    expect(res.headers.getSetCookie().join()).toMatch(/^auth0=;.*Expires=Thu, 01 Jan 1970/);
    const after = await authorize(t.tenant, silent(), cookie);
    expect((await webMessageOf(after)).response.error).toBe('login_required');
  });

  it('row 9: without returnTo, redirects to the first Allowed Logout URL, as Auth0 does with client_id', async () => {
    const cookie = await loginCookie();
    const res = await logout(`client_id=${CLIENT_ID}`, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(CALLBACK);
    expect((await webMessageOf(await authorize(t.tenant, silent(), cookie))).response.error).toBe('login_required');
  });

  it('shows a small page when there is neither returnTo nor client_id', async () => {
    const res = await logout('', await loginCookie());
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Logged out');
  });

  it.each([
    ['a returnTo outside the allow-list', `returnTo=${encodeURIComponent('http://evil.example/')}`],
    ['a returnTo on another path', `returnTo=${encodeURIComponent(`${APP_ORIGIN}/elsewhere`)}`]
  ])('row 9: refuses %s with an HTML invalid_request page, without redirecting or ending the session', async (_case, query) => {
    const cookie = await loginCookie();
    const res = await logout(query, cookie);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('invalid_request');
    expect(html).toContain('is not defined as a valid URL in &ldquo;Allowed Logout URLs&rdquo;');
    expect(html).not.toContain('evil.example');
    const after = await authorize(t.tenant, silent(), cookie);
    expect((await webMessageOf(after)).response).toHaveProperty('id_token');
  });

  it.each([['an unknown client', `client_id=other&returnTo=${encodeURIComponent(CALLBACK)}`]])(
    'refuses %s without redirecting or ending the session',
    async (_case, query) => {
      const cookie = await loginCookie();
      const res = await logout(query, cookie);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
      const after = await authorize(t.tenant, silent(), cookie);
      expect((await webMessageOf(after)).response).toHaveProperty('id_token');
    }
  );
});
