// Every page and state of the sample, in an order one page can walk through: the axe checks and
// `npm run screenshots` visit the same stops, so the pictures show what was checked.
import { expect, type Locator, type Page } from '@playwright/test';
import { DEV_USER, LOCK_READY_MS, logInThroughLock, loggedInText, loggedOutText, navbar, settle, submitLock } from './lock-page';

/** `npm run screenshots`' widths: a small phone, a common phone, a tablet, a desktop; heights of such screens. */
export const SCREENSHOT_VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 }
] as const;

export interface TourStop {
  /** Stable, file-name safe: `npm run screenshots` writes `<name>-<width>.png`. */
  readonly name: string;
  /** What the stop shows, for reports and the README. */
  readonly title: string;
  /** Logged in here, so Log Out must be reachable. */
  readonly loggedIn: boolean;
  /** Brings the page here from the previous stop (the first stop from any page), then waits until it is still. */
  readonly reach: (page: Page) => Promise<void>;
}

export const lockWidget = (page: Page): Locator => page.locator('.auth0-lock-widget');
/** Lock adds this class once its opening transition has begun, and removes it on close. */
const openedLock = (page: Page): Locator => page.locator('.auth0-lock.auth0-lock-opened');
export const lockError = (page: Page): Locator => page.locator('.auth0-global-message-error');
export const appError = (page: Page): Locator => page.locator('auth-error .auth-error');
export const logOutButton = (page: Page): Locator => navbar(page).getByRole('button', { name: 'Log Out' });

async function openLock(page: Page): Promise<void> {
  await navbar(page).getByRole('button', { name: 'Log In' }).click();
  await expect(openedLock(page)).toBeVisible({ timeout: LOCK_READY_MS });
  await expect(lockWidget(page).locator('input[name="email"]')).toBeVisible({ timeout: LOCK_READY_MS });
}

/** A stop whose `reach` ends with `settle`. */
const stop = (definition: TourStop): TourStop => ({
  ...definition,
  reach: async (page) => {
    await definition.reach(page);
    await settle(page);
  }
});

export const APP_TOUR: readonly TourStop[] = [
  stop({
    name: 'logged-out',
    title: 'Home, logged out',
    loggedIn: false,
    reach: async (page) => {
      await page.goto('/');
      await expect(page.getByText(loggedOutText)).toBeVisible();
    }
  }),
  stop({
    name: 'login-page',
    title: 'The login page, where guarded pages send anonymous visitors',
    loggedIn: false,
    reach: async (page) => {
      // Straight to the state, not through a guarded one: that would set a way back for after login.
      await page.goto('/#/login');
      await expect(page.locator('login')).toBeVisible();
    }
  }),
  stop({
    name: 'lock-open',
    title: 'Lock open, from Log In',
    loggedIn: false,
    reach: async (page) => {
      await page.goto('/');
      await openLock(page);
    }
  }),
  stop({
    name: 'lock-error',
    title: "A wrong password: Lock's own message",
    loggedIn: false,
    // The tenant's answers (a login, an API call) get LOCK_READY_MS: `npm run screenshots` runs this
    // outside the test runner, where Playwright's expect waits 5 s, too short on a loaded machine.
    reach: async (page) => {
      await submitLock(page, { email: DEV_USER.email, password: 'wrong-password' });
      await expect(lockError(page)).toBeVisible({ timeout: LOCK_READY_MS });
    }
  }),
  stop({
    name: 'error',
    title: "Lock closed after the wrong password: the app's message",
    loggedIn: false,
    reach: async (page) => {
      await lockWidget(page).locator('.auth0-lock-close-button').click();
      // Gone, not just closing: Lock unmounts its widget a moment after its close transition, and
      // would take a widget shown meanwhile with it.
      await expect(lockWidget(page)).toHaveCount(0);
      await expect(appError(page)).toBeVisible();
    }
  }),
  stop({
    name: 'logged-in',
    title: 'Home, logged in',
    loggedIn: true,
    reach: async (page) => {
      await logInThroughLock(page, DEV_USER);
      await expect(page.getByText(loggedInText)).toBeVisible({ timeout: LOCK_READY_MS });
    }
  }),
  stop({
    name: 'profile',
    title: "Profile: the id_token's claims and picture",
    loggedIn: true,
    reach: async (page) => {
      await navbar(page).getByRole('link', { name: 'Profile' }).click();
      await expect(page.locator('.profile-email')).toHaveText(DEV_USER.email);
    }
  }),
  stop({
    name: 'ping',
    title: "Ping: the demo API's answer",
    loggedIn: true,
    reach: async (page) => {
      await navbar(page).getByRole('link', { name: 'Ping' }).click();
      await page.getByRole('main').getByRole('button', { name: 'Ping' }).click();
      await expect(page.locator('.ping-result')).toBeVisible({ timeout: LOCK_READY_MS });
    }
  })
];
