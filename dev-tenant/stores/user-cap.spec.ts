// MAX_STORED_USERS: users.json is rewritten whole on every change, so it holds at most that many
// users; past it, sign-up and the control API refuse a new user with a clear error and touch nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_STORED_USERS } from '../config/config';
import { control, createUser, listUsers, userPath } from '../testing/control-test-support';
import { hashPassword } from '../crypto/password-hash';
import { credentials, fillUsersFile, loginTicketFor, postJson, signUpBody, useTestTenant } from '../testing/test-support';
import { USERS_FILE } from './users-file';

const PASSWORD = 'Stored-pass-1';
const CAP_TEXT = `stores at most ${MAX_STORED_USERS} users (MAX_STORED_USERS in dev-tenant/config/config.ts)`;

describe(`a tenant holding MAX_STORED_USERS (${MAX_STORED_USERS}) users`, () => {
  let passwordHash = '';
  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
  });
  // One below the cap: the first sign-up fills it.
  const t = useTestTenant({ env: (dataDir) => (fillUsersFile(dataDir, MAX_STORED_USERS - 1, passwordHash), {}) });
  const signUp = (email: string) => postJson(t.tenant, '/dbconnections/signup', signUpBody(email, 'Signup-pass-1'));
  const usersFile = () => fs.readFileSync(path.join(t.dataDir, USERS_FILE), 'utf8');

  it('takes sign-ups up to the cap, then refuses the next with an Auth0-shaped 403 too_many_users, users.json untouched', async () => {
    expect((await signUp('last-one-in@example.com')).status).toBe(200);
    const before = usersFile();
    const refused = await signUp('one-too-many@example.com');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      name: 'BadRequestError',
      code: 'too_many_users',
      description: expect.stringContaining(`Sign-up refused: this dev tenant ${CAP_TEXT}`) as unknown,
      statusCode: 403
    });
    expect(usersFile()).toBe(before);
    expect(await listUsers(t.tenant, '?email=one-too-many@example.com')).toEqual([]);
  });

  it('refuses a control API user too, and the stored users still log in', async () => {
    const refused = await control(t.tenant, 'POST', '/control/users', { email: 'control@example.com', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: 'too_many_users', error_description: expect.stringContaining(CAP_TEXT) as unknown });
    await expect(loginTicketFor(t.tenant, credentials('stored7@example.com', PASSWORD))).resolves.toBeDefined();
  });

  it('takes a new user again once one is deleted', async () => {
    const stored = (await listUsers(t.tenant, '?email=stored0@example.com')).at(0);
    if (stored === undefined) throw new Error('no stored0@example.com');
    expect((await control(t.tenant, 'DELETE', userPath(stored.user_id))).status).toBe(204);
    await createUser(t.tenant, 'room-again@example.com');
    expect((await signUp('still-full@example.com')).status).toBe(403);
  });
});
