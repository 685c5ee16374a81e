// Lock's "Don't remember your password?": /dbconnections/change_password "emails" (prints) a link to
// the tenant's reset page, whose form sets a new password that then logs in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESET_EMAIL_SENT } from './reset-request';
import { RESET_TICKET_TTL_MS } from '../stores/reset-tickets';
import { USERS_FILE } from '../stores/users-file';
import { createRequire } from 'node:module';
import { TOO_MANY_REQUESTS } from '../http/rate-limited';
import { RATE_LIMITS } from '../limits/rate-limit';
import {
  CLIENT_ID,
  CONNECTION,
  coAuthenticate,
  credentials,
  fragmentOf,
  fullLogin,
  postJson,
  sessionCookieOf,
  signUpBody,
  silentRenewal,
  useTestTenant
} from '../testing/test-support';

const NEW_PASSWORD = 'N3w-password';

describe('password reset', () => {
  let clock = Date.now();
  const t = useTestTenant({ now: () => clock });

  /** Asks for a reset like Lock does and returns the link of the "email". */
  async function requestReset(email: string): Promise<URL> {
    const before = t.emails.length;
    const res = await postJson(t.tenant, '/dbconnections/change_password', { client_id: CLIENT_ID, email, connection: CONNECTION });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(RESET_EMAIL_SENT);
    expect(t.emails).toHaveLength(before + 1);
    return new URL(t.emails[before]?.link ?? '');
  }

  const submit = (ticket: string, password: string, confirm = password) =>
    fetch(`${t.tenant.url}/lo/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ticket, newPassword: password, confirmNewPassword: confirm }).toString()
    });

  it('prints a link to a working reset form, and the new password logs in', async () => {
    await postJson(t.tenant, '/dbconnections/signup', signUpBody('forgetful@example.com', 'Old-passw0rd'));
    const link = await requestReset('forgetful@example.com');
    expect(t.emails.at(-1)).toMatchObject({ to: 'forgetful@example.com', subject: 'Reset your password' });
    expect(`${link.origin}${link.pathname}`).toBe(`${t.tenant.url}/lo/reset`);
    const ticket = link.searchParams.get('ticket') ?? '';

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    const html = await page.text();
    expect(html).toContain('forgetful@example.com');
    expect(html).toContain(`name="ticket" value="${ticket}"`);

    expect((await submit(ticket, NEW_PASSWORD, 'typo')).status).toBe(400);
    const weak = await submit(ticket, 'weak');
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('too weak');
    const done = await submit(ticket, NEW_PASSWORD);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Your password has been changed');

    expect((await coAuthenticate(t.tenant, credentials('forgetful@example.com', NEW_PASSWORD))).status).toBe(200);
    expect((await coAuthenticate(t.tenant, credentials('forgetful@example.com', 'Old-passw0rd'))).status).toBe(403);
    const stored = fs.readFileSync(path.join(t.dataDir, USERS_FILE), 'utf8');
    expect(stored).not.toContain(NEW_PASSWORD);
  });

  it('uses a link once', async () => {
    const ticket = (await requestReset('dev@example.com')).searchParams.get('ticket') ?? '';
    expect((await submit(ticket, 'Dev-passw0rd')).status).toBe(200);
    expect((await submit(ticket, 'Other-passw0rd')).status).toBe(400);
    expect((await fetch(`${t.tenant.url}/lo/reset?ticket=${ticket}`)).status).toBe(400);
    expect((await coAuthenticate(t.tenant, credentials('dev@example.com', 'Dev-passw0rd'))).status).toBe(200);
  });

  it('lets a link expire after an hour', async () => {
    const link = await requestReset('dev@example.com');
    clock += RESET_TICKET_TTL_MS;
    const page = await fetch(link);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('expired');
  });

  it('answers an unknown email exactly like a known one, without sending anything', async () => {
    const before = t.emails.length;
    const res = await postJson(t.tenant, '/dbconnections/change_password', {
      client_id: CLIENT_ID,
      email: 'nobody@example.com',
      connection: CONNECTION
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(RESET_EMAIL_SENT);
    expect(t.emails).toHaveLength(before);
  });

  it('lifts a brute-force block', async () => {
    await postJson(t.tenant, '/dbconnections/signup', signUpBody('blocked@example.com', 'Old-passw0rd'));
    for (let i = 0; i < 10; i++) await coAuthenticate(t.tenant, credentials('blocked@example.com', 'wrong'));
    expect((await coAuthenticate(t.tenant, credentials('blocked@example.com', 'Old-passw0rd'))).status).toBe(429);
    const ticket = (await requestReset('blocked@example.com')).searchParams.get('ticket') ?? '';
    expect((await submit(ticket, NEW_PASSWORD)).status).toBe(200);
    expect((await coAuthenticate(t.tenant, credentials('blocked@example.com', NEW_PASSWORD))).status).toBe(200);
  });

  it('finding 6: using one reset link ends the other links, the sessions and the opaque access tokens of the user', async () => {
    await postJson(t.tenant, '/dbconnections/signup', signUpBody('reuse@example.com', 'Old-passw0rd'));
    const user = credentials('reuse@example.com', 'Old-passw0rd');
    const login = await fullLogin(t.tenant, {}, undefined, user);
    const session = sessionCookieOf(login);
    const accessToken = fragmentOf(login).get('access_token') ?? '';
    const userinfo = () => fetch(`${t.tenant.url}/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect((await userinfo()).status).toBe(200);
    const first = (await requestReset('reuse@example.com')).searchParams.get('ticket') ?? '';
    const second = (await requestReset('reuse@example.com')).searchParams.get('ticket') ?? '';
    expect((await submit(first, NEW_PASSWORD)).status).toBe(200);
    // The other link is dead: neither shown nor usable to set another password.
    expect((await fetch(`${t.tenant.url}/lo/reset?ticket=${second}`)).status).toBe(400);
    expect((await submit(second, 'An0ther-password')).status).toBe(400);
    expect((await coAuthenticate(t.tenant, credentials('reuse@example.com', NEW_PASSWORD))).status).toBe(200);
    // The session opened with the old password no longer renews, and its opaque token is revoked.
    expect((await silentRenewal(t.tenant, session)).response.error).toBe('login_required');
    expect((await userinfo()).status).toBe(401);
  });
});

describe('rate limits like Auth0 (issue 9, finding 6)', () => {
  const t = useTestTenant();
  const changePassword = (email: string) =>
    postJson(t.tenant, '/dbconnections/change_password', { client_id: CLIENT_ID, email, connection: CONNECTION });

  it('row 7 (finding 6): change_password answers 429 too_many_requests after a burst of 10 per IP and email', async () => {
    for (let i = 0; i < RATE_LIMITS.changePassword.burst; i++) expect((await changePassword('dev@example.com')).status).toBe(200);
    const limited = await changePassword('dev@example.com');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      name: 'BadRequestError',
      code: 'too_many_requests',
      description: TOO_MANY_REQUESTS,
      statusCode: 429
    });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(t.emails).toHaveLength(RATE_LIMITS.changePassword.burst);
    // Another email from the same IP has its own bucket.
    expect((await changePassword('other@example.com')).status).toBe(200);
  });

  it('finding 6: sign-up answers 429 too_many_requests after 50 a minute from one IP', async () => {
    const { burst, refillMs } = RATE_LIMITS.signup;
    const statuses: number[] = [];
    const startedAt = Date.now();
    while (statuses.at(-1) !== 429 && statuses.length <= 2 * burst) {
      statuses.push((await postJson(t.tenant, '/dbconnections/signup', signUpBody(`rate${statuses.length}@example.com`, 'weak'))).status);
    }
    // The burst, plus what refilled while they were sent (one each refillMs: a loaded machine is slow).
    const refilled = Math.floor((Date.now() - startedAt) / refillMs);
    const accepted = statuses.slice(0, -1);
    expect(accepted.every((status) => status === 400)).toBe(true);
    expect(accepted.length).toBeGreaterThanOrEqual(burst);
    expect(accepted.length).toBeLessThanOrEqual(burst + refilled);
    expect(statuses.at(-1)).toBe(429);
  });

  it('row 7 (finding 6): /userinfo answers 429 too_many_requests after a burst of 10 for one user, with X-RateLimit-* headers', async () => {
    const accessToken = fragmentOf(await fullLogin(t.tenant)).get('access_token') ?? '';
    const userinfo = () => fetch(`${t.tenant.url}/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
    for (let i = 0; i < RATE_LIMITS.userinfo.burst; i++) expect((await userinfo()).status).toBe(200);
    const limited = await userinfo();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'too_many_requests', error_description: TOO_MANY_REQUESTS });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('uses error codes Lock has its own messages for', () => {
    const lockRequire = createRequire(require.resolve('auth0-lock/package.json'));
    type Messages = Record<'forgotPassword' | 'login', Record<string, string>>;
    const english = (lockRequire('./lib/i18n/en.js') as { default: { error: Messages } }).default;
    expect(english.error.forgotPassword.too_many_requests).toMatch(/limit on password change attempts/);
    expect(english.error.login.too_many_requests).toMatch(/too many requests/);
  });
});

describe('password reset switched off', () => {
  const t = useTestTenant({ env: { DEV_TENANT_FORGOT_PASSWORD: '0' } });

  it('hides the link in Lock and refuses the request when DEV_TENANT_FORGOT_PASSWORD=0', async () => {
    expect(await (await fetch(`${t.tenant.url}/client/${CLIENT_ID}.js`)).text()).toContain('"showForgot":false');
    const res = await postJson(t.tenant, '/dbconnections/change_password', {
      client_id: CLIENT_ID,
      email: 'dev@example.com',
      connection: CONNECTION
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'operation_not_enabled' });
    expect(t.emails).toEqual([]);
  });
});
