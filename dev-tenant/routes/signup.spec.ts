// Lock's Sign Up tab: /dbconnections/signup persists the user, then Lock's loginAfterSignUp logs in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeJwt } from 'jose';
import { USERS_FILE } from '../stores/users-file';
import {
  APP_ORIGIN,
  CLIENT_ID,
  credentials,
  fragmentOf,
  fullLogin,
  postJson,
  signUpBody,
  startTestTenant,
  useTempDir,
  useTestTenant
} from '../testing/test-support';

const STRONG = 'Str0ng-password';

describe('/dbconnections/signup', () => {
  const t = useTestTenant();
  const signUp = (body: unknown) => postJson(t.tenant, '/dbconnections/signup', body);

  it("creates the user, answers like Auth0, and Lock's login after sign-up works", async () => {
    const res = await signUp(signUpBody('New.User@example.com', STRONG));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown, email_verified: false, email: 'new.user@example.com' });

    const login = await fullLogin(t.tenant, {}, undefined, credentials('new.user@example.com', STRONG));
    expect(decodeJwt(fragmentOf(login).get('id_token') ?? '')).toMatchObject({
      sub: `auth0|${String(body._id)}`,
      email: 'new.user@example.com',
      email_verified: false,
      name: 'new.user@example.com'
    });
  });

  it('stores a salted hash in users.json, readable by its owner only, never the password', async () => {
    await signUp(signUpBody('stored@example.com', STRONG));
    const file = path.join(t.dataDir, USERS_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(STRONG);
    const { users } = JSON.parse(text) as { users: Record<string, unknown>[] };
    expect(users.find((user) => user.email === 'stored@example.com')).toMatchObject({
      user_id: expect.stringMatching(/^auth0\|/) as unknown,
      email_verified: false,
      password_hash: expect.stringMatching(/^scrypt\$/) as unknown
    });
    // Only the data files: the temp file of the atomic write is gone.
    expect(fs.readdirSync(t.dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['a signed-up user', 'twice@example.com'],
    ['the same email in other case', 'TWICE@example.com'],
    ['the default user', 'dev@example.com']
  ])("row 1: answers Auth0's invalid_signup for %s, hiding that the email is taken", async (_case, email) => {
    await signUp(signUpBody('twice@example.com', STRONG));
    const res = await signUp(signUpBody(email, STRONG));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ name: 'BadRequestError', code: 'invalid_signup', description: 'Invalid sign up', statusCode: 400 });
  });

  it('lets exactly one of two simultaneous sign-ups for an email win', async () => {
    const results = await Promise.all([
      signUp(signUpBody('race@example.com', STRONG)),
      signUp(signUpBody('race@example.com', 'An0ther-password'))
    ]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 400]);
  });

  it("row 2: enforces the advertised policy with Auth0's exact PasswordStrengthError body (no error/error_description)", async () => {
    const res = await signUp(signUpBody('weak@example.com', 'password'));
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    // Key for key what go-auth0's authentication_error_test.go records from Auth0, in Auth0's order.
    expect(Object.keys(body)).toEqual(['name', 'message', 'code', 'description', 'policy', 'statusCode']);
    expect(body).toEqual({
      name: 'PasswordStrengthError',
      message: 'Password is too weak',
      code: 'invalid_password',
      description: {
        verified: false,
        rules: expect.arrayContaining([
          { message: 'At least %d characters in length', format: [8], code: 'lengthAtLeast', verified: true }
        ]) as unknown
      },
      policy: expect.stringMatching(
        /^\* At least 8 characters in length\n\* Contain at least 3 of the following 4 types of characters:/
      ) as unknown,
      statusCode: 400
    });
    expect(
      await fullLogin(t.tenant, {}, undefined, credentials('weak@example.com', 'password')).catch((error: unknown) => error)
    ).toBeInstanceOf(Error);
  });

  it('keeps the name Lock sends from a custom sign-up field', async () => {
    await signUp(signUpBody('named@example.com', STRONG, { name: '  Ann Named ' }));
    const login = await fullLogin(t.tenant, {}, undefined, credentials('named@example.com', STRONG));
    expect(decodeJwt(fragmentOf(login).get('id_token') ?? '')).toMatchObject({ name: 'Ann Named', nickname: 'named' });
  });

  it.each([
    ['an email without @', signUpBody('not-an-email', STRONG)],
    ['a name that is not a string', signUpBody('numbered@example.com', STRONG, { name: 42 })]
  ])('answers invalid_signup for %s', async (_case, body) => {
    const res = await signUp(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ name: 'BadRequestError', code: 'invalid_signup', description: 'Invalid sign up', statusCode: 400 });
  });

  it('answers the preflight Lock sends before signing up', async () => {
    const res = await fetch(`${t.tenant.url}/dbconnections/signup`, {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'auth0-client, content-type'
      }
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });
});

describe('row 1: enable_public_signup_user_exists_error (DEV_TENANT_USER_EXISTS_ERROR=1)', () => {
  const t = useTestTenant({ env: { DEV_TENANT_USER_EXISTS_ERROR: '1' } });

  it('row 1: answers user_exists "The user already exists." only behind the tenant flag', async () => {
    const res = await postJson(t.tenant, '/dbconnections/signup', signUpBody('dev@example.com', STRONG));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      name: 'BadRequestError',
      code: 'user_exists',
      description: 'The user already exists.',
      statusCode: 400
    });
  });
});

describe('signed-up users across restarts', () => {
  const dataDir = useTempDir();

  it('logs a signed-up user in after a restart', async () => {
    const first = await startTestTenant(dataDir.path);
    expect((await postJson(first, '/dbconnections/signup', signUpBody('kept@example.com', STRONG))).status).toBe(200);
    await first.close();
    const second = await startTestTenant(dataDir.path);
    try {
      const login = await fullLogin(second, {}, undefined, credentials('kept@example.com', STRONG));
      expect(fragmentOf(login).get('id_token')).toEqual(expect.any(String));
    } finally {
      await second.close();
    }
  });

  it('reports a broken users.json instead of replacing it', async () => {
    const file = path.join(dataDir.path, USERS_FILE);
    fs.writeFileSync(file, '{"users": [{"email": "x"}]}');
    await expect(startTestTenant(dataDir.path)).rejects.toThrow(/Users file .*users\.json is invalid \(entry 0 is not a valid user\)/);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"users": [{"email": "x"}]}');
  });
});

describe('sign-up switched off', () => {
  const t = useTestTenant({ env: { DEV_TENANT_SIGNUP: '0' } });

  it('hides the Sign Up tab and refuses sign-ups when DEV_TENANT_SIGNUP=0', async () => {
    const script = await (await fetch(`${t.tenant.url}/client/${CLIENT_ID}.js`)).text();
    expect(script).toContain('"showSignup":false');
    const res = await postJson(t.tenant, '/dbconnections/signup', signUpBody('nope@example.com', STRONG));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'operation_not_enabled' });
  });
});
