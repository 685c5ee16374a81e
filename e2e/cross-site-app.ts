// The cross-site app (the production build on localhost, its dev tenant on https://127.0.0.1, another
// site: playwright.config.ts starts both) as every engine opens it: what the cross-site tests of any
// login mode (Lock's, Universal Login's) start from.
import type { BrowserContextOptions, Page } from '@playwright/test';
import type { EngineLaunchOptions, EngineTab } from '../tools/browsers/driver';
import { E2E_CROSS_SITE_APP_URL, E2E_CROSS_SITE_TENANT_URL } from './e2e-env';

export const CROSS_SITE_APP = E2E_CROSS_SITE_APP_URL;
export const CROSS_SITE_TENANT = E2E_CROSS_SITE_TENANT_URL;

/**
 * Chromium (Playwright: `test.use(CROSS_SITE_CONTEXT)`, or a context's options): the tenant's
 * certificate is self-signed, so the context accepts it, as a user clicking through the warning once.
 * Nothing else changes: third-party cookies stay blocked, Chromium's default here.
 */
export const CROSS_SITE_CONTEXT = { ignoreHTTPSErrors: true } as const satisfies BrowserContextOptions;

/**
 * Firefox and WebKit (e2e/engines/: `test.use({ engineLaunchOptions: CROSS_SITE_ENGINE })`): the
 * same acceptance, through WebDriver's acceptInsecureCerts; the tenant's cookies and storage go when
 * a window closes, as the app's do. Privacy settings stay the engine's defaults.
 */
export const CROSS_SITE_ENGINE = {
  acceptInsecureCerts: true,
  otherOrigins: [CROSS_SITE_TENANT]
} as const satisfies EngineLaunchOptions;

/** Opens the cross-site app at `path` (default its home) in a Playwright page or an engine's tab. */
export async function openCrossSiteApp(target: Page | EngineTab, path = '/'): Promise<void> {
  await target.goto(`${CROSS_SITE_APP}${path}`);
}
