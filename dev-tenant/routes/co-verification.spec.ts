// Cross-origin verification: a login ticket must come back with /co/authenticate's cookie, else the
// tenant asks the app's fallback page for the co_verifier, as Auth0 does; and cross-site cookies as Auth0 sets them.
import {
  APP_ORIGIN,
  authorize,
  authorizeParams,
  coAuthenticate,
  credentials,
  FORGED_POST,
  fragmentOf,
  fromVerificationPage,
  postVerifier,
  readVerificationPage,
  sessionCookieOf,
  tenantFetch,
  useTestTenant,
  verifierCookieOf,
  type VerificationPage
} from '../testing/test-support';
import { loadConfigFromEnv } from '../config/config';
import type { RunningDevTenant } from '../server';

interface Ticket {
  login_ticket: string;
  co_verifier: string;
  co_id: string;
}

async function logInWithoutCookie(
  tenant: RunningDevTenant
): Promise<{ ticket: Ticket; res: Response; page: VerificationPage; params: Record<string, string> }> {
  const co = await coAuthenticate(tenant, credentials());
  const ticket = (await co.json()) as Ticket;
  const params = authorizeParams({ login_ticket: ticket.login_ticket });
  const res = await authorize(tenant, params);
  return { ticket, res, page: await readVerificationPage(res), params };
}

function pageData(html: string): { fallbackUrl: string; fallbackOrigin: string; coId: string } {
  const json = /<script type="application\/json" id="co-verification">(.*?)<\/script>/s.exec(html)?.[1];
  if (json === undefined) throw new Error(`no verification data in ${html}`);
  return JSON.parse(json) as { fallbackUrl: string; fallbackOrigin: string; coId: string };
}

describe('cross-origin verification (same site)', () => {
  const t = useTestTenant();

  it('binds the ticket with an HttpOnly SameSite=Lax cookie, and no _compat twin', async () => {
    const co = await coAuthenticate(t.tenant, credentials());
    const cookies = co.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^auth0_co_[\w-]+=[\w-]+; Max-Age=60; Path=\/authorize; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
  });

  it('without the cookie, answers a page that frames the fallback URL and asks it for this co_id', async () => {
    const { ticket, res, page } = await logInWithoutCookie(t.tenant);
    expect(res.status).toBe(200);
    expect(sessionCookieOf(res)).toBeUndefined();
    const { html } = page;
    expect(pageData(html)).toMatchObject({
      fallbackUrl: `${APP_ORIGIN}/callback-cross-auth.html#origin=${encodeURIComponent(t.tenant.url)}`,
      fallbackOrigin: APP_ORIGIN,
      coId: ticket.co_id
    });
    expect(html).toContain('<form method="post" action="/co/verify?');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`frame-src ${APP_ORIGIN};`);
    expect(policy).toContain(`form-action 'self' ${APP_ORIGIN};`);
    expect(policy).toMatch(/script-src 'sha256-[\w+/=]+';/);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("the fallback's right verifier completes the login", async () => {
    const { ticket, page, params } = await logInWithoutCookie(t.tenant);
    expect(page.cookie).toMatch(/^auth0_co_page=/);
    const done = await postVerifier(t.tenant, params, ticket.co_verifier, fromVerificationPage(t.tenant, params, page));
    expect(done.status).toBe(302);
    expect(fragmentOf(done).get('id_token')).toBeTruthy();
    expect(sessionCookieOf(done)).toBeDefined();
  });

  it("finding 4: the right verifier posted by another site's page (login CSRF) settles nothing: refused, and used up", async () => {
    // Whoever called /co/authenticate knows the co_verifier; a page of theirs can post it from the victim's browser.
    const { ticket, params } = await logInWithoutCookie(t.tenant);
    const forged = await postVerifier(t.tenant, params, ticket.co_verifier, FORGED_POST);
    expect(Object.fromEntries(fragmentOf(forged))).toEqual({
      error: 'invalid_request',
      error_description: 'Invalid verifier.',
      state: 'state-1'
    });
    expect(sessionCookieOf(forged)).toBeUndefined();
  });

  it.each([
    ['no verifier', '', 'No verifier returned from client.'],
    ['a wrong verifier', 'guessed', 'Invalid verifier.']
  ])("%s from the fallback ends in Auth0's invalid_request", async (_case, verifier, description) => {
    const { params, page } = await logInWithoutCookie(t.tenant);
    const done = await postVerifier(t.tenant, params, verifier, fromVerificationPage(t.tenant, params, page));
    expect(Object.fromEntries(fragmentOf(done))).toEqual({ error: 'invalid_request', error_description: description, state: 'state-1' });
    expect(sessionCookieOf(done)).toBeUndefined();
  });

  it('with the cookie, goes straight on: no page', async () => {
    const co = await coAuthenticate(t.tenant, credentials());
    const { login_ticket: ticket } = (await co.json()) as Ticket;
    const res = await authorize(t.tenant, authorizeParams({ login_ticket: ticket }), verifierCookieOf(co));
    expect(res.status).toBe(302);
    expect(fragmentOf(res).get('id_token')).toBeTruthy();
  });
});

describe('cross-site (DEV_TENANT_BROWSER_HOST=127.0.0.1)', () => {
  const t = useTestTenant({ env: { DEV_TENANT_BROWSER_HOST: '127.0.0.1' } });

  it('is another site than the app: its issuer is on https://127.0.0.1', async () => {
    expect(t.tenant.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const discovery = (await (await tenantFetch(t.tenant, '/.well-known/openid-configuration')).json()) as { issuer: string };
    expect(discovery.issuer).toBe(`${t.tenant.url}/`);
  });

  it('sets its cookies as Auth0 does: SameSite=None; Secure; HttpOnly, and a _compat twin without SameSite', async () => {
    const co = await coAuthenticate(t.tenant, credentials());
    const [main, compat] = co.headers.getSetCookie();
    expect(main).toMatch(/^auth0_co_[\w-]+=[\w-]+; Max-Age=60; Path=\/authorize; Expires=[^;]+; HttpOnly; Secure; SameSite=None$/);
    expect(compat).toMatch(/^auth0_co_[\w-]+_compat=[\w-]+; Max-Age=60; Path=\/authorize; Expires=[^;]+; HttpOnly; Secure$/);
    const { login_ticket: ticket } = (await co.json()) as Ticket;
    // A browser that drops SameSite=None sends the twin: that is enough.
    const res = await authorize(t.tenant, authorizeParams({ login_ticket: ticket }), compat.split(';')[0]);
    expect(fragmentOf(res).get('id_token')).toBeTruthy();
    const set = res.headers.getSetCookie().filter((cookie) => !cookie.includes('Expires=Thu, 01 Jan 1970'));
    expect(set.map((cookie) => cookie.split('=')[0])).toEqual(['auth0', 'auth0_compat']);
  });
});

describe('DEV_TENANT_BROWSER_HOST and DEV_TENANT_CROSS_ORIGIN_LOC', () => {
  it('127.0.0.1 is cross-site, localhost (the default) is not; anything else is refused by name', () => {
    expect(loadConfigFromEnv({ DEV_TENANT_BROWSER_HOST: '127.0.0.1', DEV_TENANT_PORT: '4001' })).toMatchObject({
      crossSite: true,
      publicUrl: 'https://127.0.0.1:4001'
    });
    expect(loadConfigFromEnv({}).crossSite).toBe(false);
    expect(() => loadConfigFromEnv({ DEV_TENANT_BROWSER_HOST: 'tenant.test' })).toThrow(
      /^DEV_TENANT_BROWSER_HOST must be one of localhost, 127\.0\.0\.1/
    );
  });

  it("defaults the fallback URL to the app's page, and refuses one with a fragment", () => {
    expect(loadConfigFromEnv({ PORT: '4000' }).crossOriginLoc).toBe('http://localhost:4000/callback-cross-auth.html');
    expect(() => loadConfigFromEnv({ DEV_TENANT_CROSS_ORIGIN_LOC: 'https://app.example/cb.html#x' })).toThrow(/must not have a #fragment/);
    expect(() => loadConfigFromEnv({ DEV_TENANT_CROSS_ORIGIN_LOC: 'cb.html' })).toThrow(/DEV_TENANT_CROSS_ORIGIN_LOC contains "cb.html"/);
  });
});
