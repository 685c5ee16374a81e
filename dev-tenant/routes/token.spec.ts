// POST /oauth/token as auth0-spa-js calls it: the code with PKCE, then rotating refresh tokens.
import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { control, listUsers, userPath } from '../testing/control-test-support';
import { APP_ORIGIN, CLIENT_ID, useTestTenant } from '../testing/test-support';
import { exchangeCode, postOAuth, refresh, startCodeFlow, tokensOf } from '../testing/token-support';

describe('POST /oauth/token', () => {
  let offsetMs = 0;
  const t = useTestTenant({ now: () => Date.now() + offsetMs });
  beforeEach(() => {
    offsetMs = 0;
  });

  it('answers the preflight of the app’s origin', async () => {
    const res = await fetch(`${t.tenant.url}/oauth/token`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it.each(['form', 'json'] as const)(
    'row 14: exchanges a code and its verifier (%s body) for tokens, with the nonce in the id_token',
    async (encoding) => {
      const flow = await startCodeFlow(t.tenant);
      const res = await exchangeCode(t.tenant, flow, {}, encoding);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = await tokensOf(res);
      expect(body).toMatchObject({ scope: 'openid profile email offline_access', expires_in: 7200, token_type: 'Bearer' });
      expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'id_token', 'refresh_token', 'scope', 'token_type']);
      const jwks = (await (await fetch(`${t.tenant.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
      const { payload } = await jwtVerify(body.id_token, createLocalJWKSet(jwks), { issuer: `${t.tenant.url}/`, audience: CLIENT_ID });
      expect(payload).toMatchObject({ nonce: flow.nonce, email: 'dev@example.com' });
      expect(typeof payload.sid).toBe('string');
      const userinfo = await fetch(`${t.tenant.url}/userinfo`, { headers: { authorization: `Bearer ${body.access_token}` } });
      expect(await userinfo.json()).toMatchObject({ sub: payload.sub, email: 'dev@example.com' });
    }
  );

  it('row 14: issues no refresh token without offline_access', async () => {
    const body = await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant, { scope: 'openid' })));
    expect(body.refresh_token).toBeUndefined();
    expect(body.scope).toBe('openid');
  });

  it('row 14: refuses a replayed code', async () => {
    const flow = await startCodeFlow(t.tenant);
    expect((await exchangeCode(t.tenant, flow)).status).toBe(200);
    const replay = await exchangeCode(t.tenant, flow);
    expect(replay.status).toBe(403);
    expect(await replay.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' });
  });

  it('row 15: refuses a wrong code_verifier, and the code is then used up', async () => {
    const flow = await startCodeFlow(t.tenant);
    const wrong = await exchangeCode(t.tenant, flow, { code_verifier: randomBytes(32).toString('base64url') });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant', error_description: 'Failed to verify code verifier' });
    expect((await exchangeCode(t.tenant, flow)).status).toBe(403);
  });

  it('row 15: refuses the challenge sent as its own verifier (plain PKCE)', async () => {
    const flow = await startCodeFlow(t.tenant);
    const challenge = createHash('sha256').update(flow.verifier).digest('base64url');
    expect(await (await exchangeCode(t.tenant, flow, { code_verifier: challenge })).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it.each([
    ['another redirect_uri', { redirect_uri: `${APP_ORIGIN}/elsewhere` }],
    ['no redirect_uri', { redirect_uri: undefined }],
    ['a made-up code', { code: randomBytes(32).toString('base64url') }]
  ])('row 14: refuses %s as an invalid code', async (_case, change) => {
    const res = await exchangeCode(t.tenant, await startCodeFlow(t.tenant), change);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' });
  });

  it('row 14: refuses a code a minute old', async () => {
    const flow = await startCodeFlow(t.tenant);
    offsetMs = 60_000;
    expect(await (await exchangeCode(t.tenant, flow)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it.each([
    ['grant_type', { grant_type: undefined }],
    ['client_id', { client_id: undefined }],
    ['code', { code: undefined }]
  ])('row 19: needs %s', async (field, change) => {
    const res = await exchangeCode(t.tenant, await startCodeFlow(t.tenant), change);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: `Missing required parameter: ${field}` });
  });

  it('row 19: needs refresh_token for the refresh_token grant', async () => {
    const res = await postOAuth(t.tenant, '/oauth/token', { grant_type: 'refresh_token', client_id: CLIENT_ID });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter: refresh_token' });
  });

  it('row 18: refuses an unknown client and a grant type the client may not use', async () => {
    const other = await exchangeCode(t.tenant, await startCodeFlow(t.tenant), { client_id: 'other-client' });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: 'unauthorized_client' });
    const password = await postOAuth(t.tenant, '/oauth/token', { grant_type: 'password', client_id: CLIENT_ID });
    expect(password.status).toBe(403);
    expect(await password.json()).toEqual({
      error: 'unauthorized_client',
      error_description: "Grant type 'password' not allowed for the client."
    });
  });

  it('row 17: rotates the refresh token; the new id_token has no nonce; the access token works', async () => {
    const first = await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant)));
    const res = await refresh(t.tenant, first.refresh_token);
    expect(res.status).toBe(200);
    const second = await tokensOf(res);
    expect(second.refresh_token).toEqual(expect.any(String));
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second).toMatchObject({ scope: 'openid profile email offline_access', token_type: 'Bearer', expires_in: 7200 });
    const claimsOf = (idToken: string): Record<string, unknown> =>
      JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    const claims = claimsOf(second.id_token);
    expect(claims.nonce).toBeUndefined();
    // The SSO session the login page opened, kept by the refresh.
    expect(claims.sid).toEqual(expect.any(String));
    expect(claims.sid).toBe(claimsOf(first.id_token).sid);
    const userinfo = await fetch(`${t.tenant.url}/userinfo`, { headers: { authorization: `Bearer ${second.access_token}` } });
    expect(userinfo.status).toBe(200);
  });

  it('row 16: answers a reused refresh token with invalid_grant and revokes its whole family', async () => {
    const first = await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant)));
    const second = await tokensOf(await refresh(t.tenant, first.refresh_token));
    const stolen = await refresh(t.tenant, first.refresh_token);
    expect(stolen.status).toBe(403);
    expect(await stolen.json()).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
    const legitimate = await refresh(t.tenant, second.refresh_token);
    expect(legitimate.status).toBe(403);
    expect(await legitimate.json()).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
  });

  it('row 16: refuses a refresh token it never issued', async () => {
    const res = await refresh(t.tenant, 'made-up');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
  });
});

describe('POST /oauth/token with short refresh-token lifetimes and a reuse interval', () => {
  let offsetMs = 0;
  const t = useTestTenant({
    env: { DEV_TENANT_REFRESH_TOKEN_LIFETIME: '300', DEV_TENANT_REFRESH_TOKEN_IDLE_LIFETIME: '100', DEV_TENANT_REFRESH_TOKEN_LEEWAY: '10' },
    now: () => Date.now() + offsetMs
  });
  beforeEach(() => {
    offsetMs = 0;
  });

  it('row 17: lets the replaced token be exchanged again within the leeway, not after', async () => {
    const first = await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant)));
    await tokensOf(await refresh(t.tenant, first.refresh_token));
    offsetMs = 9_000;
    expect((await refresh(t.tenant, first.refresh_token)).status).toBe(200);
    offsetMs = 10_000;
    expect((await refresh(t.tenant, first.refresh_token)).status).toBe(403);
  });

  it('row 16: expires a refresh token left unused for idle_token_lifetime', async () => {
    const first = await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant)));
    offsetMs = 100_000;
    expect(await (await refresh(t.tenant, first.refresh_token)).json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.'
    });
  });

  it('row 17: ends the family at token_lifetime, however often it rotated', async () => {
    let current = (await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant)))).refresh_token;
    for (const at of [90_000, 180_000, 270_000]) {
      offsetMs = at;
      current = (await tokensOf(await refresh(t.tenant, current))).refresh_token;
    }
    offsetMs = 300_000;
    expect((await refresh(t.tenant, current)).status).toBe(403);
  });
});

describe('POST /oauth/revoke', () => {
  const t = useTestTenant();

  it('row 20: revokes the refresh token’s family: 200 with an empty body', async () => {
    const first = await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant)));
    const second = await tokensOf(await refresh(t.tenant, first.refresh_token));
    const res = await postOAuth(t.tenant, '/oauth/revoke', { client_id: CLIENT_ID, token: first.refresh_token }, 'json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(await res.text()).toBe('');
    expect((await refresh(t.tenant, second.refresh_token)).status).toBe(403);
  });

  it('row 20: answers an unknown token with the same 200', async () => {
    const res = await postOAuth(t.tenant, '/oauth/revoke', { client_id: CLIENT_ID, token: 'made-up' });
    expect(res.status).toBe(200);
  });

  it('row 20: needs the token and a known client, and revokes nothing for another client', async () => {
    const { refresh_token: refreshToken } = await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant)));
    const missing = await postOAuth(t.tenant, '/oauth/revoke', { client_id: CLIENT_ID });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter: token' });
    const other = await postOAuth(t.tenant, '/oauth/revoke', { client_id: 'other-client', token: refreshToken });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: 'unauthorized_client' });
    expect((await refresh(t.tenant, refreshToken)).status).toBe(200);
  });
});

describe('POST /oauth/token for a blocked user', () => {
  const t = useTestTenant();

  it('row 8: refuses to refresh the tokens of a user blocked since the login, with Auth0’s blocked-user answer', async () => {
    const { refresh_token: refreshToken } = await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant)));
    const dev = (await listUsers(t.tenant)).find((user) => user.email === 'dev@example.com');
    const block = await control(t.tenant, 'PATCH', userPath(dev?.user_id ?? ''), { blocked: true });
    expect(block.status).toBe(200);
    const res = await refresh(t.tenant, refreshToken);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized', error_description: 'user is blocked' });
  });
});
