// Universal Login's refusals and a stolen refresh token, in Chromium (third-party cookies blocked,
// its default here), cross-site: the app on localhost, the dev tenant on https://127.0.0.1. Each
// refusal shows <auth-error> and stores nothing; the flows every engine runs are in
// engines/universal-flows.e2e.ts.
import type { BrowserContext, Page } from '@playwright/test';
import { FULL_CHROMIUM } from '../tools/browsers/browser';
import { loggedInText } from '../tools/pages/lock-page';
import { CROSS_SITE_CONTEXT } from './cross-site-app';
import { crossSiteTenant, refreshTokenGrant } from './cross-site-tenant';
import { E2E_CLIENT_ID, E2E_CROSS_SITE_TENANT_URL, E2E_UNIVERSAL_APP_URL } from './e2e-env';
import { collectCspViolations } from './csp-support';
import { expect, test as base } from './fixtures';
import { STRONG_PASSWORD, uniqueEmail } from './test-tenant';
import { refreshTokenInPage, sessionKeysInPage } from './engines/universal-steps';

const APP = E2E_UNIVERSAL_APP_URL;
const TENANT = E2E_CROSS_SITE_TENANT_URL;
/** Where auth0-spa-js keeps the login under way (its state, nonce and code_verifier) until the callback. */
const TRANSACTION_KEY = `a0.spajs.txs.${E2E_CLIENT_ID}`;
const control = crossSiteTenant();

/** Every page of these tests (the app's and the tenant's login page) under its CSP, with no violation. */
const test = base.extend({
  page: async ({ page }, use) => {
    const violations = await collectCspViolations(page);
    await use(page);
    expect(violations, 'CSP violations').toEqual([]);
  }
});

// Third-party cookies blocked, as the full browser has it (the headless shell keeps them).
test.use({ ...CROSS_SITE_CONTEXT, ...FULL_CHROMIUM });

async function newUser(lifetimeS?: number): Promise<{ email: string; password: string; userId: string }> {
  const credentials = { email: uniqueEmail(), password: STRONG_PASSWORD };
  const user = await control.createUser({ ...credentials, email_verified: true });
  if (lifetimeS !== undefined) await control.updateUser(user.user_id, { id_token_lifetime_s: lifetimeS });
  return { ...credentials, userId: user.user_id };
}

/** Log In on the app, the tenant's page filled and sent; resolves with the callback URL the tenant sent the browser to. */
async function logIn(page: Page, user: { email: string; password: string }): Promise<string> {
  await page.getByRole('button', { name: 'Log In' }).click();
  await page.waitForURL(`${TENANT}/u/login?**`);
  await page.locator('#username').fill(user.email);
  await page.locator('#password').fill(user.password);
  const callback = page.waitForRequest((request) => request.isNavigationRequest() && new URL(request.url()).searchParams.has('code'));
  await page.locator('button[type="submit"][name="action"]').click();
  return (await callback).url();
}

/** Every /oauth/token request the context sends. */
function tokenRequests(context: BrowserContext): string[] {
  const sent: string[] = [];
  context.on('request', (request) => {
    if (request.url() === `${TENANT}/oauth/token`) sent.push(request.postData() ?? '');
  });
  return sent;
}

async function expectRefusedAndNothingStored(page: Page): Promise<void> {
  await expect(page.locator('auth-error')).toContainText('Login failed');
  expect(await page.evaluate(() => localStorage.getItem('id_token'))).toBeNull();
  expect(await page.evaluate(refreshTokenInPage)).toBeNull();
  expect(new URL(page.url()).searchParams.has('code')).toBe(false);
}

/** Every top-level request of the page that brings the tenant's answer back to the app (its query has `state`). */
function callbacks(page: Page): URL[] {
  const answers: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.isNavigationRequest() && url.origin === APP && url.searchParams.has('state')) answers.push(url);
  });
  return answers;
}

test.describe('universal mode refuses', () => {
  test('a forged callback: no login under way here, so no code is exchanged', async ({ page, context }) => {
    const sent = tokenRequests(context);
    await page.goto(`${APP}/?code=forged-code&state=forged-state`);
    await expectRefusedAndNothingStored(page);
    expect(sent).toEqual([]);
  });

  test("a forged error answer: without this tab's login state it reads as forged, and the page's text is not shown", async ({ page }) => {
    await page.goto(`${APP}/?error=access_denied&error_description=Call%20support%20at%20evil.example&state=forged-state`);
    await expect(page.locator('auth-error')).toHaveText('Login failed: Invalid state');
    await expect(page.getByText('evil.example')).toHaveCount(0);
    expect(new URL(page.url()).search).toBe('');
  });

  test("a replayed code: the callback and the login's transaction copied to another browser are refused by the tenant", async ({
    page,
    browser
  }) => {
    const user = await newUser();
    try {
      await page.goto(`${APP}/`);
      // The transaction as the callback finds it, kept before the app uses and removes it.
      await page.addInitScript((key) => {
        const transaction = sessionStorage.getItem(key);
        if (transaction !== null && location.search.includes('code=')) sessionStorage.setItem(`copy:${key}`, transaction);
      }, TRANSACTION_KEY);
      const callbackUrl = await logIn(page, user);
      await expect(page.getByText(loggedInText)).toBeVisible();
      const transaction = await page.evaluate((key) => sessionStorage.getItem(`copy:${key}`), TRANSACTION_KEY);
      expect(transaction).not.toBeNull();

      const attacker = await browser.newContext(CROSS_SITE_CONTEXT);
      const replay = await attacker.newPage();
      await replay.goto(`${APP}/#/`);
      await replay.evaluate(
        ([key, value]) => {
          sessionStorage.setItem(key, value);
        },
        [TRANSACTION_KEY, transaction ?? ''] as const
      );
      const exchanged = replay.waitForResponse(`${TENANT}/oauth/token`);
      await replay.goto(callbackUrl);
      expect((await exchanged).status()).toBe(403);
      await expectRefusedAndNothingStored(replay);
      await attacker.close();
    } finally {
      await control.deleteUser(user.userId);
    }
  });

  test('a wrong code_verifier: the tenant refuses the exchange (PKCE)', async ({ page }) => {
    const user = await newUser();
    try {
      await page.goto(`${APP}/`);
      await page.addInitScript((key) => {
        const transaction = sessionStorage.getItem(key);
        if (transaction !== null && location.search.includes('code=')) {
          sessionStorage.setItem(key, JSON.stringify({ ...(JSON.parse(transaction) as object), code_verifier: 'x'.repeat(43) }));
        }
      }, TRANSACTION_KEY);
      const exchanged = page.waitForResponse(`${TENANT}/oauth/token`);
      await logIn(page, user);
      expect((await exchanged).status()).toBe(403);
      await expectRefusedAndNothingStored(page);
    } finally {
      await control.deleteUser(user.userId);
    }
  });

  test("the tenant's error answer (a blocked user whose tenant session lives on): its description shown, no code exchanged, nothing stored, the address bar clean", async ({
    page,
    context
  }) => {
    const user = await newUser();
    try {
      await page.goto(`${APP}/`);
      await logIn(page, user);
      await expect(page.getByText(loggedInText)).toBeVisible();
      // The app forgets its session, the tenant keeps its own (SSO); then the user is blocked.
      await page.evaluate(() => {
        localStorage.clear();
      });
      await page.reload();
      await control.updateUser(user.userId, { blocked: true });
      const sent = tokenRequests(context);
      const answers = callbacks(page);
      const authorize = page.waitForRequest((request) => request.url().startsWith(`${TENANT}/authorize?`));
      await page.getByRole('button', { name: 'Log In' }).click();
      const { searchParams } = new URL((await authorize).url());
      // Straight back, with the login's own state: the SSO session makes the tenant answer at /authorize.
      await expect(page.locator('auth-error')).toContainText('Login failed: user is blocked');
      expect(answers.map((url) => Object.fromEntries(url.searchParams))).toEqual([
        { error: 'unauthorized', error_description: 'user is blocked', state: searchParams.get('state') }
      ]);
      await expectRefusedAndNothingStored(page);
      expect(await page.evaluate(sessionKeysInPage)).toEqual([]);
      expect(await page.evaluate((key) => sessionStorage.getItem(key), TRANSACTION_KEY)).toBeNull();
      expect(new URL(page.url()).search).toBe('');
      expect(sent).toEqual([]);
    } finally {
      await control.deleteUser(user.userId);
    }
  });

  test('an unknown redirect_uri: the tenant answers with its own page and sends nothing anywhere', async ({ page }) => {
    const query = new URLSearchParams({
      client_id: E2E_CLIENT_ID,
      response_type: 'code',
      redirect_uri: 'https://attacker.example/callback',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 'x'
    });
    const answer = await page.goto(`${TENANT}/authorize?${query.toString()}`);
    expect(answer?.status()).toBe(400);
    expect(new URL(page.url()).origin).toBe(TENANT);
    await expect(page.getByText('Callback URL mismatch.')).toBeVisible();
  });
});

test('a stolen refresh token: replayed, it is refused and its family revoked; the real tab is logged out at its next renewal, with the notice', async ({
  page
}) => {
  test.setTimeout(180_000);
  // 60 s tokens: renewed every 30 s.
  const user = await newUser(60);
  try {
    await page.goto(`${APP}/`);
    await logIn(page, user);
    await expect(page.getByText(loggedInText)).toBeVisible();
    const stolen = await page.evaluate(refreshTokenInPage);
    // The tab renews: the stolen token is now an old one of the family.
    await expect.poll(() => page.evaluate(refreshTokenInPage), { timeout: 90_000 }).not.toBe(stolen);
    const replayed = await refreshTokenGrant(stolen ?? '');
    expect(replayed.status).toBe(403);
    expect(replayed.body).toMatchObject({ error: 'invalid_grant' });
    expect(await control.refreshTokens(user.userId)).toEqual([]);

    await expect(page.locator('session-notice')).toContainText('Your session has ended', { timeout: 90_000 });
    expect(await page.evaluate(() => localStorage.getItem('id_token'))).toBeNull();
    await expect(page.locator('session-notice').getByRole('button', { name: 'Log in again' })).toBeVisible();
  } finally {
    await control.deleteUser(user.userId);
  }
});
