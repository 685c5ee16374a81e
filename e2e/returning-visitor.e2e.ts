// Issue 8 item 3: a returning visitor whose token has expired gets back in through one top-level
// `/authorize?prompt=none` round trip (no password, no third-party cookie), on the page asked for;
// with no tenant session it lands logged out, once, with no message and no loop.
import type { BrowserContext, Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_TENANT_URL } from './e2e-env';
import { DEV_USER, collectPageProblems, decodeJwtPayload, navbar, storedIdToken } from './lock-page';
import { sessionClaims } from './renewal-support';
import { mintIdToken, nowInSeconds } from './tenant-tokens';

const DEEP_LINK = '/#/profile';

/** Every `/authorize?prompt=none` the context sends (top-level or framed), and every password login (`/co/authenticate`). */
function recordTenantRequests(context: BrowserContext, tenantOrigin: string): { silent: Request[]; passwordLogins: Request[] } {
  const recorded = { silent: [] as Request[], passwordLogins: [] as Request[] };
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== tenantOrigin) return;
    if (url.pathname === '/authorize' && url.searchParams.get('prompt') === 'none') recorded.silent.push(request);
    if (url.pathname === '/co/authenticate') recorded.passwordLogins.push(request);
  });
  return recorded;
}

/** The stored token swapped for one of the user of `claims` that expired an hour ago, signed by the tenant's key. */
async function expireStoredToken(page: Page, claims: Record<string, unknown>, mint: typeof mintIdToken = mintIdToken): Promise<string> {
  const iat = nowInSeconds() - 7200;
  const expired = await mint({ ...claims, iat, exp: iat + 3600 });
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
    logIn
  }) => {
    await logIn();
    const claims = await sessionClaims(page);
    await expireStoredToken(page, claims);
    // The tenant's SSO cookie gone, as after its idle expiry or a logout elsewhere.
    await context.clearCookies();
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
