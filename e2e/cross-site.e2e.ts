// The dev tenant on another site than the app (DEV_TENANT_BROWSER_HOST=127.0.0.1, the app on
// localhost), as your-tenant.auth0.com is to a deployed app, and Auth0's cross-origin verification:
// the app's fallback page (callback-cross-auth.html), framed by the tenant when its cookie is missing.
// Chromium here; Firefox and WebKit (with and without ITP) in engines/cross-site-lock.e2e.ts.
import { expect, test, type Page } from '@playwright/test';
import { localOrigin } from '../config/defaults';
import { FULL_CHROMIUM, launchAllowingThirdPartyCookies } from '../tools/browsers/browser';
import { collectPageProblems, DEV_USER, logInThroughLock, loggedInText, storedIdToken } from '../tools/pages/lock-page';
import { CROSS_SITE_APP, CROSS_SITE_CONTEXT, CROSS_SITE_TENANT, openCrossSiteApp } from './cross-site-app';
import { collectCspViolations } from './csp-support';
import { E2E_APP_PORT } from './e2e-env';

const isFallbackPage = (url: string): boolean => new URL(url).pathname === '/callback-cross-auth.html';

/** Records every frame that showed the app's fallback page, by its URL (fragment included). */
function fallbackPageFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('framenavigated', (frame) => {
    if (isFallbackPage(frame.url())) frames.push(frame.url());
  });
  return frames;
}

// Chromium's own cookie defaults are the subject here: the full browser, not the headless shell.
test.use(FULL_CHROMIUM);

test.describe('same site, the tenant cookie refused on /co/authenticate', () => {
  test('the tenant frames the fallback page, which hands back the verifier: logged in, 0 CSP violations', async ({ page, context }) => {
    const violations = await collectCspViolations(page);
    const problems = collectPageProblems(page);
    const fallbacks = fallbackPageFrames(page);
    // A browser that drops the tenant's cookie on the cross-origin answer, yet lets the app's own page read
    // its own cookie: what the fallback is for. (Cross-site, Chromium blocks both: see below.)
    await page.route('**/co/authenticate', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      await context.clearCookies({ name: /^auth0_co_/ });
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name !== 'set-cookie'));
      return route.fulfill({ response, headers });
    });
    await page.goto('/');
    await logInThroughLock(page, DEV_USER);
    await expect(page.getByText(loggedInText)).toBeVisible();
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toContain(`#origin=${encodeURIComponent(localOrigin(E2E_APP_PORT + 1))}`);
    expect(await storedIdToken(page)).toBeTruthy();
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });
});

test.describe('cross-site: the tenant on https://127.0.0.1, the app on localhost', () => {
  test.use(CROSS_SITE_CONTEXT);

  test("third-party cookies blocked (Chromium's default): the fallback page cannot read its cookie in the tenant's frame, so Auth0's error, shown once, no token, no loop", async ({
    page
  }) => {
    const violations = await collectCspViolations(page);
    const fallbacks = fallbackPageFrames(page);
    await openCrossSiteApp(page);
    await logInThroughLock(page, DEV_USER);
    await expect(page.getByRole('alert')).toHaveText('Login failed: No verifier returned from client.');
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toContain(`#origin=${encodeURIComponent(CROSS_SITE_TENANT)}`);
    expect(await storedIdToken(page)).toBeNull();
    expect(new URL(page.url()).origin).toBe(CROSS_SITE_APP);
    expect(page.url()).not.toContain('error=');
    expect(violations).toEqual([]);
  });

  test('third-party cookies allowed: the tenant cookie comes back, no fallback, logged in, 0 CSP violations', async () => {
    const context = await launchAllowingThirdPartyCookies(CROSS_SITE_CONTEXT);
    try {
      const page = await context.newPage();
      const violations = await collectCspViolations(page);
      const fallbacks = fallbackPageFrames(page);
      await openCrossSiteApp(page);
      await logInThroughLock(page, DEV_USER);
      await expect(page.getByText(loggedInText)).toBeVisible();
      expect(fallbacks).toEqual([]);
      expect(await storedIdToken(page)).toBeTruthy();
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
