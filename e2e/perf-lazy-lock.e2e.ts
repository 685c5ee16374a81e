import type { Page, Request } from '@playwright/test';
import { LOCK_READY_MS, collectPageProblems, loggedOutText, navbar, recordRequests } from '../tools/pages/lock-page';
import { E2E_SERVERS, E2E_TENANT_URL } from './e2e-env';
import { isLockChunk } from './csp-support';
import { expect, test } from './fixtures';

/** Lock's constructor fetches the client configuration: the sign that Lock itself started. */
const isLockStart = (request: Request): boolean => request.url().startsWith(`${E2E_TENANT_URL}/client/`);
const isAuth0JsChunk = (request: Request): boolean => /^\/auth0-js(\.[0-9a-f]+)?\.js$/.test(new URL(request.url()).pathname);
const isMainScript = (request: Request): boolean => new URL(request.url()).pathname.startsWith('/main');
/** Universal mode's SDK: a Lock-mode page never asks for it. */
const isSpaJsChunk = (request: Request): boolean => /^\/auth0-spa-js(\.[0-9a-f]+)?\.js$/.test(new URL(request.url()).pathname);
/** The chunk run as a script (the warm-up's prefetch hint, if any, is a request of another type). */
const isLockScript = (request: Request): boolean => isLockChunk(request) && request.resourceType() === 'script';

/** Marks `logged-out-ui` in the page's clock the moment the logged-out text first shows. */
async function markLoggedOutUi(page: Page): Promise<void> {
  await page.addInitScript((text) => {
    const observer = new MutationObserver(() => {
      // Typed as always there, but an observer on `document` runs before <body> is parsed.
      if ((document.body as HTMLElement | null)?.textContent.includes(text)) {
        performance.mark('logged-out-ui');
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, loggedOutText);
}

for (const server of E2E_SERVERS) {
  test.describe(`Lock on demand (${server.name})`, () => {
    test.use({ baseURL: server.baseURL });

    test('a plain visit starts Lock only once the logged-out UI is up, so that Log In finds it ready', async ({ page }) => {
      const requests = recordRequests(page);
      const problems = collectPageProblems(page);
      await markLoggedOutUi(page);
      const lockStarted = page.waitForRequest(isLockStart, { timeout: LOCK_READY_MS });
      await page.goto('/');
      await expect(page.getByText(loggedOutText)).toBeVisible();
      await lockStarted;
      // The request's resource timing entry appears only once its answer has arrived.
      await expect
        .poll(() =>
          page.evaluate(
            (tenant) => performance.getEntriesByType('resource').some((entry) => entry.name.startsWith(`${tenant}/client/`)),
            E2E_TENANT_URL
          )
        )
        .toBe(true);
      const [uiShown, constructed] = await page.evaluate(
        (tenant) => [
          performance.getEntriesByName('logged-out-ui')[0].startTime,
          performance.getEntriesByType('resource').find((entry) => entry.name.startsWith(`${tenant}/client/`))?.startTime ?? 0
        ],
        E2E_TENANT_URL
      );
      expect(constructed).toBeGreaterThan(uiShown);
      expect(requests.filter(isLockScript)).toHaveLength(1);
      expect(requests.filter(isAuth0JsChunk).length).toBeGreaterThan(0);
      expect(requests.filter(isSpaJsChunk)).toEqual([]);
      expect(problems).toEqual([]);
    });

    test('a visitor with a valid token loads neither Lock nor auth0-js', async ({ page, logIn }) => {
      await logIn();
      const requests = recordRequests(page);
      await page.reload();
      await page.waitForLoadState('networkidle');
      expect(requests.some(isMainScript)).toBe(true);
      expect(requests.filter((request) => isLockChunk(request) || isAuth0JsChunk(request) || isLockStart(request))).toEqual([]);
    });

    test("the login callback completes with auth0-js and without Lock's chunk", async ({ page, logIn }) => {
      const requests = recordRequests(page);
      await logIn();
      await page.waitForLoadState('networkidle');
      // The callback document: the tenant's /authorize redirecting back to the app.
      const callback = requests.findIndex(
        (request) => request.isNavigationRequest() && request.redirectedFrom()?.url().startsWith(`${E2E_TENANT_URL}/authorize`) === true
      );
      expect(callback).toBeGreaterThan(0);
      const callbackPage = requests.slice(callback);
      expect(callbackPage.some(isMainScript)).toBe(true);
      expect(callbackPage.some(isAuth0JsChunk)).toBe(true);
      expect(callbackPage.filter((request) => isLockChunk(request) || isLockStart(request))).toEqual([]);
      expect(requests.slice(0, callback).filter(isLockScript)).toHaveLength(1);
    });

    test("Log In runs Lock's chunk once and constructs Lock once, however often Lock is opened", async ({ page }) => {
      const requests = recordRequests(page);
      await page.goto('/');
      await expect(page.getByText(loggedOutText)).toBeVisible();
      const logInButton = navbar(page).getByRole('button', { name: 'Log In' });
      await logInButton.click();
      const widget = page.locator('.auth0-lock-widget');
      // Its opening animation over: a close click before that is lost (seen once under load).
      await expect(page.locator('.auth0-lock.auth0-lock-opened')).toBeVisible({ timeout: LOCK_READY_MS });
      await page.locator('.auth0-lock-close-button').click();
      await expect(widget).toBeHidden();
      await logInButton.click();
      await expect(widget).toBeVisible({ timeout: LOCK_READY_MS });
      expect(requests.filter(isLockScript)).toHaveLength(1);
      expect(requests.filter(isLockStart)).toHaveLength(1);
    });
  });
}
