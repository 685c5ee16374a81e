import type { Request } from '@playwright/test';
import { E2E_SERVERS } from '../playwright.config';
import { E2E_TENANT_URL } from './e2e-env';
import { isLockChunk } from './csp-support';
import { expect, test } from './fixtures';
import { collectPageProblems, loggedOutText, recordRequests } from './lock-page';

/** Lock's constructor fetches the client configuration: the sign that Lock itself started. */
const isLockStart = (request: Request): boolean => request.url().startsWith(`${E2E_TENANT_URL}/client/`);

for (const server of E2E_SERVERS) {
  test.describe(`Lock on demand (${server.name})`, () => {
    test.use({ baseURL: server.baseURL });

    test("a plain visit fetches neither Lock's chunk nor starts Lock", async ({ page }) => {
      const requests = recordRequests(page);
      const problems = collectPageProblems(page);
      await page.goto('/');
      await expect(page.getByText(loggedOutText)).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(requests.some((request) => new URL(request.url()).pathname.startsWith('/main'))).toBe(true);
      expect(requests.filter((request) => isLockChunk(request) || isLockStart(request))).toEqual([]);
      expect(problems).toEqual([]);
    });

    test("the login callback completes without Lock's chunk", async ({ page, logIn }) => {
      const requests = recordRequests(page);
      await logIn();
      await page.waitForLoadState('networkidle');
      // The callback document: the tenant's /authorize redirecting back to the app.
      const callback = requests.findIndex(
        (request) => request.isNavigationRequest() && request.redirectedFrom()?.url().startsWith(`${E2E_TENANT_URL}/authorize`) === true
      );
      expect(callback).toBeGreaterThan(0);
      const callbackPage = requests.slice(callback);
      expect(callbackPage.some((request) => new URL(request.url()).pathname.startsWith('/main'))).toBe(true);
      expect(callbackPage.filter((request) => isLockChunk(request) || isLockStart(request))).toEqual([]);
      expect(requests.slice(0, callback).filter(isLockChunk)).toHaveLength(1);
    });

    test("Log In fetches Lock's chunk once, however often Lock is opened", async ({ page }) => {
      const requests = recordRequests(page);
      await page.goto('/');
      await expect(page.getByText(loggedOutText)).toBeVisible();
      const chunk = page.waitForRequest(isLockChunk);
      await page.getByRole('navigation').getByRole('button', { name: 'Log In' }).click();
      await chunk;
      const widget = page.locator('.auth0-lock-widget');
      await expect(widget).toBeVisible();
      await page.locator('.auth0-lock-close-button').click();
      await expect(widget).toBeHidden();
      await page.getByRole('navigation').getByRole('button', { name: 'Log In' }).click();
      await expect(widget).toBeVisible();
      expect(requests.filter(isLockChunk)).toHaveLength(1);
      expect(requests.filter(isLockStart)).toHaveLength(1);
    });
  });
}
