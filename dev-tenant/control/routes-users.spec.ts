// /control/users: list, create, delete, block/unblock, verify; bad input answers naming the field.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeJwt } from 'jose';
import { coAuthenticate, credentials, fragmentOf, fullLogin, silentRenewal, useTestTenant } from '../testing/test-support';
import { CONTROL_PASSWORD, control, createUser, listUsers, loginCookie, userPath } from '../testing/control-test-support';
import type { UserJson } from './routes-users';

describe('control API: users', () => {
  const t = useTestTenant();

  it('lists the config user with the Management API field names', async () => {
    const answer = await control(t.tenant, 'GET', '/control/users');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body.users).toContainEqual({
      user_id: expect.stringMatching(/^auth0\|[0-9a-f]{24}$/) as unknown,
      email: 'dev@example.com',
      name: 'Dev User',
      email_verified: true,
      blocked: false,
      source: 'config',
      id_token_lifetime_s: null
    });
  });

  it('filters by email, case-insensitively', async () => {
    expect((await listUsers(t.tenant, '?email=DEV%40example.com')).map((user) => user.email)).toEqual(['dev@example.com']);
    expect(await listUsers(t.tenant, '?email=nobody%40example.com')).toEqual([]);
  });

  it('creates a user who can log in, persisted in users.json, with a verification email', async () => {
    const user = await createUser(t.tenant, 'Created@Example.com', { name: 'Created' });
    expect(user).toEqual({
      user_id: expect.stringMatching(/^auth0\|/) as unknown,
      email: 'created@example.com',
      name: 'Created',
      email_verified: false,
      blocked: false,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      source: 'control',
      id_token_lifetime_s: null
    });
    expect((await coAuthenticate(t.tenant, credentials('created@example.com', CONTROL_PASSWORD))).status).toBe(200);
    const stored = JSON.parse(fs.readFileSync(path.join(t.dataDir, 'users.json'), 'utf8')) as {
      users: { email: string; source?: string }[];
    };
    expect(stored.users).toContainEqual(expect.objectContaining({ email: 'created@example.com', source: 'control' }));
    expect(t.emails.at(-1)).toEqual(expect.objectContaining({ kind: 'verification', to: 'created@example.com' }));
  });

  it('creates a verified user without a verification email', async () => {
    const before = t.emails.length;
    const user = await createUser(t.tenant, 'verified@example.com', { email_verified: true });
    expect(user.email_verified).toBe(true);
    expect(t.emails).toHaveLength(before);
  });

  it.each([
    [{ password: CONTROL_PASSWORD }, 'invalid_request', /email/],
    [{ email: 'not-an-email', password: CONTROL_PASSWORD }, 'invalid_request', /email is not an email address/],
    [{ email: 'a@example.com' }, 'invalid_request', /password is required/],
    [
      { email: 'a@example.com', password: CONTROL_PASSWORD, email_verified: 'yes' },
      'invalid_request',
      /email_verified must be true or false/
    ],
    [{ email: 'a@example.com', password: CONTROL_PASSWORD, name: 7 }, 'invalid_request', /name must be a string/],
    [{ email: 'a@example.com', password: CONTROL_PASSWORD, role: 'admin' }, 'invalid_request', /Unknown field: role/],
    [[], 'invalid_request', /JSON object/],
    [{ email: 'a@example.com', password: 'short' }, 'invalid_password', /password: .*characters/s]
  ])('refuses %j with 400 %s', async (body, error, description) => {
    const answer = await control(t.tenant, 'POST', '/control/users', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe(error);
    expect(answer.body.error_description).toMatch(description);
    expect(await listUsers(t.tenant, '?email=a%40example.com')).toEqual([]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await fetch(`${t.tenant.url}/control/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{'
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'The request body is not valid JSON.' });
  });

  it('answers 409 user_exists for a taken email, whatever its case', async () => {
    const answer = await control(t.tenant, 'POST', '/control/users', { email: 'DEV@example.com', password: CONTROL_PASSWORD });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe('user_exists');
  });

  it('blocks and unblocks a user, and marks the email verified', async () => {
    const user = await createUser(t.tenant, 'patch@example.com');
    const blocked = await control(t.tenant, 'PATCH', userPath(user.user_id), { blocked: true });
    expect(blocked.status).toBe(200);
    expect(blocked.body.user).toEqual(expect.objectContaining({ blocked: true, email_verified: false }));
    const verified = await control(t.tenant, 'PATCH', userPath(user.user_id), { blocked: false, email_verified: true });
    expect(verified.body.user).toEqual(expect.objectContaining({ blocked: false, email_verified: true }));
    expect(await listUsers(t.tenant, '?email=patch%40example.com')).toEqual([
      expect.objectContaining({ blocked: false, email_verified: true })
    ]);
    const stored = fs.readFileSync(path.join(t.dataDir, 'users.json'), 'utf8');
    expect(JSON.parse(stored)).toEqual({
      users: expect.arrayContaining([
        expect.objectContaining({ email: 'patch@example.com', blocked: false, email_verified: true })
      ]) as unknown
    });
  });

  it('lifts the brute-force block on blocked: false, as Auth0 admin unblock does', async () => {
    const user = await createUser(t.tenant, 'guessed@example.com');
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await coAuthenticate(t.tenant, credentials(user.email, 'wrong-password'))).status).toBe(403);
    }
    expect((await coAuthenticate(t.tenant, credentials(user.email, CONTROL_PASSWORD))).status).toBe(429);
    expect((await control(t.tenant, 'PATCH', userPath(user.user_id), { blocked: false })).status).toBe(200);
    expect((await coAuthenticate(t.tenant, credentials(user.email, CONTROL_PASSWORD))).status).toBe(200);
  });

  it("gives one user's id_tokens a lifetime of their own, other users keep the tenant's, and null undoes it", async () => {
    const user = await createUser(t.tenant, 'short-lived@example.com', { email_verified: true });
    const lifetimeOf = async (email: string): Promise<number> => {
      const claims = decodeJwt(
        fragmentOf(
          await fullLogin(t.tenant, {}, undefined, credentials(email, email === 'dev@example.com' ? 'dev-password' : CONTROL_PASSWORD))
        ).get('id_token') ?? ''
      );
      return (claims.exp ?? 0) - (claims.iat ?? 0);
    };
    const changed = await control<{ user: UserJson }>(t.tenant, 'PATCH', userPath(user.user_id), { id_token_lifetime_s: 20 });
    expect(changed.body.user).toMatchObject({ email: 'short-lived@example.com', id_token_lifetime_s: 20 });
    expect(await lifetimeOf('short-lived@example.com')).toBe(20);
    expect(await lifetimeOf('dev@example.com')).toBe(36000);
    const undone = await control<{ user: UserJson }>(t.tenant, 'PATCH', userPath(user.user_id), { id_token_lifetime_s: null });
    expect(undone.body.user.id_token_lifetime_s).toBeNull();
    expect(await lifetimeOf('short-lived@example.com')).toBe(36000);
  });

  it.each([
    [{}, /blocked, email_verified or id_token_lifetime_s is required/],
    [{ id_token_lifetime_s: 0 }, /id_token_lifetime_s must be a whole number from 1 to 2592000/],
    [{ blocked: 'no' }, /blocked must be true or false/],
    [{ email: 'x@example.com' }, /Unknown field: email/]
  ])('refuses the change %j with 400', async (body, description) => {
    const user = (await listUsers(t.tenant, '?email=dev%40example.com')).at(0);
    const answer = await control(t.tenant, 'PATCH', userPath(user?.user_id ?? ''), body);
    expect(answer.status).toBe(400);
    expect(answer.body.error_description).toMatch(description);
  });

  it('answers 404 for an unknown user id', async () => {
    for (const [method, body] of [
      ['PATCH', { blocked: true }],
      ['DELETE', undefined]
    ] as const) {
      const answer = await control(t.tenant, method, userPath('auth0|000000000000000000000000'), body);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: 'not_found', error_description: 'No user with user_id auth0|000000000000000000000000.' });
    }
  });

  it('deletes a user and ends their sessions', async () => {
    const user = await createUser(t.tenant, 'deleted@example.com');
    const cookie = await loginCookie(t.tenant, credentials(user.email, CONTROL_PASSWORD));
    expect((await silentRenewal(t.tenant, cookie)).response.id_token).toBeDefined();
    const answer = await control(t.tenant, 'DELETE', userPath(user.user_id));
    expect(answer.status).toBe(204);
    expect((await silentRenewal(t.tenant, cookie)).response.error).toBe('login_required');
    expect(await listUsers(t.tenant, '?email=deleted%40example.com')).toEqual([]);
    expect((await coAuthenticate(t.tenant, credentials(user.email, CONTROL_PASSWORD))).status).toBe(403);
    const stored = fs.readFileSync(path.join(t.dataDir, 'users.json'), 'utf8');
    expect(stored).not.toContain('deleted@example.com');
  });
});
