// The session's core lifecycle on every app that adopts auth0.session: the sample app (`npm start`,
// ui-router 1.x, hash prefix '') and the examples/ on dist-lib/ (ui-router 0.4 on AngularJS 1.6, and
// ngRoute on 1.8; AngularJS's default hash prefix '!'). Each test also expects no console error or
// uncaught exception, no CSP violation and no request off loopback.
import { createRequire } from 'node:module';
import {
  DEV_USER,
  expectTokenReplaced,
  LOCK_READY_MS,
  loggedInText,
  loggedOutText,
  navbar,
  plantToken,
  storedIdToken,
  submitLock,
  whenTokenRemoved
} from '../tools/pages/lock-page';
import { adoptingApps, appRoutes, escapeRegExp, expect, expectReloadKeepsSession, test, watchPage } from './adoption-support';
import { E2E_APP_PORT, E2E_EXAMPLE_PORTS, E2E_TENANT_URL } from './e2e-env';
import { devUserSub, mintIdToken, nowInSeconds } from './tenant-tokens';

const APPS = adoptingApps(E2E_APP_PORT, E2E_EXAMPLE_PORTS);

// One of the longest files: its tests, each with users, contexts and token lifetimes of its own, spread over the suite's workers.
test.describe.configure({ mode: 'parallel' });

/** angular-lock's version, which its telemetry (`auth0Client`, sent to the tenant) must report. */
const ANGULAR_LOCK_VERSION = (createRequire(__filename)('angular-lock/package.json') as { version: string }).version;

/** The telemetry auth0-js sends with /authorize: the `auth0Client` parameter, base64 JSON. */
function telemetryOf(url: string): unknown {
  return JSON.parse(Buffer.from(new URL(url).searchParams.get('auth0Client') ?? '', 'base64').toString('utf8'));
}

for (const app of APPS) {
  test.describe(`adopting auth0.session: ${app.name}`, () => {
    test.use({ baseURL: app.baseURL });
    const { route, atRoute } = appRoutes(app);

    test('guard, login, return: a deep link to a guarded page goes to login, and back there after Log In', async ({ page }) => {
      await page.goto(route('profile'));
      await expect(page).toHaveURL(atRoute('login'));
      await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
      await page.locator('main').getByRole('button', { name: 'Log In' }).click();
      const authorize = page.waitForRequest((request) => request.url().startsWith(`${E2E_TENANT_URL}/authorize?`));
      await submitLock(page, DEV_USER);
      // Lock's telemetry names angular-lock with its real version, not its source's `%%PACKAGE_VERSION%%`.
      expect(telemetryOf((await authorize).url())).toMatchObject({ name: 'angular-lock', version: ANGULAR_LOCK_VERSION });
      // The login's round trip (tenant, callback, a new document) on a loaded machine.
      await expect(page).toHaveURL(atRoute('profile'), { timeout: LOCK_READY_MS });
      await expect(page.locator('.profile-email')).toHaveText(DEV_USER.email);
    });

    test('a reload keeps the session', async ({ loggedIn: page }) => {
      await expectReloadKeepsSession(page, route('profile'), DEV_USER.email);
    });

    test('a junk id_token at boot: signed out, the junk removed, no error', async ({ page }) => {
      await plantToken(page, 'junk.junk.junk', route('profile'));
      await expect(page).toHaveURL(atRoute('login'));
      await expect(navbar(page).getByRole('button', { name: 'Log In' })).toBeVisible();
      expect(await storedIdToken(page)).toBeNull();
      await page.goto(route('home'));
      await expect(page.getByText(loggedOutText)).toBeVisible();
    });

    test('expiry while open: logged out at exp (±1 s) without a navigation, the guarded page left for login', async ({ page }) => {
      // Long enough for the boot to show the profile first beside two other test files on a loaded machine (5 s was not).
      const exp = nowInSeconds() + 10;
      await plantToken(page, await mintIdToken({ exp }), route('profile'));
      await expect(page.locator('.profile-email')).toHaveText(DEV_USER.email);
      await page.evaluate(() => {
        (window as unknown as { sameDocument: boolean }).sameDocument = true;
      });
      const removedAt = await whenTokenRemoved(page);
      expect(Math.abs(removedAt - exp * 1000)).toBeLessThanOrEqual(1000);
      await expect(page).toHaveURL(atRoute('login'));
      await expect(navbar(page).getByRole('button', { name: 'Log In' })).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    });

    test('a refused renewal: <session-notice> says when the session ends, and Log in again works', async ({ page }) => {
      // No tenant session in this browser, and a token due for renewal: checkSession answers login_required.
      const exp = nowInSeconds() + 120;
      const planted = await mintIdToken({ sub: await devUserSub(), iat: exp - 400, exp });
      await plantToken(page, planted, route('home'));
      const notice = page.locator('session-notice');
      await expect(notice).toContainText('Your session could not be renewed: it ends at');
      expect(await notice.locator('time').getAttribute('datetime')).toBe(new Date(exp * 1000).toISOString());
      await notice.getByRole('button', { name: 'Log in again' }).click();
      await submitLock(page, DEV_USER);
      await expectTokenReplaced(page, planted);
      await expect(page.getByText(loggedInText)).toBeVisible();
      await expect(notice.locator('time')).toHaveCount(0);
    });

    test("another tab's logout is followed within a second or two", async ({ context, loggedIn: page }) => {
      const other = await context.newPage();
      const expectOtherClean = await watchPage(other);
      await other.goto('/');
      await expect(other.getByText(loggedInText)).toBeVisible();
      await navbar(page).getByRole('button', { name: 'Log Out' }).click();
      await expect(other.getByText(loggedOutText)).toBeVisible({ timeout: 2000 });
      await expect(navbar(other).getByRole('button', { name: 'Log In' })).toBeVisible();
      expectOtherClean();
    });

    test('logout: the token is gone, and the next Log In asks for the password again', async ({ loggedIn: page }) => {
      const tenantLogout = page.waitForRequest((request) => request.url().startsWith(`${E2E_TENANT_URL}/v2/logout`));
      await navbar(page).getByRole('button', { name: 'Log Out' }).click();
      await tenantLogout;
      await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(app.baseURL)}/`));
      await expect(page.getByText(loggedOutText)).toBeVisible();
      expect(await storedIdToken(page)).toBeNull();
      await navbar(page).getByRole('button', { name: 'Log In' }).click();
      await expect(page.locator('.auth0-lock-widget input[name="password"]')).toBeVisible({ timeout: LOCK_READY_MS });
      await expect(page.getByText(/last time you logged in/i)).toHaveCount(0);
    });
  });
}
