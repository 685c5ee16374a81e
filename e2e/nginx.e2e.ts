// The production build behind Debian's real nginx, configured only by the nginx.conf that
// `npm run build` writes: the headers it sends, and a login through Lock against the dev tenant.
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { localOrigin } from '../config/defaults';
import { collectPageProblems, DEV_USER, logInThroughLock, loggedInText } from '../tools/pages/lock-page';
import { collectCspViolations } from './csp-support';
import { E2E_DIST, E2E_NGINX_PORT, E2E_TENANT_PORT } from './e2e-env';
import { OwnServers, startNginx } from './own-servers';

const APP = localOrigin(E2E_NGINX_PORT);

test.describe.configure({ mode: 'serial' });
const servers = new OwnServers('nginx');

/** What a deployment adds beside the build: a security.txt (RFC 9116), as an ACME client adds its challenges. */
const SECURITY_TXT = 'Contact: mailto:security@example.com\n';

// The build `npm run serve` serves in the suite (playwright.config.ts builds it once), against the
// suite's dev tenant, which allows this origin: nginx only changes who serves it, and how. Its root
// links to the build's files (shared with other tests, so left as they are) beside a /.well-known/.
test.beforeAll(async () => {
  // nginx's workers run as another user when it is started as root (www-data): they must reach the root.
  chmodSync(servers.dir, 0o711);
  const root = path.join(servers.dir, 'root');
  mkdirSync(path.join(root, '.well-known'), { recursive: true });
  for (const entry of readdirSync(E2E_DIST)) symlinkSync(path.join(E2E_DIST, entry), path.join(root, entry));
  writeFileSync(path.join(root, '.well-known', 'security.txt'), SECURITY_TXT);
  servers.keep(await startNginx(root, E2E_NGINX_PORT, path.join(servers.dir, 'nginx')));
});

test.afterAll(async () => {
  await servers.stop();
});

const buildHeaders = (file: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(E2E_DIST, file), 'utf8')) as Record<string, string>;

/** HSTS, as the include sends it over https; over this test's http a browser ignores it (RFC 6797 8.1). */
const HSTS = 'max-age=31536000';

test("nginx sends the build's security headers and caching from the generated include", async ({ request }) => {
  const app = buildHeaders('.security-headers.json');
  const index = await request.get(`${APP}/`);
  expect(index.status()).toBe(200);
  for (const [name, value] of Object.entries(app)) expect(index.headers()[name.toLowerCase()]).toBe(value);
  expect(index.headers()['strict-transport-security']).toBe(HSTS);
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
  expect(fallback.headers()['strict-transport-security']).toBe(HSTS);

  // Every 404 carries the headers too: the app's CSP, HSTS, and no caching.
  for (const hidden of ['/.security-headers.json', '/nginx.conf', '/_headers', '/nope.js', `/${script ?? ''}.map`]) {
    const response = await request.get(`${APP}${hidden}`);
    expect(response.status(), hidden).toBe(404);
    expect(response.headers()['content-security-policy'], hidden).toBe(app['Content-Security-Policy']);
    expect(response.headers()['strict-transport-security'], hidden).toBe(HSTS);
    expect(response.headers()['cache-control'], hidden).toBe('no-cache');
  }
});

test('source maps are not served, /.well-known/ is', async ({ request }) => {
  const maps = readdirSync(E2E_DIST).filter((file) => file.endsWith('.map'));
  expect(maps.length).toBeGreaterThan(0);
  for (const map of maps) expect((await request.get(`${APP}/${map}`)).status(), map).toBe(404);

  const securityTxt = await request.get(`${APP}/.well-known/security.txt`);
  expect(securityTxt.status()).toBe(200);
  expect(await securityTxt.text()).toBe(SECURITY_TXT);
  expect(securityTxt.headers()['cache-control']).toBe('no-cache');
  expect(securityTxt.headers()['strict-transport-security']).toBe(HSTS);
});

test("the build's _headers names each of its content-hashed files, by its final name, for a year", () => {
  const headers = readFileSync(path.join(E2E_DIST, '_headers'), 'utf8');
  const hashed = readdirSync(E2E_DIST, { recursive: true, encoding: 'utf8' }).filter((file) => /\.[0-9a-f]{16,}\.\w+$/.test(file));
  expect(hashed.length).toBeGreaterThan(4);
  for (const file of hashed) {
    expect(headers, file).toContain(`\n/${file.split(path.sep).join('/')}\n  Cache-Control: public, max-age=31536000, immutable\n`);
  }
  expect(headers).not.toMatch(/\.map\n/);
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
