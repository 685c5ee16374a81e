// The e2e tests' `test`: Playwright's, with the login prelude most of them start with.
import { test as base, expect, type Page } from '@playwright/test';
import { DEV_USER, LOCK_READY_MS, logInThroughLock, loggedInText } from '../tools/pages/lock-page';
import { TestTenant } from './test-tenant';

export interface LogInOptions {
  /** Default: the test's page. */
  readonly page?: Page;
  /** Where the app is opened first (default `/`, the baseURL's home); `null` logs in from the page as it is. */
  readonly path?: string | null;
  /** Default: dev@example.com / dev-password. */
  readonly credentials?: { readonly email: string; readonly password: string };
}

export interface SessionFixtures {
  /** Opens the app, logs in through Lock's form as dev@example.com / dev-password and waits for the logged-in text. */
  logIn: (options?: LogInOptions) => Promise<void>;
  /** The test's page, logged in that way before the test starts. */
  loggedIn: Page;
  /** The test's share of the dev tenant, through its control API: own users and faults, undone when the test ends. */
  tenant: TestTenant;
}

export const test = base.extend<SessionFixtures>({
  logIn: async ({ page }, use) => {
    await use(async ({ page: target = page, path = '/', credentials = DEV_USER } = {}) => {
      if (path !== null) {
        await target.goto(path);
      }
      await logInThroughLock(target, credentials);
      await expect(target.getByText(loggedInText)).toBeVisible({ timeout: LOCK_READY_MS });
    });
  },
  loggedIn: async ({ page, logIn }, use) => {
    await logIn();
    await use(page);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  tenant: async ({}, use) => {
    const tenant = new TestTenant();
    await use(tenant);
    await tenant.undo();
  }
});

export { expect };
