import {
  expectTokenGone,
  DEV_USER,
  decodeJwtPayload,
  hostsOffLoopback,
  logInThroughLock,
  loggedInText,
  loggedOutText,
  recordRequests,
  storedIdToken
} from '../tools/pages/lock-page';
import { E2E_DEV_SERVER_URL } from './e2e-env';
import { expect, test } from './fixtures';

// The tutorial's flow on `npm start`'s development server, as a newcomer first meets it (the others run on the production build).
test.use({ baseURL: E2E_DEV_SERVER_URL });

test.describe('the tutorial session, through the real Lock widget and the dev tenant', () => {
  test('log in, token stored, reload stays authenticated, log out clears it', async ({ page, logIn }) => {
    const requests = recordRequests(page);
    await page.goto('/');
    await expect(page.getByText(loggedOutText)).toBeVisible();

    await logIn({ path: null });
    const token = await storedIdToken(page);
    expect(token).not.toBeNull();
    expect(decodeJwtPayload(token ?? '')).toMatchObject({ email: DEV_USER.email, aud: 'dev-tenant-client' });

    await page.reload();
    await expect(page.getByText(loggedInText)).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('button', { name: 'Log Out' })).toBeVisible();

    await page.getByRole('navigation').getByRole('button', { name: 'Log Out' }).click();
    await expect(page.getByText(loggedOutText)).toBeVisible();
    await expectTokenGone(page);

    // Dev-tenant mode: no request leaves the machine (no CDN logo, dictionary or gravatar).
    expect(hostsOffLoopback(requests)).toEqual([]);
  });

  test('Lock 14 runs on the single auth0-js 10 in the bundle', async ({ page, logIn }) => {
    const requests = recordRequests(page);
    await logIn();
    // auth0-js reports its own version in the auth0Client telemetry of the /authorize redirect.
    const authorize = requests.find(
      (request) => new URL(request.url()).pathname === '/authorize' && request.url().includes('login_ticket')
    );
    const telemetry = new URL(authorize?.url() ?? 'http://x/').searchParams.get('auth0Client') ?? '';
    const client = JSON.parse(Buffer.from(telemetry, 'base64').toString('utf8')) as { env?: Record<string, string> };
    expect(client.env?.['auth0.js']).toMatch(/^10\./);
  });

  test("a wrong password shows Lock's own error and stores nothing", async ({ page }) => {
    await page.goto('/');
    await logInThroughLock(page, { email: DEV_USER.email, password: 'not-the-password' });
    await expect(page.locator('.auth0-global-message-error')).toContainText(/wrong email or password/i);
    expect(await storedIdToken(page)).toBeNull();
    await expect(page.getByText(loggedOutText)).toBeVisible();
  });
});
