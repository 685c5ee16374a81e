// Silent renewal and the session's end, in Chromium against the dev tenant (issue 9 items 4, 5, 9;
// issue 8 item 3). The unit specs beside components/auth/renewal/renewal.ts cover the timing in detail.
import {
  DEV_USER,
  expectTokenReplaced,
  loggedInText,
  loggedOutText,
  navbar,
  storedIdToken,
  storeToken,
  submitLock,
  whenTokenRemoved
} from '../tools/pages/lock-page';
import { expect, test } from './fixtures';
import { recordSilentRenewals, reloadWithToken, sessionClaims, skewBrowserClock } from './renewal-support';
import { devUserSub, mintIdToken, nowInSeconds } from './tenant-tokens';

// One of the longest files: its tests, each with users, contexts and token lifetimes of its own, spread over the suite's workers.
test.describe.configure({ mode: 'parallel' });

/** How long the tests watch for more renewals: the loop sent ~10 a second, and one tab renews at most once in 30 s (renewal-timing.ts). */
const WATCH_MS = 5_000;

test.describe('issue 9 item 5: silent renewal cannot loop', () => {
  for (const [name, aheadMs] of [
    ['70 s fast', 70_000],
    ['5 minutes fast', 300_000],
    ['5 minutes slow', -300_000]
  ] as const) {
    test(`a 120 s token lifetime with the browser clock ${name}: one renewal request, not a loop`, async ({
      context,
      page,
      logIn,
      tenant
    }) => {
      // Logged in first (the tenant session), then every new document runs on the skewed clock.
      const { user, credentials } = await tenant.newUser();
      await logIn({ credentials });
      await skewBrowserClock(context, aheadMs);
      await tenant.setIdTokenLifetime(user, 120);
      const renewals = recordSilentRenewals(context);
      // A 120 s token whose end is under a minute away on the browser's clock: renewal is due at once.
      const exp = Math.floor((Date.now() + aheadMs) / 1000) + 50;
      await reloadWithToken(page, await mintIdToken({ ...(await sessionClaims(page)), iat: exp - 120, exp }));
      await expect.poll(() => renewals.length, { timeout: 10_000 }).toBe(1);
      await page.waitForTimeout(WATCH_MS);
      expect(renewals).toHaveLength(1);
      if (aheadMs < 120_000) {
        // auth0-js took the renewed token (its exp check allows 60 s of skew): the user is still in.
        await expect(page.getByText(loggedInText)).toBeVisible();
        expect(await storedIdToken(page)).not.toBeNull();
      }
    });
  }

  test('with two tabs open, one renews and the other adopts its token', async ({ context, page: first, logIn }) => {
    await logIn();
    const second = await context.newPage();
    await second.goto('/');
    await expect(second.getByText(loggedInText)).toBeVisible();
    // The second tab is away while the dying token is planted: its page would take it from the storage
    // event and could renew, then be reloaded mid-renewal (its request lost, so the other tab rightly
    // renews again).
    await second.goto('about:blank');
    const renewals = recordSilentRenewals(context);
    // Room for the renewal (due at once: past half its life) and the 5 s watch below, on a loaded machine.
    const exp = nowInSeconds() + 25;
    const dying = await mintIdToken({ ...(await sessionClaims(first)), iat: exp - 200, exp });
    await reloadWithToken(first, dying);
    await second.goto('/');
    await expect.poll(() => storedIdToken(first), { timeout: 15_000 }).not.toBe(dying);
    await first.waitForTimeout(5_000);
    expect(renewals).toHaveLength(1);
    const renewed = await storedIdToken(first);
    expect(await storedIdToken(second)).toBe(renewed);
    await first.waitForTimeout(Math.max(0, exp * 1000 - Date.now()) + 1000);
    await expect(first.getByText(loggedInText)).toBeVisible();
    await expect(second.getByText(loggedInText)).toBeVisible();
  });
});

test.describe('issue 8 item 3: renewal answers login_required', () => {
  test('the user sees when the session ends and can log in again; nothing loops', async ({ context, page }) => {
    // No tenant session in this browser: checkSession answers login_required.
    const exp = nowInSeconds() + 60;
    const planted = await mintIdToken({ sub: await devUserSub(), iat: exp - 200, exp });
    await storeToken(page, planted);
    const renewals = recordSilentRenewals(context);
    await page.goto('/');
    const notice = page.locator('session-notice');
    await expect(notice).toContainText(/Your session could not be renewed: it ends at\s+\d{1,2}:\d{2}:\d{2}\s?[AP]M\./);
    expect(await notice.locator('time').getAttribute('datetime')).toBe(new Date(exp * 1000).toISOString());
    await page.waitForTimeout(5_000);
    expect(renewals).toHaveLength(1);
    await notice.getByRole('button', { name: 'Log in again' }).click();
    await submitLock(page, DEV_USER);
    await expectTokenReplaced(page, planted);
    await expect(page.getByText(loggedInText)).toBeVisible();
    await expect(notice.locator('time')).toHaveCount(0);
  });

  test('without a new login the user is logged out at exp, after one renewal attempt', async ({ context, page }) => {
    // Room for the boot, the renewal attempt and its notice before exp, beside two other test files on a loaded machine (8 s was not).
    const exp = nowInSeconds() + 12;
    await storeToken(page, await mintIdToken({ iat: exp - 200, exp }));
    const renewals = recordSilentRenewals(context);
    await page.goto('/');
    await expect(page.locator('session-notice time')).toBeVisible();
    const removedAt = await whenTokenRemoved(page);
    expect(Math.abs(removedAt - exp * 1000)).toBeLessThanOrEqual(1000);
    await expect(page.getByText(loggedOutText)).toBeVisible();
    await expect(page.locator('session-notice time')).toHaveCount(0);
    expect(renewals).toHaveLength(1);
  });
});

test.describe('issue 18 item 2: a login under way makes renewal stand down', () => {
  test("no renewal goes out while Lock is open over a session (its answer could be the new login's user); it resumes when Lock closes", async ({
    page,
    logIn
  }) => {
    // The tenant session is the dev user's; the app's session another user's, as after a login in
    // Lock that has set the tenant session but not yet come back: a renewal answers for another account.
    await logIn();
    const iat = nowInSeconds();
    // Renewal is due at half the token's life, 20 s; it ends at 40 s.
    const exp = iat + 40;
    const theirs = await mintIdToken({ sub: 'auth0|someone-else', email: 'someone@example.com', name: 'Someone Else', iat, exp });
    await reloadWithToken(page, theirs);
    await expect(page.getByText(loggedInText)).toBeVisible();
    // An app's own Log In while logged in (switching accounts): Lock opens over the session.
    await page.evaluate(() => {
      interface Injector {
        get(name: '$rootScope'): { $apply(run: () => void): void };
        get(name: 'authService'): { login(): void };
      }
      const { angular } = window as unknown as { angular: { element(node: Element): { injector(): Injector } } };
      const injector = angular.element(document.body).injector();
      injector.get('$rootScope').$apply(() => {
        injector.get('authService').login();
      });
    });
    const closeLock = page.locator('.auth0-lock-widget .auth0-lock-close-button');
    await expect(closeLock).toBeVisible();
    // Past the renewal's due time (20 s, plus up to 2 s of jitter), Lock still open. Requests cannot tell: Lock's own
    // SSO check looks the same on the wire (renewal-support.ts). A renewal would have answered with the dev user,
    // and that ends the session with a message: the token and the page say none went out.
    await page.waitForTimeout(Math.max(0, (iat + 25) * 1000 - Date.now()));
    expect(await storedIdToken(page)).toBe(theirs);
    await expect(page.locator('auth-error')).toHaveText('');
    // Lock closed: renewal goes out at once, and the tenant's other account ends the session.
    await closeLock.click();
    await expect(page.locator('auth-error')).toContainText('the renewed session belonged to another account');
    await expect(page.getByText(loggedOutText)).toBeVisible();
  });
});

test.describe('issue 9 item 9: localStorage disabled', () => {
  for (const [name, script] of [
    ['setItem throws', `Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };`],
    [
      'every access throws',
      `Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('Access denied', 'SecurityError'); } });`
    ]
  ] as const) {
    test(`when ${name}: login works for the tab, with a notice that a reload logs out`, async ({ context, page, logIn }) => {
      await context.addInitScript({ content: script });
      await logIn();
      await expect(page.locator('session-notice')).toContainText('reloading the page will log you out');
      await expect(page.locator('auth-error')).toHaveText('');
      await page.reload();
      await expect(page.getByText(loggedOutText)).toBeVisible();
      await expect(navbar(page).getByRole('button', { name: 'Log In' })).toBeVisible();
    });
  }
});
