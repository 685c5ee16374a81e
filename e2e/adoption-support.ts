// What the adoption files share (adoption.e2e.ts in Lock mode, adoption-universal.e2e.ts in universal
// mode, adoption-universal-options.e2e.ts): the three apps that adopt auth0.session, their routes, the
// tenant's login page in universal mode, and a page watched from its first document on for console
// errors, uncaught exceptions, CSP violations and requests off loopback.
import type { Page } from '@playwright/test';
import { localOrigin } from '../config/defaults';
import { collectPageProblems, hostsOffLoopback, navbar, recordRequests, storedIdToken } from '../tools/pages/lock-page';
import { collectCspViolations } from './csp-support';
import { E2E_TENANT_URL } from './e2e-env';
import { escapeRegExp } from './engines/universal-steps';
import { expect, test as base } from './fixtures';
import type { TestUser } from './test-tenant';

export interface AdoptingApp {
  readonly name: string;
  readonly baseURL: string;
  /** The hash prefix of its routes: '#/' (the sample, ui-router 1.x, prefix '') or '#!/' (AngularJS's default '!'). */
  readonly hash: string;
}

/** The sample app (`npm start`) on `samplePort`, and each examples/ app on its port. */
export function adoptingApps(samplePort: number, examplePorts: Readonly<Record<string, number>>): AdoptingApp[] {
  return [
    { name: 'the sample app (npm start)', baseURL: localOrigin(samplePort), hash: '#/' },
    ...Object.entries(examplePorts).map(([name, port]) => ({ name: `examples/${name}`, baseURL: localOrigin(port), hash: '#!/' }))
  ];
}

/** The URL of a route (`/#/profile` or `/#!/profile`), and a matcher of a page at that route. */
export function appRoutes(app: AdoptingApp): { route: (name: string) => string; atRoute: (name: string) => RegExp } {
  const route = (name: string): string => `/${app.hash}${name}`;
  return { route, atRoute: (name) => new RegExp(`${escapeRegExp(route(name))}$`) };
}

/** Reloads the guarded page of a logged-in `page`: the same session after it (the user's email, Log Out, the same id_token). */
export async function expectReloadKeepsSession(page: Page, profileRoute: string, email: string): Promise<void> {
  const token = await storedIdToken(page);
  await page.goto(profileRoute);
  await expect(page.locator('.profile-email')).toHaveText(email);
  await page.reload();
  await expect(page.locator('.profile-email')).toHaveText(email);
  await expect(navbar(page).getByRole('button', { name: 'Log Out' })).toBeVisible();
  expect(await storedIdToken(page)).toBe(token);
}

/** Universal mode: the tenant's login page, the top-level round trip and the callback's code exchange, on a loaded machine. */
export const LOGIN_MS = 30_000;

/** Universal mode, on the same-site tenant's login page (reached from a Log In): fills and sends its form; resolves once the browser is back on the app. */
export async function submitTenantLogin(page: Page, app: string, credentials: TestUser['credentials']): Promise<void> {
  await page.waitForURL(`${E2E_TENANT_URL}/u/login?**`, { timeout: LOGIN_MS });
  await page.locator('#username').fill(credentials.email);
  await page.locator('#password').fill(credentials.password);
  await page.locator('button[type="submit"][name="action"]').click();
  await page.waitForURL(`${app}/**`, { timeout: LOGIN_MS });
}

/** Universal mode: logs in from the navbar on `path` (through the guard's login page, for a guarded one); resolves once the navbar says so. */
export async function logInThroughTenantPage(
  page: Page,
  app: AdoptingApp,
  credentials: TestUser['credentials'],
  path: string
): Promise<void> {
  await page.goto(path);
  await navbar(page).getByRole('button', { name: 'Log In' }).click();
  await submitTenantLogin(page, app.baseURL, credentials);
  await expect(navbar(page).getByRole('button', { name: 'Log Out' })).toBeVisible({ timeout: LOGIN_MS });
}

/** Watches the page from its first document on; the returned check expects nothing went wrong. */
export async function watchPage(page: Page): Promise<() => void> {
  const violations = await collectCspViolations(page);
  const problems = collectPageProblems(page);
  const requests = recordRequests(page);
  return () => {
    expect(problems, 'console errors and uncaught exceptions').toEqual([]);
    expect(violations, 'CSP violations').toEqual([]);
    expect(hostsOffLoopback(requests), 'hosts off loopback').toEqual([]);
  };
}

/** The fixtures' `test`, every test's page (and so `loggedIn`) watched; the checks run once the test is done. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const expectClean = await watchPage(page);
    await use(page);
    expectClean();
  }
});

export { escapeRegExp, expect };
