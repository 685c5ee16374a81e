import { expect, type Locator, type Page, type Request } from '@playwright/test';

export const DEV_USER = { email: 'dev@example.com', password: 'dev-password' };

/**
 * How long a wait for Lock (its chunk, client configuration and SSO check) or for the callback
 * (auth0-js's chunk, the JWKS) may take before a test fails. Such waits end when the page gets
 * there; Playwright's default of 5 s failed a third of the suite at load average 13-20 on 2 cores.
 */
export const LOCK_READY_MS = 30_000;

/** Opens Lock from the navbar and submits the given credentials through its own form. */
export async function logInThroughLock(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await navbar(page).getByRole('button', { name: 'Log In' }).click();
  await submitLock(page, credentials);
}

/** Fills and submits Lock's email/password form, already open. */
export async function submitLock(page: Page, credentials: { email: string; password: string }): Promise<void> {
  const lock = page.locator('.auth0-lock-widget');
  await expect(lock.locator('input[name="email"]')).toBeVisible({ timeout: LOCK_READY_MS });
  await lock.locator('input[name="email"]').fill(credentials.email);
  await lock.locator('input[name="password"]').fill(credentials.password);
  // Lock's opening slide starts half a second after it shows, and a click during it can be lost (seen
  // under load: the form filled, no login sent). A stable button is not enough: the slide may not have begun.
  await settle(page);
  await lock.locator('button.auth0-lock-submit').click();
}

/**
 * Waits until nothing on the page is still moving or loading: finite animations and transitions
 * (Lock's opening slide, a hover fade) have ended, fonts and images (the profile picture) are in.
 * Infinite ones (a spinner) are left running: they never end.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    // One animation's end can start another (Lock's header blur after its slide): a few rounds.
    for (let round = 0; round < 5; round++) {
      const moving = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
      const loading = [...document.images].filter((image) => !image.complete);
      if (moving.length === 0 && loading.length === 0) return;
      await Promise.all([
        ...moving.map((animation) => animation.finished.catch(() => undefined)),
        ...loading.map(
          (image) =>
            new Promise((resolve) => {
              image.addEventListener('load', resolve, { once: true });
              image.addEventListener('error', resolve, { once: true });
            })
        ),
        new Promise((resolve) => setTimeout(resolve, 50))
      ]);
    }
  });
}

/** Resolves once the page has rendered two more frames: what an event already handled did to the DOM is on screen. */
export async function afterNextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            resolve();
          });
        });
      })
  );
}

export async function storedIdToken(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('id_token'));
}

/**
 * After a new login by a user who was still logged in (with `previous`): the page goes to the tenant
 * and back, and its logged-in text shows all along, so wait for the new token itself. Storage read
 * between the navigations counts as not yet.
 */
export async function expectTokenReplaced(page: Page, previous: string): Promise<void> {
  const replaced = async (): Promise<boolean> => {
    const token = await storedIdToken(page).catch(() => null);
    return token !== null && token !== previous;
  };
  await expect.poll(replaced, { timeout: LOCK_READY_MS, message: 'a new id_token stored after the login' }).toBe(true);
}

/** After Log Out the page leaves for the tenant's /v2/logout and comes back: read storage between navigations. */
export async function expectTokenGone(page: Page): Promise<void> {
  await expect.poll(() => storedIdToken(page).catch(() => 'read during a navigation')).toBeNull();
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Stores `token` under id_token on the app's origin and leaves the tab on about:blank, so the next
 * navigation boots the app afresh with it. The logged-out document it stores from is gone by then,
 * with whatever it sent (its Lock warm-up's own prompt=none, say): record requests after this.
 */
export async function storeToken(page: Page, token: string): Promise<void> {
  await page.goto('/');
  await page.evaluate((value) => {
    localStorage.setItem('id_token', value);
  }, token);
  await page.goto('about:blank');
}

/** Stores `token` under id_token, then boots the app afresh at `path` (a new document, not a hash change). */
export async function plantToken(page: Page, token: string, path = '/'): Promise<void> {
  await storeToken(page, token);
  await page.goto(path);
}

/** In the page, for any driver: resolves with Date.now() at the moment the id_token disappears from storage. Self-contained. */
export function tokenRemovedAtInPage(): Promise<number> {
  return new Promise<number>((resolve) => {
    const timer = setInterval(() => {
      if (localStorage.getItem('id_token') === null) {
        clearInterval(timer);
        resolve(Date.now());
      }
    }, 20);
  });
}

export const whenTokenRemoved = (page: Page): Promise<number> => page.evaluate(tokenRemovedAtInPage);

/** Every request the page makes, to check where the browser went. */
export function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

/** The hosts, other than loopback, that the requests went to: none in dev-tenant mode. */
export function hostsOffLoopback(requests: readonly Request[]): string[] {
  const hosts = new Set(requests.map((request) => new URL(request.url()).hostname));
  return [...hosts].filter((host) => !['localhost', '127.0.0.1'].includes(host));
}

/** Lock's own React bug on its "last time you logged in" screen: not ours, left out of the page problems. */
export const isLockQuickAuthBug = (text: string): boolean => text.includes('node.querySelector is not a function');

/**
 * Uncaught errors and console errors (AngularJS's $exceptionHandler and ui-router's rejected
 * transitions both report there), but Lock's bug above.
 */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => {
    if (!isLockQuickAuthBug(error.message)) problems.push(`pageerror: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !isLockQuickAuthBug(message.text())) problems.push(`console: ${message.text()}`);
  });
  return problems;
}

export const navbar = (page: Page): Locator => page.getByRole('navigation');

export const loggedInText = 'Thank you for logging in!';
export const loggedOutText = 'You are not yet authenticated.';
