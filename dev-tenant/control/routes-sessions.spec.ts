// /control/sessions: listing, expiring and revoking the tenant's SSO sessions, one user's or all.
import { credentials, fragmentOf, fullLogin, sessionCookieOf, silentRenewal } from '../testing/test-support';
import { CONTROL_PASSWORD, control, createUser, listUsers, loginCookie, useClockedTenant } from '../testing/control-test-support';
import type { SessionJson } from './routes-sessions';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('control API: sessions', () => {
  const { t, advance } = useClockedTenant((tenant) => control(tenant, 'POST', '/control/sessions/revoke'));

  async function sessions(query = ''): Promise<SessionJson[]> {
    const answer = await control<{ sessions: SessionJson[] }>(t.tenant, 'GET', `/control/sessions${query}`);
    expect(answer.status).toBe(200);
    return answer.body.sessions;
  }

  async function devUserId(): Promise<string> {
    const user = (await listUsers(t.tenant, '?email=dev%40example.com')).at(0);
    if (user === undefined) throw new Error('no dev user');
    return user.user_id;
  }

  it('lists a login as a session with its lifetimes, named by a handle that is not the cookie', async () => {
    const cookie = await loginCookie(t.tenant);
    const listed = await sessions();
    expect(listed).toHaveLength(1);
    const session = listed.at(0);
    expect(session).toEqual({
      id: expect.stringMatching(/^[\w-]{22}$/) as unknown,
      user_id: await devUserId(),
      email: 'dev@example.com',
      created_at: expect.any(String) as unknown,
      last_interaction_at: expect.any(String) as unknown,
      idle_expires_at: expect.any(String) as unknown,
      expires_at: expect.any(String) as unknown
    });
    if (session === undefined) return;
    expect(cookie).not.toContain(session.id);
    const created = Date.parse(session.created_at);
    expect(Date.parse(session.idle_expires_at) - created).toBe(3 * DAY_MS);
    expect(Date.parse(session.expires_at) - created).toBe(3 * DAY_MS);
    advance(2 * DAY_MS);
    await silentRenewal(t.tenant, cookie);
    const renewed = (await sessions()).at(0);
    expect(Date.parse(renewed?.last_interaction_at ?? '') - created).toBeGreaterThanOrEqual(2 * DAY_MS);
    expect(Date.parse(renewed?.idle_expires_at ?? '') - created).toBeGreaterThanOrEqual(5 * DAY_MS);
  });

  it('filters by user_id', async () => {
    const other = await createUser(t.tenant, 'session-filter@example.com');
    await loginCookie(t.tenant);
    await loginCookie(t.tenant, credentials(other.email, CONTROL_PASSWORD));
    expect((await sessions(`?user_id=${encodeURIComponent(other.user_id)}`)).map((session) => session.email)).toEqual([other.email]);
    expect(await sessions('?user_id=auth0%7Cnobody')).toEqual([]);
    expect(await sessions()).toHaveLength(2);
  });

  it("expires one user's sessions: the next prompt=none gets login_required", async () => {
    const other = await createUser(t.tenant, 'session-expire@example.com');
    const devCookie = await loginCookie(t.tenant);
    const otherCookie = await loginCookie(t.tenant, credentials(other.email, CONTROL_PASSWORD));
    const answer = await control(t.tenant, 'POST', '/control/sessions/expire', { user_id: other.user_id });
    expect(answer).toEqual(expect.objectContaining({ status: 200, body: { expired: 1 } }));
    expect((await silentRenewal(t.tenant, otherCookie)).response).toEqual(expect.objectContaining({ error: 'login_required' }));
    expect((await silentRenewal(t.tenant, devCookie)).response.id_token).toBeDefined();
  });

  it('expires all sessions without a user_id', async () => {
    await loginCookie(t.tenant);
    await loginCookie(t.tenant);
    expect((await control(t.tenant, 'POST', '/control/sessions/expire')).body).toEqual({ expired: 2 });
    expect(await sessions()).toEqual([]);
  });

  it("revokes a user's sessions and opaque access tokens", async () => {
    const login = await fullLogin(t.tenant);
    const cookie = sessionCookieOf(login);
    const accessToken = fragmentOf(login).get('access_token') ?? '';
    const userinfo = () => fetch(`${t.tenant.url}/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect((await userinfo()).status).toBe(200);
    expect((await control(t.tenant, 'POST', '/control/sessions/revoke', { user_id: await devUserId() })).body).toEqual({ revoked: 1 });
    expect((await userinfo()).status).toBe(401);
    expect((await silentRenewal(t.tenant, cookie)).response.error).toBe('login_required');
  });

  it('revokes all sessions without a user_id', async () => {
    await loginCookie(t.tenant);
    expect((await control(t.tenant, 'POST', '/control/sessions/revoke', {})).body).toEqual({ revoked: 1 });
    expect(await sessions()).toEqual([]);
  });

  it.each(['expire', 'revoke'])('%s answers 404 for an unknown user and 400 for a bad body', async (action) => {
    const unknown = await control(t.tenant, 'POST', `/control/sessions/${action}`, { user_id: 'auth0|nobody' });
    expect(unknown.status).toBe(404);
    const wrongType = await control(t.tenant, 'POST', `/control/sessions/${action}`, { user_id: 7 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error_description).toMatch(/user_id must be a string/);
    const misspelt = await control(t.tenant, 'POST', `/control/sessions/${action}`, { userId: 'x' });
    expect(misspelt.body.error_description).toMatch(/Unknown field: userId/);
  });
});
