// Issue 10 item 3: what the app does when the tenant changes under it, driven through the dev tenant's
// control API (e2e/tenant-control.ts): a session revoked, a user blocked, /authorize failing during
// renewal, a slow password login. Each test has its own user; its faults meet only its own browser.
import { createRequire } from 'node:module';
import {
  LOCK_READY_MS,
  collectPageProblems,
  expectTokenGone,
  logInThroughLock,
  loggedInText,
  loggedOutText,
  navbar,
  storedIdToken,
  submitLock,
  whenTokenRemoved
} from '../tools/pages/lock-page';
import { expect, test } from './fixtures';
import type { FaultKind } from './tenant-control';
import { localExpiryMs, recordSilentRenewals, recordTenantRequests } from './renewal-support';

// One of the longest files: its tests, each with users, contexts and token lifetimes of its own, spread over the suite's workers.
test.describe.configure({ mode: 'parallel' });

/** Lock's own English text for Auth0's `unauthorized` "user is blocked" answer, as its users read it. */
const LOCK_BLOCKED_USER_TEXT = (
  createRequire(__filename)('auth0-lock/lib/i18n/en.js') as { default: { error: { login: { blocked_user: string } } } }
).default.error.login.blocked_user;

/**
 * The id_token lifetime the renewal tests log in with: renewal is due at half of it (2 s of jitter
 * on top), so the tenant's answer and the session's end both come within a test's time.
 */
const SHORT_LIFETIME_S = 20;

/** How far from the local expiry the app may log out: its expiry timer is a $timeout, late under load. */
const EXPIRY_TOLERANCE_MS = 1000;

test.describe('issue 10 item 3: the tenant changes under a logged-in user', () => {
  test('a session revoked at the tenant: the next renewal says when the session ends, and it ends then', async ({
    context,
    page,
    logIn,
    tenant
  }) => {
    const { user, credentials } = await tenant.newUser();
    await tenant.setIdTokenLifetime(user, SHORT_LIFETIME_S);
    await logIn({ credentials });
    await tenant.setIdTokenLifetime(user, null);
    const endsAtMs = await localExpiryMs(page);
    const renewals = recordSilentRenewals(context);
    expect(await tenant.control.revokeSessions(user.user_id)).toBe(1);
    const notice = page.locator('session-notice');
    await expect(notice).toContainText(/Your session could not be renewed: it ends at\s+\d{1,2}:\d{2}:\d{2}\s?[AP]M\./, {
      timeout: endsAtMs - Date.now()
    });
    expect(renewals).toHaveLength(1);
    const removedAt = await whenTokenRemoved(page);
    expect(Math.abs(removedAt - endsAtMs)).toBeLessThanOrEqual(EXPIRY_TOLERANCE_MS);
    await expect(page.getByText(loggedOutText)).toBeVisible();
    await expect(notice.locator('time')).toHaveCount(0);
    expect(renewals.filter((sentAt) => sentAt <= removedAt)).toHaveLength(1);
  });

  test("a user blocked mid-session: the next login shows Lock's blocked_user message and stores nothing", async ({
    page,
    logIn,
    tenant
  }) => {
    const { user, credentials } = await tenant.newUser();
    await logIn({ credentials });
    expect((await tenant.control.updateUser(user.user_id, { blocked: true })).blocked).toBe(true);
    await navbar(page).getByRole('button', { name: 'Log Out' }).click();
    await expect(page.getByText(loggedOutText)).toBeVisible();
    await expectTokenGone(page);
    await logInThroughLock(page, credentials);
    await expect(page.locator('.auth0-lock-widget .auth0-global-message-error')).toHaveText(LOCK_BLOCKED_USER_TEXT);
    expect(await storedIdToken(page)).toBeNull();
    // Unblocked at the tenant, the same password gets back in.
    await tenant.control.updateUser(user.user_id, { blocked: false });
    await submitLock(page, credentials);
    await expect(page.getByText(loggedInText)).toBeVisible({ timeout: LOCK_READY_MS });
  });
});

/**
 * `/authorize?prompt=none` failing for the test's browser until its session's end, and the line
 * Chromium prints to the console for the failed load, if any: the fault's own trace, not a problem
 * of the page. A duration, not a count: Chromium sends a request again, once, when a reused
 * connection closes without an answer, and the outage must meet that one too.
 */
const RENEWAL_FAULTS: readonly (readonly [string, FaultKind, RegExp | null])[] = [
  ['answers 503', { kind: 'status', status: 503 }, /^console: Failed to load resource: the server responded with a status of 503\b/],
  ['drops the connection (an outage)', { kind: 'outage' }, /^console: Failed to load resource: net::ERR_EMPTY_RESPONSE$/],
  // Longer than the renewal's own timeout (RENEWAL_TIMEOUT_MS, 20 s): the answer comes too late.
  ['answers after 30 s', { kind: 'latency', latency_ms: 30_000 }, null]
];

test.describe('issue 10 item 3: /authorize failing during renewal', () => {
  for (const [name, fault, faultReport] of RENEWAL_FAULTS) {
    test(`when /authorize ${name}: one renewal request, no loop, logged out at exp`, async ({ context, page, logIn, tenant }) => {
      const problems = collectPageProblems(page);
      const { user, credentials } = await tenant.newUser();
      await tenant.setIdTokenLifetime(user, SHORT_LIFETIME_S);
      await logIn({ credentials });
      await tenant.setIdTokenLifetime(user, null);
      const endsAtMs = await localExpiryMs(page);
      await tenant.addFault(context, { path: '/authorize', match: { prompt: 'none' }, duration_ms: endsAtMs - Date.now(), ...fault });
      const renewals = recordSilentRenewals(context);
      // A renewal that got through would move the session's end: it would not end at endsAtMs.
      const removedAt = await whenTokenRemoved(page);
      expect(Math.abs(removedAt - endsAtMs)).toBeLessThanOrEqual(EXPIRY_TOLERANCE_MS);
      expect(renewals.filter((sentAt) => sentAt <= removedAt)).toHaveLength(1);
      await expect(page.getByText(loggedOutText)).toBeVisible();
      await expect(page.locator('auth-error')).toHaveText('');
      expect(problems.filter((problem) => faultReport === null || !faultReport.test(problem))).toEqual([]);
    });
  }
});

test('issue 10 item 3: a 2 s /co/authenticate shows Lock busy, and a second click or Enter sends no second login', async ({
  context,
  page,
  tenant
}) => {
  const { credentials } = await tenant.newUser();
  const requests = recordTenantRequests(context);
  await page.goto('/');
  await navbar(page).getByRole('button', { name: 'Log In' }).click();
  const lock = page.locator('.auth0-lock-widget');
  await expect(lock.locator('input[name="email"]')).toBeVisible({ timeout: LOCK_READY_MS });
  await lock.locator('input[name="email"]').fill(credentials.email);
  await lock.locator('input[name="password"]').fill(credentials.password);
  await tenant.addFault(context, { path: '/co/authenticate', kind: 'latency', latency_ms: 2000, count: 1 });
  const submit = lock.locator('button.auth0-lock-submit');
  const box = await submit.boundingBox();
  if (box === null) {
    throw new Error("Lock's submit button is not on screen");
  }
  const answeredAt = page
    .waitForResponse((response) => new URL(response.url()).pathname === '/co/authenticate' && response.request().method() === 'POST')
    .then(() => Date.now());
  const submittedAt = Date.now();
  await submit.click();
  const busy = page.locator('.auth0-lock.auth0-lock-mode-loading');
  await expect(busy).toBeVisible();
  // What an impatient user does while Lock waits: click again where the button is, and press Enter.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.press('Enter');
  await expect(busy).toBeVisible();
  expect(requests.passwordLogins).toHaveLength(1);
  await expect(page.getByText(loggedInText)).toBeVisible({ timeout: LOCK_READY_MS });
  expect(requests.passwordLogins).toHaveLength(1);
  // The latency was there: Lock was busy for the tenant's 2 s, not for a quick answer.
  expect((await answeredAt) - submittedAt).toBeGreaterThanOrEqual(2000);
});
