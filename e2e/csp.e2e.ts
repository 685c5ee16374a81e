import { collectPageProblems, loggedInText, loggedOutText } from '../tools/pages/lock-page';
import { E2E_API_URL, E2E_SERVERS, E2E_TENANT_URL } from './e2e-env';
import { checkSession, collectCspViolations } from './csp-support';
import { expect, test } from './fixtures';

function parsePolicy(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources])
  );
}

for (const server of E2E_SERVERS) {
  test.describe(`strict CSP on ${server.name}`, () => {
    test.use({ baseURL: server.baseURL });

    test('the policy: no eval, no inline script, inline style only by hash, nothing may frame the app', async ({ request }) => {
      const response = await request.get('/');
      const header = response.headers()['content-security-policy'] ?? '';
      const policy = parsePolicy(header);
      expect(header).not.toMatch(/unsafe-(eval|inline|hashes)|\*/);
      expect(policy.get('script-src')).toEqual(["'self'", E2E_TENANT_URL]);
      // Lock's <style>, appended empty then filled: the hashes of these two texts, and of the two
      // partial texts WebKit checks on the way (webpack/security-headers.js), only.
      const sha256 = expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/) as unknown;
      expect(policy.get('style-src')).toEqual(["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", sha256, sha256, sha256]);
      // Lock's data: icons and the profile picture, the tenant's generated avatar.
      expect(policy.get('img-src')).toEqual(["'self'", 'data:', E2E_TENANT_URL]);
      expect(policy.get('connect-src')).toEqual(["'self'", E2E_TENANT_URL, E2E_API_URL]);
      expect(policy.get('frame-src')).toEqual([E2E_TENANT_URL]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'self'"]);
    });

    test('login, reload, the profile picture, renewal and logout raise no CSP violation', async ({ page, baseURL, logIn }) => {
      const violations = await collectCspViolations(page);
      const problems = collectPageProblems(page);
      await page.goto('/');
      await expect(page.getByText(loggedOutText)).toBeVisible();

      await logIn({ path: null });
      await page.reload();
      await expect(page.getByText(loggedInText)).toBeVisible();
      // The profile picture comes from the tenant, under img-src.
      await page.goto('/#/profile');
      const picture = page.locator('.profile-picture');
      await expect(picture).toHaveAttribute('src', new RegExp(`^${E2E_TENANT_URL}/avatar/[0-9a-f]{32}\\.svg$`));
      await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
      expect(await checkSession(page)).toEqual({ error: null, idToken: true });

      // Log Out ends the tenant session too (lock.logout): to /v2/logout and back.
      const tenantLogout = page.waitForRequest((request) => request.url().startsWith(`${E2E_TENANT_URL}/v2/logout`));
      await page.getByRole('navigation').getByRole('button', { name: 'Log Out' }).click();
      await tenantLogout;
      await page.waitForURL(`${baseURL ?? ''}/#/home`);
      await expect(page.getByText(loggedOutText)).toBeVisible();
      expect(await checkSession(page)).toEqual({ error: 'login_required', idToken: false });

      expect(violations).toEqual([]);
      expect(problems).toEqual([]);

      // The listener works and the policy is enforced: an inline style and eval are refused.
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'main { color: red; }';
        document.head.append(style);
      });
      // Later than the evaluation itself: DevTools lets evaluated code eval regardless of the CSP.
      expect(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              setTimeout(() => {
                try {
                  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the eval the policy must refuse
                  resolve(typeof new Function('return 1'));
                } catch {
                  resolve('refused');
                }
              }, 0);
            })
        )
      ).toBe('refused');
      await expect.poll(() => violations.map((violation) => violation.directive).sort()).toEqual(['script-src', 'style-src-elem']);
    });
  });
}
