// Issue 8 item 3: a returning visitor whose token has expired gets back in through one top-level
// `/authorize?prompt=none` round trip (no password, no third-party cookie), on the page asked for;
// with no tenant session it lands logged out, once, with no message and no loop.
import type { BrowserContext, Page, Request } from '@playwright/test';
import { FULL_CHROMIUM, launchAllowingThirdPartyCookies } from '../tools/browsers/browser';
import {
  DEV_USER,
  collectPageProblems,
  decodeJwtPayload,
  logInThroughLock,
  loggedInText,
  navbar,
  storedIdToken
} from '../tools/pages/lock-page';
import { CROSS_SITE_CONTEXT, CROSS_SITE_TENANT, openCrossSiteApp } from './cross-site-app';
import { E2E_CROSS_SITE_TENANT_DATA_DIR, E2E_TENANT_URL } from './e2e-env';
import { expect, test } from './fixtures';
import { recordTenantRequests, sessionClaims } from './renewal-support';
import { mintIdToken, nowInSeconds, type MintingTenant } from './tenant-tokens';

const DEEP_LINK = '/#/profile';

/** The stored token swapped for one of the user of `claims` that expired an hour ago, signed by the tenant's key. */
async function expireStoredToken(page: Page, claims: Record<string, unknown>, tenant?: MintingTenant): Promise<string> {
  const iat = nowInSeconds() - 7200;
  const expired = await mintIdToken({ ...claims, iat, exp: iat + 3600 }, tenant);
  await page.evaluate((token) => {
    localStorage.setItem('id_token', token);
  }, expired);
  return expired;
}

/** The one round trip: a navigation of the page itself (not a frame's), asking for no login page. */
function expectOneTopLevelRoundTrip(silent: readonly Request[], page: Page): void {
  expect(silent).toHaveLength(1);
  expect(silent[0].isNavigationRequest()).toBe(true);
  expect(silent[0].frame()).toBe(page.mainFrame());
}

// The cross-site half needs third-party cookies blocked, as the full browser has it (the headless
// shell keeps them); a file's launch options are the file's, so all of it runs there.
test.use(FULL_CHROMIUM);

test.describe('issue 8 item 3: a returning visitor whose token has expired', () => {
  test('with the tenant session alive: one top-level prompt=none round trip, no password, back on the deep link, logged in', async ({
    context,
    page,
    logIn
  }) => {
    await logIn();
    const expired = await expireStoredToken(page, await sessionClaims(page));
    const requests = recordTenantRequests(context, E2E_TENANT_URL);
    const visit = await context.newPage();
    const problems = collectPageProblems(visit);
    await visit.goto(DEEP_LINK);
    await expect(visit.locator('.profile-email')).toHaveText(DEV_USER.email);
    await expect(visit).toHaveURL(/#\/profile$/);
    await visit.waitForLoadState('networkidle');
    expectOneTopLevelRoundTrip(requests.silent, visit);
    expect(requests.passwordLogins).toEqual([]);
    const renewed = await storedIdToken(visit);
    expect(renewed).not.toBe(expired);
    expect(Number(decodeJwtPayload(renewed ?? '').exp)).toBeGreaterThan(nowInSeconds());
    await expect(visit.locator('auth-error')).toHaveText('');
    expect(problems).toEqual([]);
  });

  test('with the tenant session ended: one round trip, logged out on the login page, no message, no loop', async ({
    context,
    page,
    logIn,
    tenant
  }) => {
    const { user, credentials } = await tenant.newUser();
    await logIn({ credentials });
    const claims = await sessionClaims(page);
    await expireStoredToken(page, claims);
    // The tenant's session over, its cookie still sent: as after its idle or absolute lifetime.
    expect(await tenant.control.expireSessions(user.user_id)).toBe(1);
    const requests = recordTenantRequests(context, E2E_TENANT_URL);
    const visit = await context.newPage();
    const problems = collectPageProblems(visit);
    await visit.goto(DEEP_LINK);
    // The guarded deep link asked for, turned away by the guard: the login page, logged out.
    await expect(visit.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(visit).toHaveURL(/#\/login$/);
    await visit.waitForLoadState('networkidle');
    expectOneTopLevelRoundTrip(requests.silent, visit);
    await expect(navbar(visit).getByRole('button', { name: 'Log In' })).toBeVisible();
    await expect(visit.locator('auth-error')).toHaveText('');
    expect(await storedIdToken(visit)).toBeNull();
    // A reload of the same tab with another expired token: the tab already tried, so no second trip.
    await expireStoredToken(visit, claims);
    await visit.reload();
    await expect(visit.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await visit.waitForLoadState('networkidle');
    expect(requests.silent.filter((request) => request.frame() === visit.mainFrame())).toHaveLength(1);
    // What else there is, is Lock's own SSO check, warmed up for a logged-out visitor: in a frame.
    for (const request of requests.silent.slice(1)) {
      expect(request.frame()).not.toBe(visit.mainFrame());
      expect(new URL(request.url()).searchParams.get('response_mode')).toBe('web_message');
    }
    expect(problems).toEqual([]);
  });
});

/** The headers of a credentialed request the page makes to `origin`, as sent. */
async function thirdPartyRequestFrom(page: Page, origin: string): Promise<Record<string, string>> {
  const url = `${origin}/.well-known/openid-configuration`;
  const sent = page.waitForRequest(url);
  await page.evaluate((target) => fetch(target, { credentials: 'include', mode: 'no-cors' }).then(() => undefined), url);
  return (await sent).allHeaders();
}

// The cross-site build and its tenant (https://127.0.0.1), started with the suite's servers (playwright.config.ts).
test.describe('cross-site (the tenant on 127.0.0.1), third-party cookies blocked: the top-level round trip still works', () => {
  const crossTenant: MintingTenant = { url: CROSS_SITE_TENANT, dataDir: E2E_CROSS_SITE_TENANT_DATA_DIR };

  /** Opens the app in a new page of `context` with an expired token of the user of `claims` stored, as left by an earlier visit. */
  async function leaveExpiredToken(context: BrowserContext, claims: Record<string, unknown>): Promise<void> {
    const earlier = await context.newPage();
    await openCrossSiteApp(earlier);
    await expireStoredToken(earlier, claims, crossTenant);
    await earlier.close();
  }

  test('tenant session alive: back on the deep link, logged in, through one top-level prompt=none', async ({ browser }) => {
    // Lock's login cannot work cross-site with third-party cookies blocked (cross-site.e2e.ts), so the
    // tenant session is made where they are allowed, and its cookies carried to a default browser.
    const allowing = await launchAllowingThirdPartyCookies(CROSS_SITE_CONTEXT);
    let claims: Record<string, unknown>;
    let tenantCookies: Awaited<ReturnType<BrowserContext['cookies']>>;
    try {
      const login = await allowing.newPage();
      await openCrossSiteApp(login);
      await logInThroughLock(login, DEV_USER);
      await expect(login.getByText(loggedInText)).toBeVisible();
      claims = await sessionClaims(login);
      tenantCookies = await allowing.cookies(crossTenant.url);
    } finally {
      await allowing.close();
    }
    expect(tenantCookies.length).toBeGreaterThan(0);
    const context = await browser.newContext(CROSS_SITE_CONTEXT);
    try {
      await context.addCookies(tenantCookies);
      await leaveExpiredToken(context, claims);
      const requests = recordTenantRequests(context, crossTenant.url);
      const visit = await context.newPage();
      await openCrossSiteApp(visit, DEEP_LINK);
      await expect(visit.locator('.profile-email')).toHaveText(DEV_USER.email);
      await visit.waitForLoadState('networkidle');
      expectOneTopLevelRoundTrip(requests.silent, visit);
      expect(requests.passwordLogins).toEqual([]);
      await expect(visit.locator('auth-error')).toHaveText('');
      // The round trip carried the tenant's cookie, first-party; the page's own request to the tenant does not: it is blocked as third-party.
      expect((await requests.silent[0].allHeaders()).cookie).toBeTruthy();
      expect((await thirdPartyRequestFrom(visit, crossTenant.url)).cookie).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  test('no tenant session: one round trip, logged out on the login page, no message, no loop', async ({ browser }) => {
    const context = await browser.newContext(CROSS_SITE_CONTEXT);
    try {
      await leaveExpiredToken(context, { sub: 'auth0|e2e-user' });
      const requests = recordTenantRequests(context, crossTenant.url);
      const visit = await context.newPage();
      await openCrossSiteApp(visit, DEEP_LINK);
      await expect(visit.getByRole('heading', { name: 'Log in' })).toBeVisible();
      await visit.waitForLoadState('networkidle');
      expectOneTopLevelRoundTrip(requests.silent, visit);
      await expect(visit.locator('auth-error')).toHaveText('');
      expect(await storedIdToken(visit)).toBeNull();
    } finally {
      await context.close();
    }
  });
});
