// Lock's full-page login: /co/authenticate, then /authorize with the login ticket, back to the app
// with tokens in the fragment that verify the way auth0-js verifies them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import type { RunningDevTenant } from './server';
import {
  APP_ORIGIN,
  CALLBACK,
  CLIENT_ID,
  authorize,
  authorizeParams,
  loginTicketFor,
  credentials,
  fragmentOf,
  fromVerificationPage,
  fullLogin,
  postJson,
  postVerifier,
  readVerificationPage,
  sessionCookieOf,
  signUpBody,
  silentRenewal,
  useTestTenant
} from './testing/test-support';

async function verifyIdToken(tenant: RunningDevTenant, idToken: string) {
  const jwks = (await (await fetch(`${tenant.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
  return jwtVerify(idToken, createLocalJWKSet(jwks), { issuer: `${tenant.url}/`, audience: CLIENT_ID, algorithms: ['RS256'] });
}

/** Redeems a fresh login ticket from the browser that got it (its verifier cookie sent along). */
async function authorizeWithTicket(tenant: RunningDevTenant, overrides: Record<string, string | undefined> = {}, user = credentials()) {
  const { loginTicket, cookie } = await loginTicketFor(tenant, user);
  const params = authorizeParams({ login_ticket: loginTicket, ...overrides });
  return { params, cookie, res: await authorize(tenant, params, cookie) };
}

describe('full-page login', () => {
  let clock = Date.now();
  const t = useTestTenant({
    env: (dataDir) => {
      // Not users.json: that name is the tenant's own store of signed-up users.
      const usersFile = path.join(dataDir, 'config-users.json');
      fs.writeFileSync(usersFile, JSON.stringify([{ email: 'ann@example.com', password: 'ann-password', name: 'Ann Example' }]));
      return { DEV_TENANT_USERS: usersFile, DEV_TENANT_TOKEN_TTL: '3600' };
    },
    now: () => clock
  });

  it('redirects back with tokens in the fragment, state echoed, and opens a session', async () => {
    const res = await fullLogin(t.tenant, { state: 'st&te=1 2' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${CALLBACK}#access_token=`));
    const fragment = fragmentOf(res);
    expect([...fragment.keys()]).toEqual(['access_token', 'scope', 'expires_in', 'token_type', 'id_token', 'state']);
    expect(Object.fromEntries(fragment)).toMatchObject({
      scope: 'openid profile email',
      expires_in: '7200',
      token_type: 'Bearer',
      state: 'st&te=1 2'
    });
    expect(res.headers.get('location')).toContain('scope=openid%20profile%20email');
    const cookie = res.headers.getSetCookie().find((header) => header.startsWith('auth0='));
    expect(cookie).toMatch(/; Max-Age=604800; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
  });

  it('issues an id_token that verifies against the JWKS with issuer, audience and nonce', async () => {
    const idToken = fragmentOf(await fullLogin(t.tenant, { nonce: 'n-0S6_WzA2Mj' })).get('id_token') ?? '';
    const { payload, protectedHeader } = await verifyIdToken(t.tenant, idToken);
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) as unknown });
    expect(payload).toMatchObject({
      iss: `${t.tenant.url}/`,
      aud: CLIENT_ID,
      nonce: 'n-0S6_WzA2Mj',
      email: 'dev@example.com',
      email_verified: true,
      name: 'Dev User',
      nickname: 'dev'
    });
    expect(payload.sub).toMatch(/^auth0\|[0-9a-f]{24}$/);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(payload.iat).toBe(Math.floor(clock / 1000));
  });

  it('keeps the subject stable and leaves out claims whose scope was not asked', async () => {
    const first = fragmentOf(await fullLogin(t.tenant)).get('id_token') ?? '';
    const second = fragmentOf(await fullLogin(t.tenant, { scope: 'openid' })).get('id_token') ?? '';
    const [a, b] = await Promise.all([verifyIdToken(t.tenant, first), verifyIdToken(t.tenant, second)]);
    expect(b.payload.sub).toBe(a.payload.sub);
    expect(b.payload).not.toHaveProperty('email');
    expect(b.payload).not.toHaveProperty('name');
    expect(decodeProtectedHeader(first).kid).toBe(decodeProtectedHeader(second).kid);
  });

  it.each([
    ['token', ['access_token', 'scope', 'expires_in', 'token_type', 'state']],
    ['id_token', ['id_token', 'state']],
    ['id_token token', ['access_token', 'scope', 'expires_in', 'token_type', 'id_token', 'state']]
  ])('returns only what response_type=%s asks for', async (responseType, keys) => {
    expect([...fragmentOf(await fullLogin(t.tenant, { response_type: responseType })).keys()]).toEqual(keys);
  });

  it('logs in a user from the DEV_TENANT_USERS file', async () => {
    const { res } = await authorizeWithTicket(t.tenant, {}, credentials('ann@example.com', 'ann-password'));
    const { payload } = await verifyIdToken(t.tenant, fragmentOf(res).get('id_token') ?? '');
    expect(payload).toMatchObject({ email: 'ann@example.com', name: 'Ann Example', nickname: 'ann' });
  });

  it('refuses a login ticket the second time', async () => {
    const first = await authorizeWithTicket(t.tenant);
    expect(first.res.status).toBe(302);
    const again = await authorize(t.tenant, first.params, first.cookie);
    expect(again.status).toBe(302);
    expect(Object.fromEntries(fragmentOf(again))).toEqual({
      error: 'access_denied',
      error_description: expect.stringContaining('login ticket') as unknown,
      state: 'state-1'
    });
    expect(sessionCookieOf(again)).toBeUndefined();
  });

  it('refuses a login ticket older than a minute', async () => {
    const { loginTicket, cookie } = await loginTicketFor(t.tenant);
    clock += 61_000;
    expect(fragmentOf(await authorize(t.tenant, authorizeParams({ login_ticket: loginTicket }), cookie)).get('error')).toBe(
      'access_denied'
    );
  });

  it('refuses an unknown login ticket', async () => {
    expect(fragmentOf(await authorize(t.tenant, authorizeParams({ login_ticket: 'forged' }))).get('error')).toBe('access_denied');
  });

  it.each([
    ['an unknown redirect_uri', { redirect_uri: 'http://evil.example/' }],
    ['a redirect_uri on another path', { redirect_uri: `${APP_ORIGIN}/other` }],
    ['no redirect_uri', { redirect_uri: undefined }]
  ])("row 10: answers %s with Auth0's Callback URL mismatch page, 400 and no redirect", async (_case, overrides) => {
    const { res } = await authorizeWithTicket(t.tenant, overrides);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('Callback URL mismatch.');
    expect(html).toContain('The provided redirect_uri is not in the list of allowed callback URLs.');
    expect(html).not.toContain('evil.example');
  });

  it.each([
    ['an unknown client', { client_id: 'other' }],
    ['no client_id', { client_id: undefined }]
  ])('answers %s with 400 and no redirect', async (_case, overrides) => {
    const { res } = await authorizeWithTicket(t.tenant, overrides);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  // response_type=code alone is the code flow (authorize-code.spec.ts); the hybrid flows are not supported.
  it.each([
    ['code id_token', 'unsupported_response_type'],
    ['token token', 'unsupported_response_type'],
    ['', 'unsupported_response_type']
  ])('redirects response_type=%j back with %s', async (responseType, error) => {
    const fragment = fragmentOf(await fullLogin(t.tenant, { response_type: responseType }));
    expect(Object.fromEntries(fragment)).toMatchObject({ error, state: 'state-1' });
  });

  it('requires a nonce for id_token', async () => {
    const fragment = fragmentOf(await fullLogin(t.tenant, { nonce: undefined }));
    expect(Object.fromEntries(fragment)).toMatchObject({ error: 'invalid_request', state: 'state-1' });
  });

  it('refuses an unknown connection', async () => {
    const fragment = fragmentOf(await fullLogin(t.tenant, { connection: 'google-oauth2', realm: undefined }));
    expect(fragment.get('error')).toBe('invalid_request');
  });

  it('sends login_required back when there is neither ticket nor session (no hosted login page)', async () => {
    const res = await authorize(t.tenant, authorizeParams());
    expect(res.status).toBe(302);
    expect(Object.fromEntries(fragmentOf(res))).toEqual({ error: 'login_required', error_description: 'Login required', state: 'state-1' });
  });
});

describe('login tickets are bound to the browser that authenticated (issue 9, findings 4 and 10)', () => {
  const t = useTestTenant();

  it("finding 4: /co/authenticate sets an HttpOnly verifier cookie, sent only to /authorize, for the ticket's life", async () => {
    const co = await coAuthenticateDev(t.tenant);
    const setCookie = co.headers.getSetCookie().find((header) => header.startsWith('auth0_co_')) ?? '';
    expect(setCookie).toMatch(/^auth0_co_[\w-]{32}=[\w-]{43}; Max-Age=60; Path=\/authorize; Expires=.*; HttpOnly; SameSite=Lax$/);
  });

  it.each([
    ['no cookie', () => undefined],
    ["another browser's verifier cookie", (own: string) => own.replace(/=.*/, `=${'A'.repeat(43)}`)],
    ['its own cookie sent twice (one planted)', (own: string) => `${own}; ${own.replace(/=.*/, `=${'B'.repeat(43)}`)}`]
  ])(
    'finding 4: a ticket redeemed with %s is not taken on trust: the fallback must answer, opens no session, and is used up',
    async (_case, cookieFor) => {
      const { loginTicket, cookie } = await loginTicketFor(t.tenant);
      const params = authorizeParams({ login_ticket: loginTicket });
      const page = await authorize(t.tenant, params, cookieFor(cookie ?? ''));
      // Auth0's answer: a page that asks the app's fallback page, in this browser, for the ticket's co_verifier.
      expect(page.status).toBe(200);
      expect(sessionCookieOf(page)).toBeUndefined();
      // Only the browser that authenticated holds the verifier: this one's fallback page has none to give.
      const done = await postVerifier(t.tenant, params, '', fromVerificationPage(t.tenant, params, await readVerificationPage(page)));
      expect(Object.fromEntries(fragmentOf(done))).toEqual({
        error: 'invalid_request',
        error_description: 'No verifier returned from client.',
        state: 'state-1'
      });
      expect(sessionCookieOf(done)).toBeUndefined();
      // The browser that did authenticate cannot use it afterwards either: single use.
      expect(fragmentOf(await authorize(t.tenant, params, cookie)).get('error')).toBe('access_denied');
    }
  );

  it('finding 4: a ticket minted in one browser does not replace the session of the browser it is carried to', async () => {
    expect((await postJson(t.tenant, '/dbconnections/signup', signUpBody('mallory@example.com', 'Mallory-pass-1'))).status).toBe(200);
    const victim = sessionCookieOf(await fullLogin(t.tenant));
    const attacker = await loginTicketFor(t.tenant, credentials('mallory@example.com', 'Mallory-pass-1'));
    const params = authorizeParams({ login_ticket: attacker.loginTicket });
    const page = await authorize(t.tenant, params, victim);
    expect(page.status).toBe(200);
    const planted = await postVerifier(t.tenant, params, '', fromVerificationPage(t.tenant, params, await readVerificationPage(page)));
    expect(fragmentOf(planted).get('error')).toBe('invalid_request');
    // The victim's next silent renewal still gets the victim's own account.
    const idToken = (await silentRenewal(t.tenant, victim)).response.id_token ?? '';
    expect(decodeJwt(idToken).email).toBe('dev@example.com');
  });

  it('finding 10: redeeming a ticket removes its verifier cookie and the co/verifier cookie auth0-js left behind', async () => {
    const { loginTicket, cookie } = await loginTicketFor(t.tenant);
    const coId = /^auth0_co_([\w-]+)=/.exec(cookie ?? '')?.[1] ?? '';
    // What js-cookie stores for auth0-js's key `co/verifier/<encoded tenant URL>/<co_id>`, in the app's origin.
    const leftover = `co%2Fverifier%2Fhttp%253A%252F%252Flocalhost%253A3001%2F${coId}`;
    const other = 'co%2Fverifier%2Fhttp%253A%252F%252Flocalhost%253A3001%2Fsomeone-else';
    const res = await authorize(t.tenant, authorizeParams({ login_ticket: loginTicket }), `${cookie ?? ''}; ${leftover}=v1; ${other}=v2`);
    expect(res.status).toBe(302);
    expect(fragmentOf(res).has('id_token')).toBe(true);
    const cleared = res.headers.getSetCookie().filter((header) => /Expires=Thu, 01 Jan 1970/.test(header));
    expect(cleared.map((header) => header.split('=')[0]).sort()).toEqual([`auth0_co_${coId}`, leftover].sort());
    expect(cleared.find((header) => header.startsWith(leftover))).toMatch(/; Path=\/;/);
  });

  it("finding 10: the session cookie is HttpOnly and named like Auth0's", async () => {
    const res = await fullLogin(t.tenant);
    expect(res.headers.getSetCookie().find((header) => header.startsWith('auth0='))).toMatch(/; HttpOnly; SameSite=Lax$/);
  });
});

function coAuthenticateDev(tenant: RunningDevTenant): Promise<Response> {
  return postJson(tenant, '/co/authenticate', credentials());
}
