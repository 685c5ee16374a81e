// Beyond the tutorial, in real Chromium against the dev tenant: README, "Beyond the tutorial".
import { HOSTILE_TOKENS } from '../components/auth/testing';
import {
  expectTokenGone,
  DEV_USER,
  LOCK_READY_MS,
  afterNextFrames,
  collectPageProblems,
  loggedInText,
  loggedOutText,
  navbar,
  plantToken,
  storedIdToken,
  submitLock,
  whenTokenRemoved
} from '../tools/pages/lock-page';
import { escapeRegExp } from './engines/universal-steps';
import { expect, test } from './fixtures';
import { localExpiryMs } from './renewal-support';
import { mintIdToken, nowInSeconds } from './tenant-tokens';

// One of the longest files: its tests, each with users, contexts and token lifetimes of its own, spread over the suite's workers.
test.describe.configure({ mode: 'parallel' });

test.describe('1. hostile storage', () => {
  for (const [name, value] of Object.entries(HOSTILE_TOKENS)) {
    test(`boots logged out with ${name} under id_token, removes it, throws nothing`, async ({ page }) => {
      const problems = collectPageProblems(page);
      await plantToken(page, value, '/#/profile');
      await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
      await expect(navbar(page).getByRole('button', { name: 'Log In' })).toBeVisible();
      expect(await storedIdToken(page)).toBeNull();
      expect(problems).toEqual([]);
    });
  }
});

test('2. expiry while open: logged out at exp (±1 s) without a navigation, guarded state left for login', async ({ page }) => {
  const problems = collectPageProblems(page);
  // Long enough for the boot to show the profile first beside two other test files on a loaded machine (5 s was not).
  const exp = nowInSeconds() + 10;
  await plantToken(page, await mintIdToken({ exp }), '/#/profile');
  await expect(page.locator('.profile-email')).toHaveText(DEV_USER.email);
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  const removedAt = await whenTokenRemoved(page);
  expect(Math.abs(removedAt - exp * 1000)).toBeLessThanOrEqual(1000);
  await expect(page).toHaveURL(/#\/login$/);
  await expect(navbar(page).getByRole('button', { name: 'Log In' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(problems).toEqual([]);
});

test.describe('3. silent renewal', () => {
  /** Tokens this short are due for renewal at once after the login (half their life), and end soon after. */
  const LIFETIME_S = 10;

  test('renews before expiry while the tenant session is alive: the user stays in', async ({ page, logIn, tenant }) => {
    const { user, credentials } = await tenant.newUser();
    await tenant.setIdTokenLifetime(user, LIFETIME_S);
    await logIn({ credentials });
    await tenant.setIdTokenLifetime(user, null);
    const first = await storedIdToken(page);
    const endsAtMs = await localExpiryMs(page);
    // Renewed within the renewal jitter (2 s) after half its life, through checkSession.
    await expect.poll(() => storedIdToken(page), { timeout: endsAtMs - Date.now() }).not.toBe(first);
    await page.waitForTimeout(Math.max(0, endsAtMs - Date.now()) + 1500);
    await expect(page.getByText(loggedInText)).toBeVisible();
    expect(await storedIdToken(page)).not.toBeNull();
  });

  test('with the tenant session expired the renewal fails and the user is logged out at expiry', async ({ page, logIn, tenant }) => {
    const { user, credentials } = await tenant.newUser();
    await tenant.setIdTokenLifetime(user, LIFETIME_S);
    await logIn({ credentials });
    await tenant.setIdTokenLifetime(user, null);
    const endsAtMs = await localExpiryMs(page);
    expect(await tenant.control.expireSessions(user.user_id)).toBe(1);
    await expect(page.locator('session-notice time')).toBeVisible({ timeout: endsAtMs - Date.now() });
    const removedAt = await whenTokenRemoved(page);
    expect(Math.abs(removedAt - endsAtMs)).toBeLessThanOrEqual(1000);
    await expect(page.getByText(loggedOutText)).toBeVisible();
  });
});

test('4. guarded states: a deep link on first load goes to login, then back to the state asked for', async ({ page }) => {
  const problems = collectPageProblems(page);
  await page.goto('/#/ping');
  await expect(page).toHaveURL(/#\/login$/);
  await page.locator('main').getByRole('button', { name: 'Log In' }).click();
  await submitLock(page, DEV_USER);
  await expect(page).toHaveURL(/#\/ping$/, { timeout: LOCK_READY_MS });
  await expect(page.getByRole('heading', { name: 'Ping the API' })).toBeVisible();
  // Nothing may move the page on: no request left in flight, and nothing new drawn.
  await page.waitForLoadState('networkidle');
  await afterNextFrames(page);
  await expect(page).toHaveURL(/#\/ping$/, { timeout: LOCK_READY_MS });
  await page.goto('/#/profile');
  await expect(page.locator('.profile-email')).toHaveText(DEV_USER.email);
  expect(problems).toEqual([]);
});

test('6. clean URL: no token in location.href nor in the history entry', async ({ page, logIn }) => {
  await logIn({ path: '/#/home' });
  const tokenInUrl = /access_token|id_token|error=/;
  expect(page.url()).not.toMatch(tokenInUrl);
  expect(await page.evaluate(() => window.location.href)).not.toMatch(tokenInUrl);
  await page.goBack();
  await page.waitForLoadState();
  expect(page.url()).not.toMatch(tokenInUrl);
  await page.goForward();
  await page.waitForLoadState();
  expect(page.url()).not.toMatch(tokenInUrl);
});

test('7. tabs: logging in and out in one tab is followed by another within 1 s', async ({ context, page: first, logIn }) => {
  const second = await context.newPage();
  await first.goto('/');
  await second.goto('/');
  await logIn({ path: null });
  await expect(second.getByText(loggedInText)).toBeVisible({ timeout: 1000 });
  await navbar(first).getByRole('button', { name: 'Log Out' }).click();
  await expect(second.getByText(loggedOutText)).toBeVisible({ timeout: 1000 });
});

test('8. logout ends the tenant session too: the next Log In asks for the password again', async ({ loggedIn: page, baseURL }) => {
  await navbar(page).getByRole('button', { name: 'Log Out' }).click();
  await expect(page.getByText(loggedOutText)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(String(baseURL))}/`));
  await expectTokenGone(page);
  await navbar(page).getByRole('button', { name: 'Log In' }).click();
  await expect(page.locator('.auth0-lock-widget input[name="password"]')).toBeVisible({ timeout: LOCK_READY_MS });
  await expect(page.getByText(/last time you logged in/i)).toHaveCount(0);
});
