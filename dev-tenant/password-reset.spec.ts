// Lock's "Don't remember your password?": /dbconnections/change_password "emails" (prints) a link to
// the tenant's reset page, whose form sets a new password that then logs in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESET_EMAIL_SENT } from './routes-dbconnections';
import { RESET_TICKET_TTL_MS } from './sessions';
import { USERS_FILE } from './users-file';
import { CLIENT_ID, CONNECTION, coAuthenticate, credentials, postJson, signUpBody, useTestTenant } from './test-support';

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
