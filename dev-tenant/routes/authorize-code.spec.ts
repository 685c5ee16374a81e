// GET /authorize with response_type=code, as auth0-spa-js sends it: S256 PKCE only, the login page or
// SSO, prompt=none and prompt=login, and the whole flow to a working /oauth/token exchange.
import { decodeJwt } from 'jose';
import { CALLBACK, fullLogin, sessionCookieOf, useTestTenant } from '../testing/test-support';
import { exchangeCode, tokensOf } from '../testing/token-support';
import { authorizeCodeFlow, callbackQuery, codeParams, logInThroughPage, newPkce, openUlPage } from '../testing/ul-support';
import { LOGIN_REQUIRED, PLAIN_PKCE_REFUSED } from './authorize-code';
import { USER_BLOCKED } from './password-login';
import { control, CONTROL_PASSWORD, createUser, userPath } from '../testing/control-test-support';

describe('GET /authorize?response_type=code', () => {
  const t = useTestTenant();
  const pkce = newPkce();

  it('row 21: the whole flow: the login page, a code for the callback with the state, tokens for the code and its verifier', async () => {
    const { res, sessionCookie } = await logInThroughPage(t.tenant, codeParams(pkce.challenge));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')?.startsWith(`${CALLBACK}?code=`)).toBe(true);
    const answer = callbackQuery(res);
    expect(Object.keys(answer).sort()).toEqual(['code', 'state']);
    expect(answer.state).toBe('app-state-1');
    expect(sessionCookie).toBeDefined();
    const tokens = await tokensOf(await exchangeCode(t.tenant, { code: answer.code ?? '', verifier: pkce.verifier, nonce: 'nonce-1' }));
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(decodeJwt(tokens.id_token)).toMatchObject({ email: 'dev@example.com', nonce: 'nonce-1', sid: expect.any(String) as unknown });
  });

  it.each([
    ['plain', { code_challenge_method: 'plain' }],
    ['no method (RFC 7636: plain)', { code_challenge_method: undefined }],
    ['an unknown method', { code_challenge_method: 'S512' }]
  ])('row 21: refuses PKCE with %s: back to the app with invalid_request, no login page', async (_case, change) => {
    const res = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, change));
    expect(res.status).toBe(302);
    expect(callbackQuery(res)).toEqual({ error: 'invalid_request', error_description: PLAIN_PKCE_REFUSED, state: 'app-state-1' });
  });

  it.each([
    ['missing', undefined],
    ['not a SHA-256 (too short)', 'abc'],
    ['not base64url', `${'+'.repeat(42)}=`]
  ])('row 21: refuses a code_challenge %s', async (_case, challenge) => {
    const res = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { code_challenge: challenge }));
    expect(callbackQuery(res)).toMatchObject({ error: 'invalid_request', state: 'app-state-1' });
  });

  it('row 10: an unregistered redirect_uri gets the mismatch page, never a redirect (no open redirect)', async () => {
    const res = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { redirect_uri: 'http://evil.example/' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('Callback URL mismatch.');
  });

  it('an unknown client_id gets a 400, never a redirect', async () => {
    const res = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { client_id: 'other' }));
    expect([res.status, res.headers.get('location')]).toEqual([400, null]);
  });

  it('refuses an unsupported response_mode and an unknown audience back at the app', async () => {
    const formPost = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { response_mode: 'form_post' }));
    expect(callbackQuery(formPost).error).toBe('unsupported_response_mode');
    const audience = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { audience: 'https://unknown.example/' }));
    expect(callbackQuery(audience).error).toBe('access_denied');
  });

  it('row 22: prompt=none without a session: login_required back at the app, no page', async () => {
    const res = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { prompt: 'none' }));
    expect(callbackQuery(res)).toEqual({ error: 'login_required', error_description: LOGIN_REQUIRED, state: 'app-state-1' });
  });

  it('row 22: prompt=none with a stale session cookie: login_required, and the cookie is cleared', async () => {
    const res = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { prompt: 'none' }), 'auth0=not-a-session');
    expect(callbackQuery(res).error).toBe('login_required');
    expect(res.headers.getSetCookie().some((cookie) => cookie.startsWith('auth0=;'))).toBe(true);
  });

  it("row 22: prompt=none with the session Lock's flow opened: a code straight away, for that session's sid", async () => {
    const lockLogin = await fullLogin(t.tenant);
    const sid = decodeJwt(new URLSearchParams((lockLogin.headers.get('location') ?? '').split('#')[1]).get('id_token') ?? '').sid;
    const res = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { prompt: 'none' }), sessionCookieOf(lockLogin));
    const { code } = callbackQuery(res);
    const tokens = await tokensOf(await exchangeCode(t.tenant, { code: code ?? '', verifier: pkce.verifier, nonce: 'nonce-1' }));
    expect(decodeJwt(tokens.id_token).sid).toBe(sid);
  });

  it('row 23: SSO between two apps: a session from the login page gives the next /authorize a code without a page', async () => {
    const { sessionCookie } = await logInThroughPage(t.tenant, codeParams(pkce.challenge));
    const second = newPkce();
    const res = await authorizeCodeFlow(t.tenant, codeParams(second.challenge, { state: 'second-app' }), sessionCookie);
    const answer = callbackQuery(res);
    expect(answer.state).toBe('second-app');
    expect((await exchangeCode(t.tenant, { code: answer.code ?? '', verifier: second.verifier, nonce: 'nonce-1' })).status).toBe(200);
  });

  it('row 23: prompt=login shows the login page even with a live session', async () => {
    const { sessionCookie } = await logInThroughPage(t.tenant, codeParams(pkce.challenge));
    const res = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { prompt: 'login' }), sessionCookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/u\/login\?state=[\w-]{20,}$/);
  });

  it('row 23: without a session: 302 to /u/login?state=<transaction>, a new unguessable id each time', async () => {
    const first = (await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge))).headers.get('location') ?? '';
    const second = (await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge))).headers.get('location') ?? '';
    expect(first).toMatch(/^\/u\/login\?state=[\w-]{20,}$/);
    expect(second).not.toBe(first);
    // The app's own state is not the transaction id, and is not in the page's URL.
    expect(first).not.toContain('app-state-1');
  });

  it('row 23: screen_hint=signup opens the sign-up page of the same transaction', async () => {
    const res = await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge, { screen_hint: 'signup' }));
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/u\/signup\?state=[\w-]{20,}$/);
    expect((await openUlPage(t.tenant, location)).status).toBe(200);
  });

  it('row 11: prompt=none for an API audience from a localhost app: consent_required, as the implicit flow', async () => {
    const { sessionCookie } = await logInThroughPage(t.tenant, codeParams(pkce.challenge));
    const res = await authorizeCodeFlow(
      t.tenant,
      codeParams(pkce.challenge, { prompt: 'none', audience: t.tenant.config.apiAudience }),
      sessionCookie
    );
    expect(callbackQuery(res)).toEqual({ error: 'consent_required', error_description: 'Consent required', state: 'app-state-1' });
  });

  it('row 8: a session whose user was blocked since: unauthorized "user is blocked", no code', async () => {
    const user = await createUser(t.tenant, 'code-blocked@example.com');
    const params = codeParams(pkce.challenge);
    const { sessionCookie } = await logInThroughPage(t.tenant, params, { email: user.email, password: CONTROL_PASSWORD });
    expect((await control(t.tenant, 'PATCH', userPath(user.user_id), { blocked: true })).status).toBe(200);
    const res = await authorizeCodeFlow(t.tenant, params, sessionCookie);
    expect(callbackQuery(res)).toEqual({ error: 'unauthorized', error_description: USER_BLOCKED, state: 'app-state-1' });
  });
});
