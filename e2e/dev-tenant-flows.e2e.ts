// Lock's flows beyond the password login, against the dev tenant: sign-up, forgot password, and
// Auth0's brute-force block. Each test has users of its own (the control API makes them, and deletes
// them after), so the persistent tenant data and the order of the tests are no bother.
import type { Page } from '@playwright/test';
import { LOCK_READY_MS, decodeJwtPayload, loggedInText, navbar, storedIdToken, submitLock } from '../tools/pages/lock-page';
import { expect, test } from './fixtures';
import { STRONG_PASSWORD, uniqueEmail } from './test-tenant';

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

test.describe('dev tenant flows through Lock', () => {
  test('sign-up creates the user and logs them straight in', async ({ page, tenant }) => {
    const email = uniqueEmail();
    await signUp(page, email);
    await expect(page.getByText(loggedInText)).toBeVisible();
    expect(decodeJwtPayload((await storedIdToken(page)) ?? '')).toMatchObject({ email });
    const [user] = await tenant.control.users(email);
    expect(user).toMatchObject({ email, source: 'signup', blocked: false });
    tenant.deletesAtEnd(user.user_id);
  });

  // Auth0 answers invalid_signup (no account enumeration) unless enable_public_signup_user_exists_error is set;
  // Lock has no message of its own for that code and shows its sign-up fallback.
  test("sign-up with an existing email shows Lock's sign-up fallback for Auth0's invalid_signup", async ({ page, tenant }) => {
    const { credentials } = await tenant.newUser();
    await signUp(page, credentials.email);
    await expect(page.locator('.auth0-global-message-error')).toContainText(/something went wrong when attempting to sign up/i);
  });

  test('forgot password: Lock says the email was sent; its link sets a new password, which logs in', async ({ page, tenant }) => {
    const { credentials } = await tenant.newUser();
    await openLock(page);
    await page.getByText(/don't remember your password/i).click();
    // Lock slides the reset screen in over the login one: wait until only one email field is left.
    const email = page.locator('.auth0-lock-widget input[name="email"]');
    await expect(email).toHaveCount(1);
    await email.fill(credentials.email);
    await page.locator('button.auth0-lock-submit').click();
    await expect(page.locator('.auth0-global-message-success')).toContainText(/sent you an email/i);
    const emails = await tenant.control.outbox({ to: credentials.email });
    expect(emails).toEqual([expect.objectContaining({ kind: 'reset', to: credentials.email })]);
    const newPassword = `${STRONG_PASSWORD}-new`;
    await page.goto(emails[0].link);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your password has been changed.')).toBeVisible();
    await openLock(page);
    await submitLock(page, { email: credentials.email, password: newPassword });
    await expect(page.getByText(loggedInText)).toBeVisible({ timeout: LOCK_READY_MS });
  });

  test("10 failed logins block the user from this IP: Lock shows Auth0's too_many_attempts message", async ({ page, tenant }) => {
    const {
      credentials: { email }
    } = await tenant.newUser();
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
