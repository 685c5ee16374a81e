// Lock's flows beyond the password login, against the dev tenant: sign-up, forgot password, and
// Auth0's brute-force block. Each run signs up a new user, so the persistent tenant data is no bother.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { LOCK_READY_MS, decodeJwtPayload, loggedInText, navbar, storedIdToken, submitLock } from './lock-page';

const uniqueEmail = (): string => `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const STRONG_PASSWORD = 'Correct-Horse-9-Battery';

async function openLock(page: Page): Promise<void> {
  await page.goto('/');
  await navbar(page).getByRole('button', { name: 'Log In' }).click();
  await expect(page.locator('.auth0-lock-widget')).toBeVisible({ timeout: LOCK_READY_MS });
}

async function signUp(page: Page, email: string): Promise<void> {
  await openLock(page);
  await page.locator('.auth0-lock-tabs').getByText('Sign Up').click();
  await submitLock(page, { email, password: STRONG_PASSWORD });
}

/** A new user, signed up (and so logged in) and then forgotten by this browser, tenant session included. */
async function signUpThenForget(page: Page, context: BrowserContext, email: string): Promise<void> {
  await signUp(page, email);
  await expect(page.getByText(loggedInText)).toBeVisible();
  await context.clearCookies();
  await page.evaluate(() => {
    localStorage.clear();
  });
}

test.describe('dev tenant flows through Lock', () => {
  test('sign-up creates the user and logs them straight in', async ({ page }) => {
    const email = uniqueEmail();
    await signUp(page, email);
    await expect(page.getByText(loggedInText)).toBeVisible();
    expect(decodeJwtPayload((await storedIdToken(page)) ?? '')).toMatchObject({ email });
  });

  // Auth0 answers invalid_signup (no account enumeration) unless enable_public_signup_user_exists_error is set;
  // Lock has no message of its own for that code and shows its sign-up fallback.
  test("sign-up with an existing email shows Lock's sign-up fallback for Auth0's invalid_signup", async ({ page, context }) => {
    const email = uniqueEmail();
    await signUpThenForget(page, context, email);
    await signUp(page, email);
    await expect(page.locator('.auth0-global-message-error')).toContainText(/something went wrong when attempting to sign up/i);
  });

  test('forgot password: Lock says the email was sent', async ({ page }) => {
    await openLock(page);
    await page.getByText(/don't remember your password/i).click();
    // Lock slides the reset screen in over the login one: wait until only one email field is left.
    const email = page.locator('.auth0-lock-widget input[name="email"]');
    await expect(email).toHaveCount(1);
    await email.fill('dev@example.com');
    await page.locator('button.auth0-lock-submit').click();
    await expect(page.locator('.auth0-global-message-success')).toContainText(/sent you an email/i);
  });

  test("10 failed logins block the user from this IP: Lock shows Auth0's too_many_attempts message", async ({ page, context }) => {
    const email = uniqueEmail();
    await signUpThenForget(page, context, email);
    await openLock(page);
    for (let attempt = 1; attempt <= 10; attempt++) {
      await submitLock(page, { email, password: `wrong-${String(attempt)}` });
      await expect(page.locator('.auth0-global-message-error')).toContainText(/wrong email or password/i);
    }
    await submitLock(page, { email, password: STRONG_PASSWORD });
    await expect(page.locator('.auth0-global-message-error')).toContainText(/blocked/i);
    expect(await storedIdToken(page)).toBeNull();
  });
});
