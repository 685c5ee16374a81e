// 9. Calling an API: the Ping page through jwtInterceptor, and the token going nowhere else.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { decodeJwtPayload, loggedInText, storedIdToken } from '../tools/pages/lock-page';
import { E2E_API_URL, E2E_DEV_SERVER_URL } from './e2e-env';
import { expect, test } from './fixtures';
import { mintIdToken } from './tenant-tokens';

// `npm start`'s demo API allows `npm start`'s origin only.
test.use({ baseURL: E2E_DEV_SERVER_URL });

interface SeenRequest {
  method: string;
  authorization?: string;
  requestedHeaders?: string;
}

/** A server on another localhost port that records what reaches it (and lets the browser read it). */
async function startSpyServer(): Promise<{ url: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      authorization: req.headers.authorization,
      requestedHeaders: req.headers['access-control-request-headers']
    });
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Headers': 'Authorization',
      'Content-Type': 'application/json'
    });
    res.end(req.method === 'OPTIONS' ? undefined : '{"spy":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    seen,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        })
      )
  };
}

/** The bit of AngularJS's global the test reaches for. */
interface PageAngular {
  angular: { element(element: Element): { injector(): { get(name: '$http'): { get(url: string): PromiseLike<{ status: number }> } } } };
}

/** GET through the app's own $http, so angular-jwt's interceptor decides about the token. */
function getThroughAppHttp(page: Page, url: string): Promise<number> {
  return page.evaluate(async (target) => {
    const $http = (window as unknown as PageAngular).angular.element(document.body).injector().get('$http');
    const response = await $http.get(target);
    return response.status;
  }, url);
}

test.describe('9. calling an API', () => {
  test("the Ping page calls the demo API with the id_token and shows the caller's sub", async ({ page, logIn }) => {
    const apiRequests: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${E2E_API_URL}/api/ping`) && request.method() === 'GET')
        apiRequests.push(request.headers().authorization);
    });
    await logIn();
    const { sub } = decodeJwtPayload((await storedIdToken(page)) ?? '');
    await page.getByRole('navigation').getByRole('link', { name: 'Ping' }).click();
    await page.getByRole('button', { name: 'Ping' }).click();
    await expect(page.locator('.ping-result')).toContainText(`sub: ${String(sub)}`);
    expect(apiRequests).toEqual([`Bearer ${(await storedIdToken(page)) ?? ''}`]);
  });

  test('a token the API refuses: 401 with a reason, and the session ends', async ({ page, request }) => {
    // Tampered storage: a well-formed token for this app whose signature the API rejects.
    const token = await mintIdToken();
    const tampered = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(342)}`;
    const refused = await request.get(`${E2E_API_URL}/api/ping`, { headers: { authorization: `Bearer ${tampered}` } });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'invalid_token', error_description: expect.stringMatching(/signature/) });
    const anonymous = await request.get(`${E2E_API_URL}/api/ping`);
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error_description: expect.stringMatching(/No Authorization header/) });

    // In the app: the interceptor sees the 401, the session ends and the guarded Ping page is left.
    await page.goto('/');
    await page.evaluate((value) => {
      localStorage.setItem('id_token', value);
    }, tampered);
    await page.goto('about:blank');
    await page.goto('/#/ping');
    await expect(page.getByRole('heading', { name: 'Ping the API' })).toBeVisible();
    await page.getByRole('button', { name: 'Ping' }).click();
    await expect(page).toHaveURL(/#\/login$/);
    expect(await storedIdToken(page)).toBeNull();
  });

  test('the token goes only to the exact API origin: another localhost port gets no Authorization header', async ({ browser }) => {
    // The CSP would block the request before it left; the interceptor is what is tested here.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const spy = await startSpyServer();
    try {
      await page.goto('/');
      await page.evaluate(
        (token) => {
          localStorage.setItem('id_token', token);
        },
        await mintIdToken()
      );
      await page.reload();
      await expect(page.getByText(loggedInText)).toBeVisible();
      expect(await getThroughAppHttp(page, `${spy.url}/data`)).toBe(200);
      expect(spy.seen.length).toBeGreaterThan(0);
      expect(spy.seen.filter((seen) => seen.authorization !== undefined || /authorization/i.test(seen.requestedHeaders ?? ''))).toEqual([]);
      // The same call to the API origin does carry it: the check above is not vacuous.
      expect(await getThroughAppHttp(page, `${E2E_API_URL}/api/ping`)).toBe(200);
    } finally {
      await spy.close();
      await context.close();
    }
  });
});
