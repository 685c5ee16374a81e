import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULTS, devTenantOrigin, localOrigin } from '../config/defaults';

// Ports of their own, in the same order as the defaults, so the tests never meet an `npm start`
// left running on those. E2E_PORT_BASE moves all of them, for two test runs on one machine.
const E2E_PORT_BASE = Number(process.env.E2E_PORT_BASE ?? DEFAULTS.e2ePortBase);
export const E2E_APP_PORT = E2E_PORT_BASE;
export const E2E_TENANT_PORT = E2E_PORT_BASE + 1;
export const E2E_API_PORT = E2E_PORT_BASE + 2;
/** The production build (`npm run serve`), against the same dev tenant and demo API. */
export const E2E_PROD_PORT = E2E_PORT_BASE + 3;
/** Where that build goes: out of dist/, so the tests never overwrite a developer's build. */
export const E2E_DIST = path.resolve(`node_modules/.cache/e2e-dist-${E2E_PROD_PORT}`);
/** `npm start`'s development server; the e2e tests' default is the production build (playwright.config.ts). */
export const E2E_DEV_SERVER_URL = localOrigin(E2E_APP_PORT);
/** Both ways of running the app, for the tests that must hold on each. */
export const E2E_SERVERS = [
  { name: 'npm start', baseURL: E2E_DEV_SERVER_URL },
  { name: 'npm run serve', baseURL: localOrigin(E2E_PROD_PORT) }
] as const;
/** The examples/ servers (scripts/serve-example.ts), after the production build's. */
export const E2E_EXAMPLE_PORTS = {
  'legacy-es5-ui-router-0': E2E_PORT_BASE + 4,
  'legacy-ngroute': E2E_PORT_BASE + 5
} as const satisfies Record<keyof typeof DEFAULTS.examplePorts, number>;
/** `npm run screenshots` as the e2e suite runs it: its own three ports, after the examples'. */
export const E2E_SCREENSHOTS_PORT_BASE = E2E_PORT_BASE + 6;
export const E2E_TENANT_URL = localOrigin(E2E_TENANT_PORT);
export const E2E_API_URL = localOrigin(E2E_API_PORT);
export const E2E_CLIENT_ID = DEFAULTS.devTenantClientId;
/** Debian's nginx serving the production build (e2e/nginx.e2e.ts), clear of the ports above (+0…+8). */
export const E2E_NGINX_PORT = E2E_PORT_BASE + 10;
/** The fresh apps of package-install.e2e.ts, each served there in turn (after the cross-site pair's +12, +13). */
export const E2E_FRESH_APPS_PORT = E2E_PORT_BASE + 14;
// +15: the universal-mode build (below).
/** Outside test-results/ (which Playwright empties): the tests mint tokens with the tenant's key. */
export const E2E_TENANT_DATA_DIR = path.join(os.tmpdir(), 'auth0-angularjs-e2e', `dev-tenant-${E2E_TENANT_PORT}`);

/**
 * The cross-site pair, the dev tenant on another site than the app (DEV_TENANT_BROWSER_HOST=127.0.0.1,
 * the app on localhost), as your-tenant.auth0.com is to a deployed app: a production build made
 * once with the others (scripts/e2e-builds.ts), served on +12, its tenant on +13 (nginx.e2e.ts has +10).
 * Both over https, as deployed, with the self-signed certificate the tenant keeps in its data dir: an
 * http app would have WebKit block, as mixed content, the app's page that the tenant frames (Lock's
 * cross-origin fallback), which Chromium and Firefox allow for localhost.
 */
export const E2E_CROSS_SITE_APP_PORT = E2E_PORT_BASE + 12;
export const E2E_CROSS_SITE_APP_URL = `https://${DEFAULTS.browserHost}:${E2E_CROSS_SITE_APP_PORT}`;
export const E2E_CROSS_SITE_TENANT_PORT = E2E_PORT_BASE + 13;
export const E2E_CROSS_SITE_TENANT_URL = devTenantOrigin(DEFAULTS.crossSiteBrowserHost, E2E_CROSS_SITE_TENANT_PORT);
export const E2E_CROSS_SITE_DIST = path.resolve(`node_modules/.cache/e2e-cross-site-dist-${E2E_CROSS_SITE_APP_PORT}`);
export const E2E_CROSS_SITE_TENANT_DATA_DIR = path.join(os.tmpdir(), 'auth0-angularjs-e2e', `dev-tenant-${E2E_CROSS_SITE_TENANT_PORT}`);
/**
 * The sample in universal mode (AUTH0_LOGIN_MODE=universal), cross-site, beside the Lock build
 * above: its own production build, served over https on +15, against the same cross-site tenant.
 */
export const E2E_UNIVERSAL_APP_PORT = E2E_PORT_BASE + 15;
export const E2E_UNIVERSAL_APP_URL = `https://${DEFAULTS.browserHost}:${E2E_UNIVERSAL_APP_PORT}`;
export const E2E_UNIVERSAL_DIST = path.resolve(`node_modules/.cache/e2e-universal-dist-${E2E_UNIVERSAL_APP_PORT}`);
/**
 * The adopting apps in universal mode against the same-site tenant above (+1), for adoption-universal.e2e.ts:
 * the sample as `npm start` serves it, with AUTH0_LOGIN_MODE=universal (webpack-dev-server, no tenant of
 * its own), on +16; the examples, their app.js with its `loginMode: 'universal'` line uncommented, on +17, +18.
 */
export const E2E_UNIVERSAL_SAMPLE_PORT = E2E_PORT_BASE + 16;
export const E2E_UNIVERSAL_EXAMPLE_PORTS = {
  'legacy-es5-ui-router-0': E2E_PORT_BASE + 17,
  'legacy-ngroute': E2E_PORT_BASE + 18
} as const satisfies typeof E2E_EXAMPLE_PORTS;
/** The one setting, for the build and for the tenant, that serves the dev tenant from another site than the app. */
export const CROSS_SITE_ENV = { DEV_TENANT_BROWSER_HOST: DEFAULTS.crossSiteBrowserHost };
