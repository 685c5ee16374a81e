import type { Locator, Page, Request } from '@playwright/test';
import { collectPageProblems, LOCK_READY_MS, loggedOutText, navbar, recordRequests, settle } from '../tools/pages/lock-page';
import { E2E_SERVERS, E2E_TENANT_URL } from './e2e-env';
import { isLockChunk } from './csp-support';
import { expect, test } from './fixtures';

/** Lock's constructor fetches the client configuration: the sign that Lock itself started. */
const isLockStartUrl = (url: URL): boolean => url.href.startsWith(`${E2E_TENANT_URL}/client/`);
const isLockStart = (request: Request): boolean => isLockStartUrl(new URL(request.url()));
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

/** Log In, then Lock's close button, once Lock has slid in. */
async function openLockThenClose(page: Page, logInButton: Locator): Promise<void> {
  await logInButton.click();
  await expect(page.locator('.auth0-lock.auth0-lock-opened')).toBeVisible({ timeout: LOCK_READY_MS });
  // Its slide-in over (it starts after half a second): a close click during it was lost in 1 of 60
  // runs under load, Lock left open.
  await settle(page);
  await page.locator('.auth0-lock-close-button').click();
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
      await openLockThenClose(page, logInButton);
      const widget = page.locator('.auth0-lock-widget');
      await expect(widget).toBeHidden();
      await logInButton.click();
      await expect(widget).toBeVisible({ timeout: LOCK_READY_MS });
      expect(requests.filter(isLockScript)).toHaveLength(1);
      expect(requests.filter(isLockStart)).toHaveLength(1);
    });
  });
}

test('Log In just after closing a Lock that was still loading shows Lock, and Lock stays', async ({ page }) => {
  // Lock's client configuration held back until Lock is closed: it then arrives while Lock closes.
  let releaseConfiguration = (): void => undefined;
  const closed = new Promise<void>((resolve) => {
    releaseConfiguration = resolve;
  });
  await page.route(isLockStartUrl, async (route) => {
    await closed;
    await route.continue();
  });
  const configurationArrived = page.waitForResponse((response) => isLockStartUrl(new URL(response.url())));
  // Lock's client configuration is a script: the page's load event waits for it.
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const logInButton = navbar(page).getByRole('button', { name: 'Log In' });
  await openLockThenClose(page, logInButton);
  const widget = page.locator('.auth0-lock-widget');
  // Half a second into Lock's close, which takes a second.
  const closedAtMs = await page.evaluate(() => performance.now());
  await page.waitForFunction((since) => performance.now() > since + 500, closedAtMs);
  releaseConfiguration();
  await configurationArrived;
  await expect(widget).toBeHidden();
  await logInButton.click();
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible({ timeout: LOCK_READY_MS });
  const shownAtMs = await page.evaluate(() => performance.now());
  // Lock's own timers of that close (a second each) have all run 1.5 s later.
  await page.waitForFunction((since) => performance.now() > since + 1500, shownAtMs);
  await expect(widget).toBeVisible({ timeout: 1 });
});
