// Parity rows 2, 8 and 11 (see dev-tenant/README.md): what Lock and auth0-js get for refused
// passwords, blocked users and breached passwords, and consent outside localhost.
import { createRequire } from 'node:module';
import { decodeJwt } from 'jose';
import {
  CLIENT_ID,
  CONNECTION,
  authorize,
  authorizeParams,
  coAuthenticate,
  credentials,
  fullLogin,
  postJson,
  sessionCookieOf,
  signUpBody,
  silentRenewal,
  useTestTenant,
  verifierCookieOf,
  webMessageOf
} from './testing/test-support';
import type { UserProfile } from './accounts/user-profile';
import { UserStore } from './stores/users';

const lockRequire = createRequire(require.resolve('auth0-lock/package.json'));
type Messages = Record<'login' | 'signUp', Record<string, string>>;
const english = (lockRequire('./lib/i18n/en.js') as { default: { error: Messages } }).default.error;
// Lock turns a failed login's error into the key of its message with this function.
const lockHelper = lockRequire('./lib/core/web_api/helper.js') as {
  normalizeError: (error: Record<string, unknown>, domain: string) => { code?: string; error?: string };
};

/** Lock's message key for a /co/authenticate error body, as auth0-js hands it over ({code, description}). */
function lockLoginKey(body: Record<string, unknown>): string | undefined {
  // normalizeError compares window.location.host with the tenant's domain; the app is on localhost:3000.
  const global = globalThis as { window?: unknown };
  global.window = { location: { host: 'localhost:3000' } };
  try {
    const normalized = lockHelper.normalizeError({ code: body.error, description: body.error_description }, 'localhost:3001');
    return normalized.code ?? normalized.error;
  } finally {
    delete global.window;
  }
}

/** Lock's sign-up message key for an error body: code, or for invalid_password the error's name (connection/database/actions.js). */
function lockSignUpKey(body: { code: string; name: string }): string {
  const keys: Record<string, string> = {
    PasswordDictionaryError: 'password_dictionary_error',
    PasswordNoUserInfoError: 'password_no_user_info_error',
    PasswordStrengthError: 'password_strength_error'
  };
  return (body.code === 'invalid_password' ? keys[body.name] : undefined) ?? body.code;
}

describe('row 2: PasswordStrengthError in Lock', () => {
  const t = useTestTenant();

  it("row 2: has no error_description, so auth0-js hands Lock the rules object, and Lock shows 'Password is too weak.'", async () => {
    const body = (await (await postJson(t.tenant, '/dbconnections/signup', signUpBody('weak@example.com', 'password'))).json()) as {
      code: string;
      name: string;
      description: unknown;
    };
    expect(body).not.toHaveProperty('error');
    expect(body).not.toHaveProperty('error_description');
    expect(body.description).toMatchObject({ rules: expect.any(Array) as unknown });
    expect(english.signUp[lockSignUpKey(body)]).toBe('Password is too weak.');
  });
});

describe('row 8: password policy options and breached password detection', () => {
  const t = useTestTenant({
    env: {
      DEV_TENANT_PASSWORD_DICTIONARY: 'Correct-Horse-1',
      DEV_TENANT_PASSWORD_NO_PERSONAL_INFO: '1',
      DEV_TENANT_BREACHED_PASSWORDS: 'Breached-pass-1,dev-password'
    }
  });
  const signUp = async (email: string, password: string, name?: string) => {
    const res = await postJson(t.tenant, '/dbconnections/signup', signUpBody(email, password, name === undefined ? {} : { name }));
    return { status: res.status, body: (await res.json()) as { code: string; name: string } };
  };

  it('row 8: password_dictionary refuses a dictionary password with PasswordDictionaryError', async () => {
    const { status, body } = await signUp('dict@example.com', 'correct-horse-1');
    expect([status, body]).toEqual([
      400,
      {
        name: 'PasswordDictionaryError',
        message: 'Password is too common',
        code: 'invalid_password',
        description: 'Password is too common',
        statusCode: 400
      }
    ]);
    expect(english.signUp[lockSignUpKey(body)]).toBe('Password is too common.');
  });

  it('row 8: password_no_personal_info refuses the name or email inside the password with PasswordNoUserInfoError', async () => {
    const expected = {
      name: 'PasswordNoUserInfoError',
      message: 'Password contains user information',
      code: 'invalid_password',
      description: 'Password contains user information',
      statusCode: 400
    };
    expect(await signUp('annabel@example.com', 'My-annabel-9')).toEqual({ status: 400, body: expected });
    const { status, body } = await signUp('someone@example.com', 'Zebedee-is-9', 'Zebedee Smith');
    expect([status, body]).toEqual([400, expected]);
    expect(english.signUp[lockSignUpKey(body)]).toBe('Password is based on user information.');
  });

  it('row 8: breached password detection refuses a breached password at sign-up with password_leaked', async () => {
    const { status, body } = await signUp('leak@example.com', 'Breached-pass-1');
    expect([status, body]).toEqual([
      400,
      {
        name: 'BadRequestError',
        code: 'password_leaked',
        description: 'The password was found in a data breach: choose another one.',
        statusCode: 400
      }
    ]);
    expect(english.signUp[lockSignUpKey(body)]).toMatch(/detected in a public data breach/);
  });

  it('row 8: breached password detection blocks a login with a breached password: 401 password_leaked and a reset email', async () => {
    const res = await coAuthenticate(t.tenant, credentials('dev@example.com', 'dev-password'));
    const body = (await res.json()) as Record<string, unknown>;
    expect([res.status, body]).toEqual([
      401,
      {
        error: 'password_leaked',
        error_description:
          "This login attempt has been blocked because the password you're using was previously disclosed through a data breach (not in this application)."
      }
    ]);
    expect(body).not.toHaveProperty('login_ticket');
    expect(t.emails.at(-1)).toMatchObject({ kind: 'reset', to: 'dev@example.com' });
    expect(english.login[lockLoginKey(body) ?? '']).toMatch(/potential security issue/);
  });

  it('row 8: the reset page refuses dictionary, personal and breached passwords too', async () => {
    const user = { client_id: CLIENT_ID, connection: CONNECTION, email: 'dev@example.com' };
    expect((await postJson(t.tenant, '/dbconnections/change_password', user)).status).toBe(200);
    const ticket = new URL(t.emails.at(-1)?.link ?? 'http://x/').searchParams.get('ticket') ?? '';
    const reset = (password: string) =>
      fetch(`${t.tenant.url}/lo/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ticket, newPassword: password, confirmNewPassword: password }).toString()
      });
    for (const [password, message] of [
      ['Correct-Horse-1', 'That password is too common.'],
      ['Dev-user-pass-1', 'That password is based on your name or email.'],
      ['Breached-pass-1', 'That password was found in a data breach; choose another one.']
    ] as const) {
      const res = await reset(password);
      expect([password, res.status, await res.text()]).toEqual([password, 400, expect.stringContaining(message)]);
    }
  });

  it('row 8: a wrong password still answers access_denied, not password_leaked', async () => {
    expect((await coAuthenticate(t.tenant, credentials('dev@example.com', 'Breached-pass-1'))).status).toBe(403);
  });
});

describe('row 8: a blocked user', () => {
  const t = useTestTenant();
  const blocked = new Set<string>();
  // Stands in for the control API's setter (HB's): the profile as UserStore would then answer it.
  const { findByEmail, verifyPassword } = UserStore.prototype as {
    findByEmail: (this: UserStore, email: string) => UserProfile | undefined;
    verifyPassword: (this: UserStore, email: string, password: string) => Promise<UserProfile | undefined>;
  };
  const asStored = (profile: UserProfile | undefined) =>
    profile === undefined ? undefined : { ...profile, blocked: blocked.has(profile.email) };
  beforeAll(() => {
    jest.spyOn(UserStore.prototype, 'findByEmail').mockImplementation(function (this: UserStore, email: string) {
      return asStored(findByEmail.call(this, email));
    });
    jest.spyOn(UserStore.prototype, 'verifyPassword').mockImplementation(async function (this: UserStore, email: string, password: string) {
      return asStored(await verifyPassword.call(this, email, password));
    });
  });
  afterAll(() => {
    jest.restoreAllMocks();
  });
  afterEach(() => {
    blocked.clear();
  });

  it('row 8: /co/authenticate answers 401 unauthorized "user is blocked", which Lock shows as blocked_user', async () => {
    blocked.add('dev@example.com');
    const res = await coAuthenticate(t.tenant, credentials());
    const body = (await res.json()) as Record<string, unknown>;
    expect([res.status, body]).toEqual([401, { error: 'unauthorized', error_description: 'user is blocked' }]);
    expect(lockLoginKey(body)).toBe('blocked_user');
    expect(english.login.blocked_user).toBe('The user is blocked.');
  });

  it('row 8: a wrong password for a blocked user still answers "Wrong email or password."', async () => {
    blocked.add('dev@example.com');
    expect((await coAuthenticate(t.tenant, credentials('dev@example.com', 'wrong'))).status).toBe(403);
  });

  it('row 8: prompt=none for a blocked user\'s session answers unauthorized "user is blocked"', async () => {
    const cookie = sessionCookieOf(await fullLogin(t.tenant));
    blocked.add('dev@example.com');
    expect((await silentRenewal(t.tenant, cookie)).response).toEqual({
      error: 'unauthorized',
      error_description: 'user is blocked',
      state: 'state-1'
    });
    blocked.clear();
    expect((await silentRenewal(t.tenant, cookie)).response).toHaveProperty('id_token');
  });
});

describe('row 11: consent outside localhost', () => {
  const APP = 'http://app.example';
  const API = 'http://localhost:3002/';
  const t = useTestTenant({ env: { DEV_TENANT_CALLBACK_URLS: `${APP}/`, DEV_TENANT_WEB_ORIGINS: APP } });

  it('row 11: a first-party app on a real host renews an API audience silently (Allow Skipping User Consent)', async () => {
    const co = await coAuthenticate(t.tenant, credentials(), APP);
    const { login_ticket: loginTicket } = (await co.json()) as { login_ticket: string };
    const params = authorizeParams({ redirect_uri: `${APP}/`, audience: API, login_ticket: loginTicket });
    const login = await authorize(t.tenant, params, verifierCookieOf(co), `${APP}/`);
    expect(login.status).toBe(302);
    const silent = authorizeParams({ redirect_uri: `${APP}/`, response_mode: 'web_message', prompt: 'none', audience: API });
    const { response } = await webMessageOf(await authorize(t.tenant, silent, sessionCookieOf(login)));
    expect(decodeJwt(response.access_token ?? '').aud).toContain(API);
  });
});
