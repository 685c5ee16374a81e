// 5. Errors shown, nothing stored: every way a login can fail ends on the page, logged out.
import { expect, test, type Page } from '@playwright/test';
import { appError, lockError, lockWidget } from '../tools/pages/app-tour';
import { DEV_USER, afterNextFrames, decodeJwtPayload, logInThroughLock, loggedOutText, storedIdToken } from '../tools/pages/lock-page';
import { mintIdToken, nowInSeconds } from './tenant-tokens';

type FragmentRewrite = (fragment: URLSearchParams) => Promise<void> | void;

/**
 * Logs in through Lock, but rewrites the tenant's redirect back to the app (the `#access_token=…`
 * fragment of /authorize's 302), as a tampered or broken callback would arrive.
 */
async function logInWithTamperedCallback(page: Page, rewrite: FragmentRewrite): Promise<void> {
  await page.route(/\/authorize\?.*login_ticket=/, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const location = new URL(response.headers().location);
    const fragment = new URLSearchParams(location.hash.slice(1));
    await rewrite(fragment);
    location.hash = fragment.toString();
    await route.fulfill({ status: 302, headers: { location: location.toString() } });
  });
  await page.goto('/');
  await logInThroughLock(page, DEV_USER);
}

async function expectLoginErrorShown(page: Page, message: RegExp): Promise<void> {
  await expect(appError(page)).toContainText(message);
  await expect(page.getByText(loggedOutText)).toBeVisible();
  expect(await storedIdToken(page)).toBeNull();
}

/** Replaces the id_token by one signed with the tenant's real key, with the original nonce. */
function reissuedIdToken(claims: Record<string, unknown>): FragmentRewrite {
  return async (fragment) => {
    const { nonce } = decodeJwtPayload(fragment.get('id_token') ?? '');
    fragment.set('id_token', await mintIdToken({ nonce, ...claims }));
  };
}

test.describe('5. errors are shown and nothing is stored', () => {
  test("wrong password: one message at a time, Lock's while it is open, the page's once it is closed", async ({ page }) => {
    await page.goto('/');
    await logInThroughLock(page, { email: DEV_USER.email, password: 'wrong-password' });
    await expect(lockError(page)).toContainText(/wrong email or password/i);
    // Lock's message and Lock's authorization_error event come together, and the app handles the
    // event in a digest of its own: once the next frames are drawn, a (wrong) second message would show.
    await afterNextFrames(page);
    await expect(appError(page)).toBeHidden();
    await lockWidget(page).locator('.auth0-lock-close-button').click();
    await expectLoginErrorShown(page, /Wrong email or password/i);
  });

  test('#error=access_denied in the callback', async ({ page }) => {
    await logInWithTamperedCallback(page, (fragment) => {
      for (const key of ['access_token', 'id_token', 'scope', 'expires_in', 'token_type']) fragment.delete(key);
      fragment.set('error', 'access_denied');
      fragment.set('error_description', 'The user denied access.');
    });
    await expectLoginErrorShown(page, /denied access/);
  });

  test('a callback with a wrong state', async ({ page }) => {
    await logInWithTamperedCallback(page, (fragment) => {
      fragment.set('state', 'forged-state');
    });
    await expectLoginErrorShown(page, /state/i);
  });

  test('a token with a bad signature', async ({ page }) => {
    await logInWithTamperedCallback(page, (fragment) => {
      const [header, payload, signature] = (fragment.get('id_token') ?? '').split('.');
      const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
      fragment.set('id_token', `${header}.${payload}.${flipped}`);
    });
    await expectLoginErrorShown(page, /signature/i);
  });

  test('a token for another audience', async ({ page }) => {
    await logInWithTamperedCallback(page, reissuedIdToken({ aud: 'another-client' }));
    await expectLoginErrorShown(page, /audience|aud/i);
  });

  test('a token from another issuer', async ({ page }) => {
    await logInWithTamperedCallback(page, reissuedIdToken({ iss: 'http://localhost:9999/' }));
    await expectLoginErrorShown(page, /issuer|iss/i);
  });

  test('an expired token', async ({ page }) => {
    await logInWithTamperedCallback(page, reissuedIdToken({ iat: nowInSeconds() - 7200, exp: nowInSeconds() - 3600 }));
    await expectLoginErrorShown(page, /expired|exp/i);
  });
});
