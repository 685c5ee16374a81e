// POST /control/reset: the tenant as just started from its config; only the signing key stays.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeJwt } from 'jose';
import {
  coAuthenticate,
  credentials,
  fragmentOf,
  fullLogin,
  postJson,
  signUpBody,
  silentRenewal,
  useTestTenant
} from '../testing/test-support';
import { CONTROL_PASSWORD, control, createUser, listUsers, loginCookie, userPath } from '../testing/control-test-support';

describe('control API: reset', () => {
  const t = useTestTenant();

  it('drops users, sessions, blocks, outbox, faults and settings, and keeps the signing key', async () => {
    const jwksBefore = await (await fetch(`${t.tenant.url}/.well-known/jwks.json`)).text();
    const created = await createUser(t.tenant, 'reset-created@example.com');
    expect((await postJson(t.tenant, '/dbconnections/signup', signUpBody('reset-signup@example.com', CONTROL_PASSWORD))).status).toBe(200);
    const dev = (await listUsers(t.tenant, '?email=dev%40example.com')).at(0);
    await control(t.tenant, 'PATCH', userPath(dev?.user_id ?? ''), { blocked: true, email_verified: false });
    const cookie = await loginCookie(t.tenant, credentials(created.email, CONTROL_PASSWORD));
    for (let attempt = 0; attempt < 10; attempt += 1) await coAuthenticate(t.tenant, credentials('dev@example.com', 'wrong-password'));
    await control(t.tenant, 'PATCH', '/control/settings', { id_token_lifetime_s: 60 });
    await control(t.tenant, 'POST', '/control/faults', { path: '/userinfo', kind: 'status', status: 500, count: 5 });

    const answer = await control(t.tenant, 'POST', '/control/reset', {});
    expect(answer).toEqual(expect.objectContaining({ status: 200, body: {} }));

    expect(await listUsers(t.tenant)).toEqual([
      expect.objectContaining({ email: 'dev@example.com', blocked: false, email_verified: true, source: 'config' })
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(t.dataDir, 'users.json'), 'utf8'))).toEqual({ users: [] });
    expect((await control(t.tenant, 'GET', '/control/sessions')).body).toEqual({ sessions: [] });
    expect((await silentRenewal(t.tenant, cookie)).response.error).toBe('login_required');
    expect((await control(t.tenant, 'GET', '/control/outbox')).body).toEqual({ emails: [] });
    expect((await control(t.tenant, 'GET', '/control/faults')).body).toEqual({ faults: [] });
    expect((await control(t.tenant, 'GET', '/control/settings')).body).toEqual({
      id_token_lifetime_s: 36000,
      access_token_lifetime_s: 7200
    });
    // The brute-force block is gone, and tokens are signed with the same key as before.
    const login = await fullLogin(t.tenant);
    const idToken = fragmentOf(login).get('id_token') ?? '';
    const claims = decodeJwt(idToken);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(36000);
    expect(await (await fetch(`${t.tenant.url}/.well-known/jwks.json`)).text()).toBe(jwksBefore);
    expect((await coAuthenticate(t.tenant, credentials(created.email, CONTROL_PASSWORD))).status).toBe(403);
  });

  it('refuses a body with fields', async () => {
    const answer = await control(t.tenant, 'POST', '/control/reset', { keep: 'users' });
    expect(answer.status).toBe(400);
    expect(answer.body.error_description).toMatch(/Unknown field: keep/);
  });
});
