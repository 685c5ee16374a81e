// The production build behind Debian's real nginx, configured only by the nginx.conf that
// `npm run build` writes: the headers it sends, and a login through Lock against the dev tenant.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { localOrigin } from '../config/defaults';
import { E2E_DIST, E2E_NGINX_PORT } from '../playwright.config';
import { collectCspViolations } from './csp-support';
import { E2E_TENANT_PORT } from './e2e-env';
import { collectPageProblems, DEV_USER, logInThroughLock, loggedInText } from './lock-page';
import { OwnServers, startNginx } from './own-servers';

const APP = localOrigin(E2E_NGINX_PORT);

test.describe.configure({ mode: 'serial' });
const servers = new OwnServers('nginx');

// The build `npm run serve` serves in the suite (playwright.config.ts builds it once), against the
// suite's dev tenant, which allows this origin: nginx only changes who serves it, and how.
test.beforeAll(async () => {
  servers.keep(await startNginx(E2E_DIST, E2E_NGINX_PORT, path.join(servers.dir, 'nginx')));
});

test.afterAll(async () => {
  await servers.stop();
});

const buildHeaders = (file: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(E2E_DIST, file), 'utf8')) as Record<string, string>;

test("nginx sends the build's security headers and caching from the generated include", async ({ request }) => {
  const app = buildHeaders('.security-headers.json');
  const index = await request.get(`${APP}/`);
  expect(index.status()).toBe(200);
  for (const [name, value] of Object.entries(app)) expect(index.headers()[name.toLowerCase()]).toBe(value);
  expect(index.headers()['cache-control']).toBe('no-cache');
  expect(index.headers()['content-type']).toMatch(/^text\/html/);

  const script = /src="\/?(main\.[0-9a-f]+\.js)"/.exec(await index.text())?.[1];
  expect(script).toBeDefined();
  const asset = await request.get(`${APP}/${script ?? ''}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toBe('gzip');
  expect(asset.headers()['content-security-policy']).toBe(app['Content-Security-Policy']);

  const fallback = await request.get(`${APP}/callback-cross-auth.html`);
  expect(fallback.status()).toBe(200);
  const fallbackPolicy = buildHeaders('.security-headers.callback-cross-auth.json')['Content-Security-Policy'];
  expect(fallback.headers()['content-security-policy']).toBe(fallbackPolicy);
  expect(fallbackPolicy).toContain(`frame-ancestors ${localOrigin(E2E_TENANT_PORT)}`);

  for (const hidden of ['/.security-headers.json', '/nginx.conf', '/_headers', '/nope.js']) {
    expect((await request.get(`${APP}${hidden}`)).status(), hidden).toBe(404);
  }
});

test('a login through Lock, behind nginx, with 0 CSP violations and 0 page errors', async ({ page }) => {
  const violations = await collectCspViolations(page);
  const problems = collectPageProblems(page);
  await page.goto(`${APP}/`);
  await logInThroughLock(page, DEV_USER);
  await expect(page.getByText(loggedInText)).toBeVisible();
  await page.reload();
  await expect(page.getByText(loggedInText)).toBeVisible();
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});
