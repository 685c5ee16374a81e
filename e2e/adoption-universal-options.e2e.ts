// Universal mode's two options beyond loginMode, on one adopting app, examples/legacy-ngroute in
// universal mode, its app.js served as an adopter would write them (the lines added beside its
// `loginMode: 'universal',`), against the same-site dev tenant: `tokenStorage: 'memory'` (nothing
// in localStorage; a reload signs in again through one top-level prompt=none trip) and `audience`
// (the API gets the access token for it, not the id_token). Each page is watched as in the other
// adoption files: no console error or uncaught exception, no CSP violation, no request off loopback.
import type { Page } from '@playwright/test';
import { localOrigin } from '../config/defaults';
import { decodeJwtPayload, loggedOutText, navbar, storedIdToken } from '../tools/pages/lock-page';
import { appRoutes, expect, LOGIN_MS, logInThroughTenantPage, test, type AdoptingApp } from './adoption-support';
import { E2E_API_AUDIENCE, routeApiTo, startApiStandIn } from './api-stand-in';
import { E2E_API_URL, E2E_CLIENT_ID, E2E_TENANT_URL, E2E_UNIVERSAL_EXAMPLE_PORTS } from './e2e-env';

const APP_PORT = E2E_UNIVERSAL_EXAMPLE_PORTS['legacy-ngroute'];
const APP: AdoptingApp = { name: 'examples/legacy-ngroute', baseURL: localOrigin(APP_PORT), hash: '#!/' };
/** The line scripts/example-server.ts uncomments for universal mode; the options go beside it. */
const UNIVERSAL_LINE = "loginMode: 'universal',";
const PING = `${E2E_API_URL}/api/ping`;

test.describe.configure({ mode: 'parallel' });
test.use({ baseURL: APP.baseURL });
const { route, atRoute } = appRoutes(APP);

/** The page gets the example's app.js (as its server serves it) with `options` added to its configure() call. */
async function serveAppJsWithOptions(page: Page, options: Readonly<Record<string, unknown>>): Promise<void> {
  const url = `${APP.baseURL}/app.js`;
  const source = await (await page.request.get(url)).text();
  if (source.split(UNIVERSAL_LINE).length !== 2 || source.includes(`// ${UNIVERSAL_LINE}`)) {
    throw new Error(`${url} has no single uncommented \`${UNIVERSAL_LINE}\` line to add ${Object.keys(options).join(', ')} beside.`);
  }
  const added = Object.entries(options).map(([name, value]) => ` ${name}: ${JSON.stringify(value)},`);
  const body = source.replace(UNIVERSAL_LINE, `${UNIVERSAL_LINE}${added.join('')}`);
  await page.unroute(url);
  await page.route(url, (appJs) => appJs.fulfill({ contentType: 'application/javascript', body }));
}

/** The `prompt` of every top-level /authorize request the page makes, in order ('' for none). */
function authorizeTrips(page: Page): string[] {
  const prompts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      request.isNavigationRequest() &&
      request.frame() === page.mainFrame() &&
      `${url.origin}${url.pathname}` === `${E2E_TENANT_URL}/authorize`
    ) {
      prompts.push(url.searchParams.get('prompt') ?? '');
    }
  });
  return prompts;
}

/** The app's own $http GETs `url` (the module's interceptor picks the token); the answer's status, whatever it is. */
function statusThroughAppHttp(page: Page, url: string): Promise<number> {
  type Answer = PromiseLike<{ status: number }>;
  type Angular = { element(element: Element): { injector(): { get(name: '$http'): { get(url: string): Answer } } } };
  return page.evaluate(async (target) => {
    const $http = (window as unknown as { angular: Angular }).angular.element(document.body).injector().get('$http');
    return $http.get(target).then(
      (response) => response.status,
      (rejection: unknown) => (rejection as { status: number }).status
    );
  }, url);
}

/** The token of a `Bearer <token>` header. */
function bearerToken(header: string | undefined): string {
  expect(header).toMatch(/^Bearer \S+$/);
  return (header ?? '').slice('Bearer '.length);
}

const audiences = (token: string): unknown[] => [decodeJwtPayload(token).aud].flat();

test("tokenStorage 'memory': nothing in localStorage; a reload signs in again through one prompt=none trip, on the same page; logged out, a reload stays so", async ({
  page,
  tenant
}) => {
  const { credentials } = await tenant.newUser();
  await serveAppJsWithOptions(page, { tokenStorage: 'memory' });
  const trips = authorizeTrips(page);
  await logInThroughTenantPage(page, APP, credentials, route('profile'));
  await expect(page.locator('.profile-email')).toHaveText(credentials.email);
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  // The flag that this tab had a session (token-storage.ts), not the token.
  expect(await page.evaluate(() => sessionStorage.getItem('auth.tabHadSession'))).toBe('1');

  // Only the new document's commit: its boot leaves for the tenant, maybe before its load event.
  await page.reload({ waitUntil: 'commit' });
  await expect(page.locator('.profile-email')).toHaveText(credentials.email, { timeout: LOGIN_MS });
  await expect(page).toHaveURL(atRoute('profile'));
  expect(new URL(page.url()).search).toBe('');
  expect(trips).toEqual(['', 'none']);
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

  const tenantLogout = page.waitForRequest((request) => request.url().startsWith(`${E2E_TENANT_URL}/v2/logout?`));
  await navbar(page).getByRole('button', { name: 'Log Out' }).click();
  await tenantLogout;
  await expect(page.getByText(loggedOutText)).toBeVisible();
  await page.reload();
  await expect(page.getByText(loggedOutText)).toBeVisible();
  // A trip is decided at boot and noted in sessionStorage before the page leaves (returning-visitor.ts): none was.
  const flags = await page.evaluate(() => [sessionStorage.getItem('auth.tabHadSession'), sessionStorage.getItem('auth.signInAgain')]);
  expect(flags).toEqual([null, null]);
  expect(trips).toEqual(['', 'none']);
});

test('audience: $http calls to apiOrigins carry the access token for that API, which it accepts; without the option, the id_token', async ({
  page,
  tenant
}) => {
  const { user, credentials } = await tenant.newUser();
  const api = await startApiStandIn(APP_PORT);
  try {
    await routeApiTo(page, api);
    await serveAppJsWithOptions(page, { audience: E2E_API_AUDIENCE, apiOrigins: [E2E_API_URL] });
    await logInThroughTenantPage(page, APP, credentials, route('home'));
    expect(await statusThroughAppHttp(page, PING)).toBe(200);
    const accessToken = bearerToken(api.authorizations.at(-1));
    // An access token for the API (the tenant adds its /userinfo audience), not the id_token: no nonce, not the client's.
    expect(audiences(accessToken)).toContain(E2E_API_AUDIENCE);
    expect(audiences(accessToken)).not.toContain(E2E_CLIENT_ID);
    expect(decodeJwtPayload(accessToken)).not.toHaveProperty('nonce');
    expect(decodeJwtPayload(accessToken).sub).toBe(user.user_id);

    // The same app without `audience`: the APIs get the id_token, as in Lock mode.
    await serveAppJsWithOptions(page, { apiOrigins: [E2E_API_URL] });
    await page.reload();
    await expect(navbar(page).getByRole('button', { name: 'Log Out' })).toBeVisible();
    expect(await statusThroughAppHttp(page, PING)).toBe(200);
    const idToken = bearerToken(api.authorizations.at(-1));
    expect(idToken).toBe(await storedIdToken(page));
    expect(audiences(idToken)).toEqual([E2E_CLIENT_ID]);
    expect(decodeJwtPayload(idToken)).toHaveProperty('nonce');
    expect(api.authorizations).toHaveLength(2);
  } finally {
    await api.close();
  }
});
