// The project's defaults, defined once for the dev tenant, the demo API, the scripts, the e2e setup and
// the webpack config. Plain data with no imports, so CommonJS code can load it too:
//   const { DEFAULTS } = require('tsx/cjs/api').require('./config/defaults.ts', __filename);
// The environment variable that overrides each value is named in brackets.

export interface ProjectDefaults {
  readonly host: string;
  readonly browserHost: string;
  readonly crossSiteBrowserHost: string;
  readonly appPort: number;
  readonly devTenantPort: number;
  readonly demoApiPort: number;
  readonly devTenantClientId: string;
  readonly idTokenTtlSeconds: number;
  readonly devUser: { readonly email: string; readonly password: string; readonly name: string };
  readonly e2ePortBase: number;
  readonly screenshotsPortBase: number;
  readonly examplePorts: { readonly 'legacy-es5-ui-router-0': number; readonly 'legacy-ngroute': number };
}

export const DEFAULTS = {
  /** Where the servers bind (DEV_TENANT_HOST, DEMO_API_HOST): loopback only, since the dev tenant's password is public. */
  host: '127.0.0.1',
  /** The browser's name for the servers: the tutorial's Auth0 URLs use localhost, and one name keeps app and tenant same-site. */
  browserHost: 'localhost',
  /** The dev tenant's name in the browser for DEV_TENANT_BROWSER_HOST=127.0.0.1: another site than localhost, as your-tenant.auth0.com is to an app. */
  crossSiteBrowserHost: '127.0.0.1',
  /** The app (PORT): the tutorial's callback URL is http://localhost:3000. */
  appPort: 3000,
  /** The dev tenant (DEV_TENANT_PORT): the port after the app's, so `npm start` takes one short range. */
  devTenantPort: 3001,
  /** The demo API (DEMO_API_PORT): the next port again. */
  demoApiPort: 3002,
  /** The dev tenant's one client (DEV_TENANT_CLIENT_ID): fixed, so builds and tokens match without any setup. */
  devTenantClientId: 'dev-tenant-client',
  /** id_token lifetime in seconds (DEV_TENANT_TOKEN_TTL): Auth0's default, 10 hours. */
  idTokenTtlSeconds: 36000,
  /** The user every dev tenant has (more: DEV_TENANT_USERS): known credentials, so a newcomer can log in at once. */
  devUser: { email: 'dev@example.com', password: 'dev-password', name: 'Dev User' },
  /** First of the e2e ports (E2E_PORT_BASE): away from the defaults above, so tests never meet a running `npm start`. */
  e2ePortBase: 4100,
  /** `npm run screenshots`' app, tenant and API (SCREENSHOTS_PORT_BASE, +1, +2): clear of `npm start`, the e2e ports and the bench's 4300. */
  screenshotsPortBase: 4200,
  /** The examples/ apps, `npm run example:<name>` (EXAMPLE_PORT): the ports after the demo API's, one each. */
  examplePorts: { 'legacy-es5-ui-router-0': 3003, 'legacy-ngroute': 3004 }
} as const satisfies ProjectDefaults;

/**
 * The dev tenant's origin in the browser for `browserHost` (DEV_TENANT_BROWSER_HOST): http on localhost,
 * the app's site; https on 127.0.0.1, another site, with a certificate made at its start
 * (dev-tenant/crypto/tls-certificate.ts), since WebKit refuses Auth0's `Secure` cookies over http there.
 */
export function devTenantOrigin(browserHost: string, port: number | string): string {
  const scheme = browserHost === DEFAULTS.crossSiteBrowserHost ? 'https' : 'http';
  return `${scheme}://${browserHost}:${port}`;
}

/** The origin a browser uses for a local server on `port`, without trailing slash. */
export function localOrigin(port: number | string): string {
  return `http://${DEFAULTS.browserHost}:${port}`;
}
