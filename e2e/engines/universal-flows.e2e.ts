// Universal Login (loginMode 'universal', auth0-spa-js) in Chromium, Firefox ESR and WebKitGTK, each
// with its default privacy settings, in the cross-site mode: the app on localhost, the dev tenant on
// https://127.0.0.1, another site, as your-tenant.auth0.com is to a deployed app. Nothing here needs
// a third-party cookie: the login is a top-level page, renewal a refresh token sent with fetch.
import { loggedInText, loggedOutText } from '../../tools/pages/lock-page';
import { recordedProblems } from '../../tools/browsers/page-problems';
import { E2E_CROSS_SITE_TENANT_URL, E2E_UNIVERSAL_APP_URL } from '../e2e-env';
import { CROSS_SITE_ENGINE } from '../cross-site-app';
import { crossSiteTenant, refreshTokenGrant } from '../cross-site-tenant';
import { STRONG_PASSWORD, uniqueEmail } from '../test-tenant';
import { expectText, expectUrl, navbarButton, storedIdToken } from './app-steps';
import { expect, test } from './engine-test';
import {
  authorizeRequestsInPage,
  lockScriptsInPage,
  logInOnTenantPage,
  navigationTypeInPage,
  nextIdToken,
  refreshTokenInPage
} from './universal-steps';

const APP = E2E_UNIVERSAL_APP_URL;
const TENANT = E2E_CROSS_SITE_TENANT_URL;
const control = crossSiteTenant();

// The tenant's self-signed certificate accepted, as a user clicking through the warning once; its
// storage forgotten with each window. Privacy settings stay each engine's defaults.
test.use({ engineLaunchOptions: { ...CROSS_SITE_ENGINE, otherOrigins: [TENANT] } });

/** A user of the test's own, deleted at its end. */
async function withUser(
  idTokenLifetimeS: number | null,
  body: (credentials: { email: string; password: string }, userId: string) => Promise<void>
) {
  const credentials = { email: uniqueEmail(), password: STRONG_PASSWORD };
  const user = await control.createUser({ ...credentials, email_verified: true });
  try {
    if (idTokenLifetimeS !== null) await control.updateUser(user.user_id, { id_token_lifetime_s: idTokenLifetimeS });
    await body(credentials, user.user_id);
  } finally {
    await control.deleteUser(user.user_id);
  }
}

test('log in on the tenant page and back to the page asked for, no code left in the address; reload; logout revokes the refresh token', async ({
  tab
}) => {
  await withUser(null, async (credentials, userId) => {
    await tab.goto(`${APP}/#/profile`);
    await expectUrl(tab, /#\/login$/);
    await logInOnTenantPage(tab, TENANT, APP, credentials);
    await expectText(tab, credentials.email, '.profile-email');
    const url = new URL(await tab.url());
    expect(url.searchParams.has('code') || url.searchParams.has('state'), url.href).toBe(false);
    expect(url.hash).toBe('#/profile');
    const refreshToken = await tab.evaluate(refreshTokenInPage);
    expect(refreshToken).not.toBeNull();

    await tab.reload();
    await expectText(tab, credentials.email, '.profile-email');
    expect(await tab.evaluate(authorizeRequestsInPage)).toEqual([]);
    expect(await tab.evaluate(lockScriptsInPage)).toEqual([]);

    await tab.click(navbarButton('Log Out'));
    await expectUrl(tab, new RegExp(`^${APP}/`));
    await expectText(tab, loggedOutText);
    expect(await storedIdToken(tab)).toBeNull();
    expect(await control.refreshTokens(userId)).toEqual([]);
    const answer = await refreshTokenGrant(refreshToken ?? '');
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: 'invalid_grant' });
    expect(await recordedProblems(tab)).toEqual([]);
  });
});

test('renewal by refresh token in two tabs across two token lifetimes: no iframe, no reuse-detection logout', async ({
  engineWindow,
  tab
}) => {
  test.setTimeout(300_000);
  // 60 s tokens, the shortest a 30 s minimum between renewals sustains: each renewed at its half-life (renewal-timing.ts).
  await withUser(60, async (credentials, userId) => {
    await tab.goto(`${APP}/`);
    await logInOnTenantPage(tab, TENANT, APP, credentials);
    await expectText(tab, loggedInText);
    const other = await engineWindow.newTab();
    await other.goto(`${APP}/`);
    await expectText(other, loggedInText);

    // Four renewals: the session outlives two lifetimes of its first token, on rotated refresh tokens.
    const seen = [await storedIdToken(tab)];
    while (seen.length < 5) {
      seen.push(await nextIdToken(tab, seen, 90_000));
    }
    for (const each of [tab, other]) {
      await expectText(each, loggedInText);
      expect(await each.evaluate(authorizeRequestsInPage)).toEqual([]);
    }
    // One token in both: a tab's copy of localStorage learns another's write a moment later (WebKit,
    // under load: the other tab still read the token before the last, once).
    await other.waitUntil('both tabs to read the same id_token', async () => (await storedIdToken(other)) === (await storedIdToken(tab)));
    // One live family (reuse detection would have revoked it), rotated at each renewal.
    const families = await control.refreshTokens(userId);
    expect(families).toHaveLength(1);
    expect(families[0]?.rotations).toBeGreaterThanOrEqual(4);
  });
});

test('a returning visitor whose id_token expired, with a valid refresh token, is logged in with no redirect', async ({ tab }) => {
  await withUser(null, async (credentials) => {
    await tab.goto(`${APP}/`);
    await logInOnTenantPage(tab, TENANT, APP, credentials);
    await expectText(tab, loggedInText);
    const before = await storedIdToken(tab);
    // On the profile through the app's own router first: a URL replaced behind its back, the app's next
    // digest would put back its own, racing the reload (Firefox aborts it: bootWithToken, app-steps.ts).
    await tab.evaluate(() => {
      location.hash = '#/profile';
    });
    await expectText(tab, credentials.email, '.profile-email');
    // The stored id_token, expired a minute ago (its signature is not checked at boot: only its claims are read).
    await tab.evaluate(() => {
      const [header = '', payload = ''] = (localStorage.getItem('id_token') ?? '').split('.');
      const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, number>;
      const expired = btoa(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
      localStorage.setItem('id_token', `${header}.${expired}.signature`);
    });
    await tab.reload();
    await expectText(tab, credentials.email, '.profile-email');
    const after = await tab.waitUntil('a fresh id_token', async () => {
      const token = await storedIdToken(tab);
      return token !== null && token !== before && !token.endsWith('.signature') ? token : null;
    });
    expect(after).toBeTruthy();
    expect(await tab.evaluate(navigationTypeInPage)).toBe('reload');
    expect(new URL(await tab.url()).hash).toBe('#/profile');
  });
});
