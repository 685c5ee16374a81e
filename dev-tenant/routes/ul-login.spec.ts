// The Universal Login page (/u/login): its HTML and headers, the checks on its post (the tenant's own
// origin, the transaction's CSRF token, one code per transaction), and /co/authenticate's rules with their messages.
import { control, CONTROL_PASSWORD, createUser, userPath } from '../testing/control-test-support';
import { SIBLING_ORIGIN, useTestTenant } from '../testing/test-support';
import { exchangeCode } from '../testing/token-support';
import {
  authorizeCodeFlow,
  callbackQuery,
  codeParams,
  loginFields,
  newPkce,
  openUlPage,
  pageError,
  postUlForm,
  type FormPost,
  type UlPage
} from '../testing/ul-support';
import { TOO_MANY_ATTEMPTS } from './unblock';
import { CSRF_REFUSED, FOREIGN_POST, TRANSACTION_GONE } from './ul-transaction';

const MAX_ATTEMPTS = 3;

describe('Universal Login: /u/login', () => {
  let offsetMs = 0;
  const t = useTestTenant({ env: { DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS: String(MAX_ATTEMPTS) }, now: () => Date.now() + offsetMs });
  const pkce = newPkce();
  beforeEach(() => {
    offsetMs = 0;
  });

  /** A fresh transaction's login page, as the browser lands on it from /authorize. */
  async function loginPage(): Promise<UlPage> {
    const location = (await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge))).headers.get('location') ?? '';
    return openUlPage(t.tenant, location);
  }

  async function post(fields: Record<string, string>, from: FormPost = {}): Promise<{ res: Response; html: string }> {
    const res = await postUlForm(t.tenant, '/u/login', fields, from);
    return { res, html: res.status === 302 ? '' : await res.text() };
  }

  it('row 23: the CSP is exact: no script at all, the tenant’s stylesheet, forms to the tenant and the callbacks’ origin', async () => {
    const page = await loginPage();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' http://localhost:3000; frame-ancestors 'none'; base-uri 'none'"
    );
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('row 23: the HTML has no inline script or style; its stylesheet is served by the tenant', async () => {
    const { html } = await loginPage();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/style=/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).toContain('<link rel="stylesheet" href="/u/login.css">');
    const css = await fetch(`${t.tenant.url}/u/login.css`);
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
  });

  it('row 23: labelled fields with autocomplete, a submit button, links to sign-up and the forgotten-password page', async () => {
    const page = await loginPage();
    const { html, state } = page;
    expect(html).toContain('<label for="username">');
    expect(html).toContain('<label for="password">');
    expect(html).toMatch(/<input id="username" name="username" type="email" autocomplete="username" required/);
    expect(html).toMatch(/<input id="password" name="password" type="password" autocomplete="current-password" required/);
    expect(html).toContain('<button type="submit" name="action" value="default">');
    expect(html).toContain(`href="/u/signup?state=${state}"`);
    expect(html).toContain(`href="/u/reset-password?state=${state}"`);
    expect(html).not.toContain('id="error-message"');
    expect(page.csrf).toMatch(/^[\w-]{20,}$/);
  });

  it('row 24: a wrong password shows "Wrong email or password." (401), keeps the email, and the page can be posted again', async () => {
    const page = await loginPage();
    const wrong = await post(loginFields(page, 'dev@example.com', 'not-the-password'));
    expect(wrong.res.status).toBe(401);
    expect(pageError(wrong.html)).toBe('Wrong email or password.');
    expect(wrong.html).toContain('value="dev@example.com"');
    expect(wrong.html).toContain('aria-invalid="true" aria-describedby="error-message"');
    const right = await post(loginFields(page, 'dev@example.com', 'dev-password'));
    expect(callbackQuery(right.res).code).toEqual(expect.any(String));
  });

  it('row 24: a blocked user gets "user is blocked" (401) after the right password', async () => {
    const user = await createUser(t.tenant, 'ul-blocked@example.com');
    expect((await control(t.tenant, 'PATCH', userPath(user.user_id), { blocked: true })).status).toBe(200);
    const page = await loginPage();
    const { res, html } = await post(loginFields(page, user.email, CONTROL_PASSWORD));
    expect([res.status, pageError(html)]).toEqual([401, 'user is blocked']);
  });

  it('row 24: brute-force protection: after max_attempts failures, 429 with Auth0’s text, even for the right password', async () => {
    const user = await createUser(t.tenant, 'ul-brute@example.com');
    const page = await loginPage();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect((await post(loginFields(page, user.email, 'wrong-password'))).res.status).toBe(401);
    }
    const { res, html } = await post(loginFields(page, user.email, CONTROL_PASSWORD));
    expect([res.status, pageError(html)]).toEqual([429, TOO_MANY_ATTEMPTS]);
  });

  it('row 23: the CSRF token must be the transaction’s: a wrong or missing one is refused (403), no login', async () => {
    const page = await loginPage();
    const wrong = await post({ ...loginFields(page, 'dev@example.com', 'dev-password'), _csrf: 'forged-token-forged-token' });
    expect([wrong.res.status, pageError(wrong.html)]).toEqual([403, CSRF_REFUSED]);
    const withoutToken = loginFields(page, 'dev@example.com', 'dev-password');
    delete withoutToken._csrf;
    const missing = await post(withoutToken);
    expect([missing.res.status, pageError(missing.html)]).toEqual([403, CSRF_REFUSED]);
    expect(missing.res.headers.getSetCookie()).toEqual([]);
  });

  it.each<[string, FormPost]>([
    ['another site', { origin: 'http://evil.example' }],
    ['a sibling localhost port (login CSRF by cookie tossing)', { origin: SIBLING_ORIGIN }],
    ['Origin: null', { origin: 'null' }],
    ['no Origin, Sec-Fetch-Site: same-site (a sibling port)', { origin: null, secFetchSite: 'same-site' }],
    ['no Origin, Sec-Fetch-Site: cross-site', { origin: null, secFetchSite: 'cross-site' }],
    ['neither Origin nor Sec-Fetch-Site', { origin: null }]
  ])('row 23: a post from %s is refused (403) even with the transaction’s own token', async (_case, from) => {
    // The attacker's own transaction and token, its own credentials, posted from the victim's browser.
    const page = await loginPage();
    const { res, html } = await post(loginFields(page, 'dev@example.com', 'dev-password'), from);
    expect([res.status, pageError(html)]).toEqual([403, FOREIGN_POST]);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('row 23: a browser that sends Sec-Fetch-Site: same-origin without Origin is the tenant’s own page', async () => {
    const page = await loginPage();
    const { res } = await post(loginFields(page, 'dev@example.com', 'dev-password'), { origin: null, secFetchSite: 'same-origin' });
    expect(callbackQuery(res).code).toEqual(expect.any(String));
  });

  it('row 23: a transaction issues one code: the same form posted again finds it gone (400)', async () => {
    const page = await loginPage();
    const first = await post(loginFields(page, 'dev@example.com', 'dev-password'));
    const { code } = callbackQuery(first.res);
    const replay = await post(loginFields(page, 'dev@example.com', 'dev-password'));
    expect([replay.res.status, pageError(replay.html)]).toEqual([400, TRANSACTION_GONE]);
    expect((await exchangeCode(t.tenant, { code: code ?? '', verifier: pkce.verifier, nonce: 'nonce-1' })).status).toBe(200);
    expect((await openUlPage(t.tenant, `/u/login?state=${page.state}`)).status).toBe(400);
  });

  it('row 23: a transaction expires: its page and its post are refused after 15 minutes', async () => {
    const page = await loginPage();
    offsetMs = 15 * 60_000;
    expect((await openUlPage(t.tenant, `/u/login?state=${page.state}`)).status).toBe(400);
    expect((await post(loginFields(page, 'dev@example.com', 'dev-password'))).res.status).toBe(400);
  });

  it('an unknown or missing state: the page says the login page expired (400)', async () => {
    for (const path of ['/u/login?state=unknown', '/u/login', '/u/signup?state=x', '/u/reset-password']) {
      const page = await openUlPage(t.tenant, path);
      expect([page.status, pageError(page.html)]).toEqual([400, TRANSACTION_GONE]);
    }
  });
});
