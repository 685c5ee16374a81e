// The demo API (demo-api/server.ts) for an app other than `npm start`'s, whose own demo API lets
// only `npm start`'s origin call it (CORS): one of the test's own, configured as `npm start`
// configures its (demo-api/config.ts: the same-site tenant's issuer and JWKS; the client ID and
// the tenant's API audience accepted), but for the app's origin, on a free port. It notes the
// Authorization header of every call it receives.
import type { Page } from '@playwright/test';
import express from 'express';
import { createRemoteJWKSet } from 'jose';
import { loadDemoApiConfig } from '../demo-api/config';
import { createDemoApi } from '../demo-api/server';
import { listen } from '../servers/lifecycle';
import { E2E_API_URL, E2E_TENANT_PORT } from './e2e-env';

/**
 * The same-site tenant's one API audience: playwright.config.ts sets no DEV_TENANT_API_AUDIENCE,
 * so it is the tenant's default (dev-tenant/config/config.ts), the demo API's URL and a slash.
 */
export const E2E_API_AUDIENCE = `${E2E_API_URL}/`;

export interface ApiStandIn {
  readonly url: string;
  /** The Authorization header of each GET received, in order ('' for none). */
  readonly authorizations: readonly string[];
  close(): Promise<void>;
}

/** A demo API that lets the app on `appPort` call it. */
export async function startApiStandIn(appPort: number): Promise<ApiStandIn> {
  const config = loadDemoApiConfig({
    DEV_TENANT_PORT: String(E2E_TENANT_PORT),
    DEV_TENANT_API_AUDIENCE: E2E_API_AUDIENCE,
    DEMO_API_PORT: '0',
    PORT: String(appPort)
  });
  const authorizations: string[] = [];
  const api = express();
  api.use((request, _response, next) => {
    if (request.method === 'GET') authorizations.push(request.get('authorization') ?? '');
    next();
  });
  api.use(createDemoApi(config, createRemoteJWKSet(new URL(config.jwksUri))));
  const server = await listen(config.host, config.port, api);
  return { url: server.url, authorizations, close: () => server.close() };
}

/**
 * The page's calls to the API its CSP names (E2E_API_URL) reach `standIn` instead, as if it listened
 * there: the CSP stays the app's. (With any route set, Playwright answers CORS preflights itself; the
 * calls' own answers, and their CORS headers, are the stand-in's.)
 */
export async function routeApiTo(page: Page, standIn: ApiStandIn): Promise<void> {
  await page.route(`${E2E_API_URL}/**`, async (route) => {
    const { pathname, search } = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${standIn.url}${pathname}${search}` }) });
  });
}
