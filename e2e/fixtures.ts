// The e2e tests' `test`: Playwright's, with the login prelude most of them start with.
import { test as base, expect, type Page } from '@playwright/test';
import { DEV_USER, LOCK_READY_MS, logInThroughLock, loggedInText } from './lock-page';

export interface LogInOptions {
  /** Default: the test's page. */
  readonly page?: Page;
  /** Where the app is opened first (default `/`, the baseURL's home); `null` logs in from the page as it is. */
  readonly path?: string | null;
}

export interface SessionFixtures {
  /** Opens the app, logs in through Lock's form as dev@example.com / dev-password and waits for the logged-in text. */
  logIn: (options?: LogInOptions) => Promise<void>;
  /** The test's page, logged in that way before the test starts. */
  loggedIn: Page;
}

export const test = base.extend<SessionFixtures>({
  logIn: async ({ page }, use) => {
    await use(async ({ page: target = page, path = '/' } = {}) => {
      if (path !== null) {
        await target.goto(path);
      }
      await logInThroughLock(target, DEV_USER);
      await expect(target.getByText(loggedInText)).toBeVisible({ timeout: LOCK_READY_MS });
    });
  },
  loggedIn: async ({ page, logIn }, use) => {
    await logIn();
    await use(page);
  }
});

export { expect };
