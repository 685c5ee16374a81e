import { expect, test } from '@playwright/test';
import { E2E_PROD_PORT } from './e2e-env';

test.describe('npm run serve: caching and precompressed files', () => {
  test.use({ baseURL: `http://localhost:${E2E_PROD_PORT}` });

  test('index.html is revalidated every time; content-hashed files are cached for a year', async ({ request }) => {
    const index = await request.get('/');
    expect(index.headers()['cache-control']).toBe('no-cache');
    expect(index.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const script = /<script[^>]+src="([^"]+)"/.exec(await index.text())?.[1] ?? '';
    expect(script).toMatch(/^main\.[0-9a-f]{16,}\.js$/);
    const asset = await request.get(`/${script}`);
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers()['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('the JS and CSS are minified, with source maps', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const files = [/<script[^>]+src="([^"]+)"/, /<link href="([^"]+\.css)"/].map((pattern) => pattern.exec(html)?.[1] ?? '');
    for (const file of files) {
      const code = await (await request.get(`/${file}`)).text();
      // Lines of hundreds of characters and more (unminified, this build averages 39 and 19): not one, as
      // the minifier keeps a template literal's newlines, and writes a string's "\n" as one (1 byte).
      const lines = code.split('\n');
      expect(code.length / lines.length, file).toBeGreaterThan(500);
      expect(code).toContain(`sourceMappingURL=${file}.map`);
      expect((await request.get(`/${file}.map`)).ok()).toBe(true);
    }
  });

  for (const [accept, encoding] of [
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
    ['identity', undefined]
  ] as const) {
    test(`Accept-Encoding: ${accept} gets the ${encoding ?? 'uncompressed'} file`, async ({ request }) => {
      const response = await request.get('/', { headers: { 'Accept-Encoding': accept } });
      expect(response.headers()['content-encoding']).toBe(encoding);
      expect(response.headers()['vary']).toBe('Accept-Encoding');
      expect(await response.text()).toContain('ng-app="app"');
    });
  }

  test("the build's own files only: no dotfiles, nothing outside it", async ({ request }) => {
    for (const path of ['/.security-headers.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/nope.js', '/%E0%A4%A']) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });
});
