// /control/refresh-tokens: listing a user's refresh-token families, and expiring or revoking them.
import { control, CONTROL_PASSWORD, createUser, listUsers } from '../testing/control-test-support';
import { useTestTenant } from '../testing/test-support';
import { exchangeCode, refresh, startCodeFlow, tokensOf } from '../testing/token-support';
import type { RefreshTokenFamilyJson } from './routes-refresh-tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('control API: refresh tokens', () => {
  const t = useTestTenant();
  beforeEach(async () => {
    await control(t.tenant, 'POST', '/control/refresh-tokens/revoke');
  });

  async function families(query = ''): Promise<RefreshTokenFamilyJson[]> {
    const answer = await control<{ refresh_tokens: RefreshTokenFamilyJson[] }>(t.tenant, 'GET', `/control/refresh-tokens${query}`);
    expect(answer.status).toBe(200);
    return answer.body.refresh_tokens;
  }

  async function login(email = 'dev@example.com', password = 'dev-password'): Promise<string> {
    return (await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant, { email, password })))).refresh_token;
  }

  it('lists a family with its lifetimes and rotations, named by an id that is no part of the token', async () => {
    const first = await login();
    await tokensOf(await refresh(t.tenant, first));
    const listed = await families();
    expect(listed).toHaveLength(1);
    const family = listed.at(0);
    const dev = (await listUsers(t.tenant, '?email=dev%40example.com')).at(0);
    expect(family).toEqual({
      id: expect.stringMatching(/^[\w-]{22}$/) as unknown,
      user_id: dev?.user_id,
      client_id: 'dev-tenant-client',
      scope: 'openid profile email offline_access',
      audience: null,
      created_at: expect.any(String) as unknown,
      idle_expires_at: expect.any(String) as unknown,
      expires_at: expect.any(String) as unknown,
      rotations: 1
    });
    if (family === undefined) return;
    expect(first).not.toContain(family.id);
    const created = Date.parse(family.created_at);
    expect(Date.parse(family.expires_at) - created).toBe(30 * DAY_MS);
    expect(Date.parse(family.idle_expires_at) - created).toBeGreaterThanOrEqual(15 * DAY_MS);
  });

  it('filters by user_id, and revokes one user’s families: their next refresh gets invalid_grant', async () => {
    const other = await createUser(t.tenant, 'refresh-control@example.com');
    const devToken = await login();
    const otherToken = await login(other.email, CONTROL_PASSWORD);
    expect((await families(`?user_id=${encodeURIComponent(other.user_id)}`)).map((family) => family.user_id)).toEqual([other.user_id]);
    const revoked = await control(t.tenant, 'POST', '/control/refresh-tokens/revoke', { user_id: other.user_id });
    expect(revoked.body).toEqual({ revoked: 1 });
    const refused = await refresh(t.tenant, otherToken);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
    expect((await refresh(t.tenant, devToken)).status).toBe(200);
  });

  it('expires one family by its id, and all of them without a body', async () => {
    const kept = await login();
    const ended = await login();
    const listed = await families();
    expect(listed).toHaveLength(2);
    const newest = listed.at(1);
    const expired = await control(t.tenant, 'POST', '/control/refresh-tokens/expire', { id: newest?.id });
    expect(expired.body).toEqual({ expired: 1 });
    expect((await refresh(t.tenant, ended)).status).toBe(403);
    const rotated = await tokensOf(await refresh(t.tenant, kept));
    expect((await control(t.tenant, 'POST', '/control/refresh-tokens/expire')).body).toEqual({ expired: 1 });
    expect((await refresh(t.tenant, rotated.refresh_token)).status).toBe(403);
    expect(await families()).toEqual([]);
  });

  it('answers 404 for an unknown family id or user', async () => {
    const unknownId = await control(t.tenant, 'POST', '/control/refresh-tokens/revoke', { id: 'no-such-family' });
    expect(unknownId.status).toBe(404);
    const unknownUser = await control(t.tenant, 'POST', '/control/refresh-tokens/expire', { user_id: 'auth0|nobody' });
    expect(unknownUser.status).toBe(404);
    expect((await control(t.tenant, 'POST', '/control/refresh-tokens/revoke', { token: 'x' })).status).toBe(400);
  });
});
