// The adoption lifecycle's cases that differ in universal mode (loginMode 'universal'), on the same
// three apps as adoption.e2e.ts, each switched the way an adopter switches it: the sample built with
// AUTH0_LOGIN_MODE=universal, the examples' app.js with its `loginMode: 'universal'` line uncommented
// (playwright.config.ts serves them). Against the same-site dev tenant: its own login page, renewal
// by refresh token, logout that revokes it. Each test also expects no console error or uncaught
// exception, no CSP violation and no request off loopback, on the tenant's pages too.
import type { Page } from '@playwright/test';
import { decodeJwtPayload, loggedInText, loggedOutText, navbar, storedIdToken } from '../tools/pages/lock-page';
import {
  adoptingApps,
  appRoutes,
  escapeRegExp,
  expect,
  expectReloadKeepsSession,
  LOGIN_MS,
  logInThroughTenantPage,
  submitTenantLogin,
  test,
  watchPage
} from './adoption-support';
import { E2E_TENANT_URL, E2E_UNIVERSAL_EXAMPLE_PORTS, E2E_UNIVERSAL_SAMPLE_PORT } from './e2e-env';
import { authorizeRequestsInPage, refreshTokenInPage } from './engines/universal-steps';
import type { TestUser } from './test-tenant';

const APPS = adoptingApps(E2E_UNIVERSAL_SAMPLE_PORT, E2E_UNIVERSAL_EXAMPLE_PORTS);
/** A lifetime the renewal rules renew at its half-life (renewal-timing.ts), 10 s in, well before its exp. */
const SHORT_LIFETIME_S = 20;

// Each test has a user of its own (its refresh tokens are listed by user), so they spread over the workers.
test.describe.configure({ mode: 'parallel' });

/** The /oauth/token grants the page sends (`authorization_code`, `refresh_token`), in order. */
function tokenGrants(page: Page): string[] {
  const grants: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== `${E2E_TENANT_URL}/oauth/token`) return;
    // auth0-spa-js sends a form; the tenant takes JSON too.
    const body = request.postData() ?? '';
    grants.push(
      (body.startsWith('{') ? (JSON.parse(body) as { grant_type?: string }).grant_type : new URLSearchParams(body).get('grant_type')) ?? ''
    );
  });
  return grants;
}

for (const app of APPS) {
  test.describe(`adopting auth0.session in universal mode: ${app.name}`, () => {
    test.use({ baseURL: app.baseURL });
    const { route, atRoute } = appRoutes(app);

    const logIn = (page: Page, credentials: TestUser['credentials'], path = route('home')): Promise<void> =>
      logInThroughTenantPage(page, app, credentials, path);

    test("guard, login on the tenant's page, return: a deep link to a guarded page, back there with no code in the address", async ({
      page,
      tenant
    }) => {
      const { credentials } = await tenant.newUser();
      const grants = tokenGrants(page);
      await page.goto(route('profile'));
      await expect(page).toHaveURL(atRoute('login'));
      await page.locator('main').getByRole('button', { name: 'Log In' }).click();
      await submitTenantLogin(page, app.baseURL, credentials);
      await expect(page).toHaveURL(atRoute('profile'), { timeout: LOGIN_MS });
      await expect(page.locator('.profile-email')).toHaveText(credentials.email);
      // The callback's ?code=&state= left neither the address bar nor the history entry.
      expect(new URL(page.url()).search).toBe('');
      expect(grants).toEqual(['authorization_code']);
      expect(await page.evaluate(refreshTokenInPage)).not.toBeNull();
    });

    test('a reload keeps the session, with no trip to the tenant', async ({ page, tenant }) => {
      const { credentials } = await tenant.newUser();
      await logIn(page, credentials);
      await expectReloadKeepsSession(page, route('profile'), credentials.email);
      // The reloaded document asked the tenant for nothing: no /authorize trip, top-level or hidden.
      expect(await page.evaluate(authorizeRequestsInPage)).toEqual([]);
    });

    test('expiry while open: renewed by refresh token before exp, without a navigation, the guarded page kept', async ({
      page,
      tenant
    }) => {
      // A login, then more than one lifetime of its token.
      test.setTimeout(90_000);
      const { user, credentials } = await tenant.newUser();
      await tenant.setIdTokenLifetime(user, SHORT_LIFETIME_S);
      await logIn(page, credentials, route('profile'));
      await expect(page).toHaveURL(atRoute('profile'));
      const grants = tokenGrants(page);
      const first = (await storedIdToken(page)) ?? '';
      const firstExpMs = Number(decodeJwtPayload(first).exp) * 1000;
      await page.evaluate(() => {
        (window as unknown as { sameDocument: boolean }).sameDocument = true;
      });
      const renewed = await page.waitForFunction(
        (previous) => {
          const token = localStorage.getItem('id_token');
          return token !== null && token !== previous && Date.now();
        },
        first,
        { timeout: SHORT_LIFETIME_S * 1000 }
      );
      expect(await renewed.jsonValue()).toBeLessThan(firstExpMs);
      expect(grants[0]).toBe('refresh_token');
      // Past the first token's exp, still the same document, logged in, on the guarded page.
      await page.waitForFunction((expMs) => Date.now() > expMs + 1000, firstExpMs, { timeout: SHORT_LIFETIME_S * 1000 });
      await expect(page.locator('.profile-email')).toHaveText(credentials.email);
      await expect(page).toHaveURL(atRoute('profile'));
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
      expect(await page.evaluate(authorizeRequestsInPage)).toEqual([]);
      const families = await tenant.control.refreshTokens(user.user_id);
      expect(families).toHaveLength(1);
      expect(families[0]?.rotations).toBeGreaterThanOrEqual(1);
    });

    test("another tab's logout is followed within a second or two", async ({ context, page, tenant }) => {
      const { credentials } = await tenant.newUser();
      await logIn(page, credentials);
      const other = await context.newPage();
      const expectOtherClean = await watchPage(other);
      await other.goto(route('home'));
      await expect(other.getByText(loggedInText)).toBeVisible();
      await navbar(page).getByRole('button', { name: 'Log Out' }).click();
      await expect(other.getByText(loggedOutText)).toBeVisible({ timeout: 2000 });
      await expect(navbar(other).getByRole('button', { name: 'Log In' })).toBeVisible();
      expectOtherClean();
    });

    test('logout revokes the refresh token, and the next Log In asks for the password again', async ({ page, tenant }) => {
      const { user, credentials } = await tenant.newUser();
      await logIn(page, credentials);
      expect(await tenant.control.refreshTokens(user.user_id)).toHaveLength(1);
      const revoke = page.waitForRequest(`${E2E_TENANT_URL}/oauth/revoke`);
      const tenantLogout = page.waitForRequest((request) => request.url().startsWith(`${E2E_TENANT_URL}/v2/logout?`));
      await navbar(page).getByRole('button', { name: 'Log Out' }).click();
      await revoke;
      await tenantLogout;
      await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(app.baseURL)}/`));
      await expect(page.getByText(loggedOutText)).toBeVisible();
      expect(await storedIdToken(page)).toBeNull();
      expect(await page.evaluate(refreshTokenInPage)).toBeNull();
      expect(await tenant.control.refreshTokens(user.user_id)).toEqual([]);
      await navbar(page).getByRole('button', { name: 'Log In' }).click();
      await page.waitForURL(`${E2E_TENANT_URL}/u/login?**`, { timeout: LOGIN_MS });
      await expect(page.locator('#password')).toBeVisible();
    });
  });
}
