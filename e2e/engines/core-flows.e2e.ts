// The core flows, written once and run in Firefox ESR and WebKitGTK (the `firefox` and `webkit`
// projects of playwright.config.ts); Chromium runs the same flows, and more, as Playwright tests.
import { HOSTILE_TOKENS } from '../../components/auth/testing';
import { DEV_USER, decodeJwtPayload, loggedInText, loggedOutText, tokenRemovedAtInPage } from '../../tools/pages/lock-page';
import { cspViolations, recordedProblems } from '../../tools/browsers/page-problems';
import { checkSessionInPage } from '../csp-support';
import { E2E_SERVERS, E2E_TENANT_URL } from '../e2e-env';
import { mintIdToken, nowInSeconds } from '../tenant-tokens';
import {
  bootWithToken,
  expectText,
  expectUrl,
  expectVisible,
  logInThroughLock,
  navbarButton,
  plantToken,
  storedIdToken
} from './app-steps';
import { expect, test } from './engine-test';

const [{ baseURL: APP_URL }, { baseURL: PROD_URL }] = E2E_SERVERS;

test('the tutorial: log in through Lock, the profile, reload stays logged in, log out; 0 CSP violations, 0 page errors', async ({
  tab
}) => {
  await tab.goto(`${APP_URL}/`);
  await expectText(tab, loggedOutText);
  await logInThroughLock(tab);
  await expectText(tab, loggedInText);
  expect(await storedIdToken(tab)).not.toBeNull();

  await tab.goto(`${APP_URL}/#/profile`);
  await expectText(tab, DEV_USER.email, '.profile-email');
  await tab.reload();
  await expectText(tab, DEV_USER.email, '.profile-email');

  await tab.click(navbarButton('Log Out'));
  await expectText(tab, loggedOutText);
  expect(await storedIdToken(tab)).toBeNull();
  expect(await recordedProblems(tab)).toEqual([]);
});

test('hostile storage: each hostile id_token at boot leaves the app logged out, removed, nothing thrown', async ({ tab }) => {
  await tab.goto(`${APP_URL}/`);
  for (const [name, value] of Object.entries(HOSTILE_TOKENS)) {
    await test.step(name, async () => {
      await bootWithToken(tab, value, '/#/profile');
      await expectUrl(tab, /#\/login$/);
      await expectVisible(tab, navbarButton('Log In'));
      expect(await storedIdToken(tab)).toBeNull();
    });
  }
  expect(await recordedProblems(tab)).toEqual([]);
});

test('expiry while open: logged out at exp (±1 s) without a navigation, the guarded page left for login', async ({ tab }) => {
  // Long enough for the boot to finish first on a loaded machine.
  const exp = nowInSeconds() + 8;
  await plantToken(tab, APP_URL, await mintIdToken({ exp }), '/#/profile');
  await expectText(tab, DEV_USER.email, '.profile-email');
  await tab.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  const removedAt = await tab.evaluate(tokenRemovedAtInPage);
  expect(Math.abs(removedAt - exp * 1000)).toBeLessThanOrEqual(1000);
  await expectUrl(tab, /#\/login$/);
  await expectVisible(tab, navbarButton('Log In'));
  expect(await tab.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(await recordedProblems(tab)).toEqual([]);
});

test('a returning visitor whose token expired, asking for #/profile in a new tab: through the tenant and back on it, logged in with a new token', async ({
  engineWindow,
  tab
}) => {
  await tab.goto(`${APP_URL}/`);
  await logInThroughLock(tab);
  await expectText(tab, loggedInText);
  const claims = decodeJwtPayload((await storedIdToken(tab)) ?? '');
  const iat = nowInSeconds() - 7200;
  const expired = await mintIdToken({ ...claims, iat, exp: iat + 3600 });
  await tab.evaluate((token: string) => {
    localStorage.setItem('id_token', token);
  }, expired);

  // As the visitor comes back: the deep link in a new tab. The guard turns it away to #/login, the
  // top-level prompt=none trip comes back with a token, and the way back ends on the page asked for.
  const visit = await engineWindow.newTab();
  await visit.goto(`${APP_URL}/#/profile`);
  await expectText(visit, DEV_USER.email, '.profile-email');
  await expectUrl(visit, /#\/profile$/);
  const renewed = await storedIdToken(visit);
  expect(renewed).not.toBe(expired);
  expect(Number(decodeJwtPayload(renewed ?? '').exp)).toBeGreaterThan(nowInSeconds());
  expect(await recordedProblems(visit)).toEqual([]);
});

test('tabs: logging in and out in one tab is followed by the other', async ({ engineWindow, tab: first }) => {
  const second = await engineWindow.newTab();
  await first.goto(`${APP_URL}/`);
  await second.goto(`${APP_URL}/`);
  await expectText(second, loggedOutText);
  await logInThroughLock(first);
  await expectText(first, loggedInText);
  // The other tab hears of it through the `storage` event. Polled with the usual wait, not a short
  // one: each poll switches windows and makes three WebDriver round trips, and under load WebKit's
  // took more than the 5 s this once allowed (Chromium's test times the follow-up itself).
  await expectText(second, loggedInText);
  await first.click(navbarButton('Log Out'));
  await expectText(second, loggedOutText);
  expect(await recordedProblems(second)).toEqual([]);
});

test("auth errors: a wrong password shows Lock's message; an error in the callback hash shows the app's", async ({ tab }) => {
  await tab.goto(`${APP_URL}/`);
  await logInThroughLock(tab, { email: DEV_USER.email, password: 'wrong-password' });
  await expectText(tab, /wrong email or password/i, '.auth0-global-message-error');
  expect(await storedIdToken(tab)).toBeNull();

  // What the tenant sends back when the user refuses: the app, not Lock, says so.
  await tab.goto('about:blank');
  await tab.goto(`${APP_URL}/#error=access_denied&error_description=The%20user%20denied%20access.&state=any`);
  await expectText(tab, /denied access/, 'auth-error .auth-error');
  await expectText(tab, loggedOutText);
  expect(await storedIdToken(tab)).toBeNull();
});

test('CSP on npm run serve: login, reload, the profile picture, renewal and logout raise 0 violations', async ({ tab }) => {
  await tab.goto(`${PROD_URL}/`);
  await expectText(tab, loggedOutText);
  await logInThroughLock(tab);
  await expectText(tab, loggedInText);
  await tab.reload();
  await expectText(tab, loggedInText);

  await tab.goto(`${PROD_URL}/#/profile`);
  await tab.waitUntil('the profile picture from the tenant', () =>
    tab.evaluate((tenant: string) => {
      const picture = document.querySelector<HTMLImageElement>('.profile-picture');
      return picture !== null && picture.src.startsWith(`${tenant}/avatar/`) && picture.naturalWidth > 0;
    }, E2E_TENANT_URL)
  );
  expect(await tab.evaluate(checkSessionInPage)).toEqual({ error: null, idToken: true });

  // Log Out ends the tenant session too: to /v2/logout and back.
  await tab.click(navbarButton('Log Out'));
  await expectUrl(tab, new RegExp(`^${PROD_URL}/#/home$`));
  await expectText(tab, loggedOutText);
  expect(await tab.evaluate(checkSessionInPage)).toEqual({ error: 'login_required', idToken: false });
  expect(await recordedProblems(tab)).toEqual([]);

  // The recorder sees what the policy refuses: an inline style with no hash.
  await tab.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'main { color: red; }';
    document.head.append(style);
  });
  await tab.waitUntil('the refused inline style to be reported', async () => cspViolations(await recordedProblems(tab)).length > 0);
  expect(cspViolations(await recordedProblems(tab)).map((violation) => violation.what)).toEqual(['style-src-elem']);
});
