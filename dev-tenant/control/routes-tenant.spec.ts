// The outbox (reset and verification emails, with working links), token lifetimes, and the page at `/`.
import * as vm from 'node:vm';
import { decodeJwt } from 'jose';
import { CLIENT_ID, CONNECTION, fragmentOf, fullLogin, postJson, signUpBody, useTestTenant } from '../testing/test-support';
import { CONTROL_PASSWORD, control, listUsers } from '../testing/control-test-support';
import type { EmailJson } from './routes-tenant';

describe('control API: outbox, settings and page', () => {
  const t = useTestTenant();

  const outbox = async (query = ''): Promise<EmailJson[]> =>
    (await control<{ emails: EmailJson[] }>(t.tenant, 'GET', `/control/outbox${query}`)).body.emails;

  it('records the verification email of a sign-up, whose link verifies the email once', async () => {
    expect((await postJson(t.tenant, '/dbconnections/signup', signUpBody('outbox@example.com', CONTROL_PASSWORD))).status).toBe(200);
    const emails = await outbox('?to=OUTBOX%40example.com&kind=verification');
    expect(emails).toHaveLength(1);
    const email = emails.at(0);
    expect(email).toEqual({
      id: expect.stringMatching(/^email_\d+$/) as unknown,
      kind: 'verification',
      to: 'outbox@example.com',
      subject: 'Verify your email',
      link: expect.stringMatching(new RegExp(`^${t.tenant.url}/u/email-verification\\?ticket=[\\w-]+$`)) as unknown,
      sent_at: expect.stringMatching(/^\d{4}-/) as unknown
    });
    // Still printed (here: handed to the test's sendEmail) as before.
    expect(t.emails.at(-1)).toEqual({ kind: 'verification', to: 'outbox@example.com', subject: 'Verify your email', link: email?.link });
    expect((await listUsers(t.tenant, '?email=outbox%40example.com')).at(0)?.email_verified).toBe(false);
    const page = await fetch(email?.link ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('was verified');
    expect((await listUsers(t.tenant, '?email=outbox%40example.com')).at(0)?.email_verified).toBe(true);
    expect((await fetch(email?.link ?? '')).status).toBe(400);
  });

  it('records reset emails, filters by recipient and kind, oldest first, and clears', async () => {
    await control(t.tenant, 'DELETE', '/control/outbox');
    for (let i = 0; i < 2; i += 1) {
      const res = await postJson(t.tenant, '/dbconnections/change_password', {
        client_id: CLIENT_ID,
        email: 'dev@example.com',
        connection: CONNECTION
      });
      expect(res.status).toBe(200);
    }
    const emails = await outbox('?kind=reset');
    expect(emails.map((email) => [email.kind, email.to])).toEqual([
      ['reset', 'dev@example.com'],
      ['reset', 'dev@example.com']
    ]);
    expect(Number(emails[0]?.id.slice('email_'.length))).toBeLessThan(Number(emails[1]?.id.slice('email_'.length)));
    expect((await fetch(emails[0]?.link ?? '')).status).toBe(200);
    expect(await outbox('?kind=verification')).toEqual([]);
    expect(await outbox('?to=someone%40example.com')).toEqual([]);
    const bad = await control(t.tenant, 'GET', '/control/outbox?kind=welcome');
    expect(bad.status).toBe(400);
    expect(bad.body.error_description).toMatch(/kind must be one of reset, verification, unblock/);
    expect((await control(t.tenant, 'DELETE', '/control/outbox')).status).toBe(204);
    expect(await outbox()).toEqual([]);
  });

  it('changes the lifetimes of the tokens issued from then on', async () => {
    expect((await control(t.tenant, 'GET', '/control/settings')).body).toEqual({
      id_token_lifetime_s: 36000,
      access_token_lifetime_s: 7200
    });
    const answer = await control(t.tenant, 'PATCH', '/control/settings', { id_token_lifetime_s: 60, access_token_lifetime_s: 30 });
    expect(answer).toEqual(
      expect.objectContaining({ status: 200, body: { settings: { id_token_lifetime_s: 60, access_token_lifetime_s: 30 } } })
    );
    const fragment = fragmentOf(await fullLogin(t.tenant));
    const claims = decodeJwt(fragment.get('id_token') ?? '');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
    expect(fragment.get('expires_in')).toBe('30');
    expect((await control(t.tenant, 'PATCH', '/control/settings', { id_token_lifetime_s: 36000 })).body).toEqual({
      settings: { id_token_lifetime_s: 36000, access_token_lifetime_s: 30 }
    });
    await control(t.tenant, 'PATCH', '/control/settings', { access_token_lifetime_s: 7200 });
  });

  it.each([
    [{ id_token_lifetime_s: 0 }, /id_token_lifetime_s must be a whole number from 1 to 2592000/],
    [{ id_token_lifetime_s: 2_592_001 }, /id_token_lifetime_s must be a whole number/],
    [{ access_token_lifetime_s: 1.5 }, /access_token_lifetime_s must be a whole number/],
    [{ access_token_lifetime_s: '60' }, /access_token_lifetime_s must be a whole number/],
    [{ token_ttl: 60 }, /Unknown field: token_ttl/]
  ])('refuses the settings %j with 400 and changes nothing', async (body, description) => {
    const answer = await control(t.tenant, 'PATCH', '/control/settings', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error_description).toMatch(description);
    expect((await control(t.tenant, 'GET', '/control/settings')).body).toEqual({
      id_token_lifetime_s: 36000,
      access_token_lifetime_s: 7200
    });
  });

  it('serves the page at / under the strict CSP, with its script and style as files', async () => {
    const res = await fetch(`${t.tenant.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; script-src 'self'; style-src 'self'; connect-src 'self'"
    );
    const html = await res.text();
    expect(html).toContain('<h1>Dev tenant</h1>');
    // Every script is a file of the tenant's, and there is no inline style.
    expect([...html.matchAll(/<script[^>]*>/g)].map((match) => match[0])).toEqual(['<script src="/control/page.js" defer>']);
    expect(html).not.toMatch(/style=|<style/);
    const script = await fetch(`${t.tenant.url}/control/page.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const code = await script.text();
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    const css = await fetch(`${t.tenant.url}/control/page.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});
