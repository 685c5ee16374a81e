// Lock's full-page login: /co/authenticate, then /authorize with the login ticket, back to the app
// with tokens in the fragment that verify the way auth0-js verifies them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import type { RunningDevTenant } from './server';
import {
  APP_ORIGIN,
  CALLBACK,
  CLIENT_ID,
  authorize,
  authorizeParams,
  coAuthenticate,
  credentials,
  fragmentOf,
  fullLogin,
  sessionCookieOf,
  ticketCookieOf,
  useTestTenant
} from './test-support';

async function verifyIdToken(tenant: RunningDevTenant, idToken: string) {
  const jwks = (await (await fetch(`${tenant.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
  return jwtVerify(idToken, createLocalJWKSet(jwks), { issuer: `${tenant.url}/`, audience: CLIENT_ID, algorithms: ['RS256'] });
}

/** A login ticket and the cookie that binds it to the browser, as Lock's /co/authenticate leaves them. */
async function ticketFor(tenant: RunningDevTenant, username?: string, password?: string): Promise<{ ticket: string; cookie?: string }> {
  const res = await coAuthenticate(tenant, credentials(username, password));
  return { ticket: ((await res.json()) as { login_ticket: string }).login_ticket, cookie: ticketCookieOf(res) };
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
    const cookie = res.headers.getSetCookie().find((header) => header.startsWith('dev_tenant_session='));
    expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
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
    const { ticket, cookie } = await ticketFor(t.tenant, 'ann@example.com', 'ann-password');
    const res = await authorize(t.tenant, authorizeParams({ login_ticket: ticket }), cookie);
    const { payload } = await verifyIdToken(t.tenant, fragmentOf(res).get('id_token') ?? '');
    expect(payload).toMatchObject({ email: 'ann@example.com', name: 'Ann Example', nickname: 'ann' });
  });

  it('refuses a login ticket the second time', async () => {
    const { ticket, cookie } = await ticketFor(t.tenant);
    const params = authorizeParams({ login_ticket: ticket });
    expect((await authorize(t.tenant, params, cookie)).status).toBe(302);
    const again = await authorize(t.tenant, params, cookie);
    expect(again.status).toBe(302);
    expect(Object.fromEntries(fragmentOf(again))).toEqual({
      error: 'access_denied',
      error_description: expect.stringContaining('login ticket') as unknown,
      state: 'state-1'
    });
    expect(sessionCookieOf(again)).toBeUndefined();
  });

  it('refuses a login ticket older than a minute', async () => {
    const { ticket, cookie } = await ticketFor(t.tenant);
    clock += 61_000;
    expect(fragmentOf(await authorize(t.tenant, authorizeParams({ login_ticket: ticket }), cookie)).get('error')).toBe('access_denied');
  });

  it('refuses an unknown login ticket', async () => {
    expect(fragmentOf(await authorize(t.tenant, authorizeParams({ login_ticket: 'forged' }))).get('error')).toBe('access_denied');
  });

  it.each([
    ['an unknown redirect_uri', { redirect_uri: 'http://evil.example/' }],
    ['a redirect_uri on another path', { redirect_uri: `${APP_ORIGIN}/other` }],
    ['no redirect_uri', { redirect_uri: undefined }],
    ['an unknown client', { client_id: 'other' }],
    ['no client_id', { client_id: undefined }]
  ])('answers %s with 400 and no redirect', async (_case, overrides) => {
    const { ticket, cookie } = await ticketFor(t.tenant);
    const res = await authorize(t.tenant, authorizeParams({ login_ticket: ticket, ...overrides }), cookie);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it.each([
    ['code', 'unsupported_response_type'],
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
