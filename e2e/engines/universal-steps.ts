// Universal Login's steps for any engine (tools/browsers/): the tenant's own login page, and what
// auth0-spa-js keeps in the app's storage. Selectors, not roles: every driver speaks CSS.
import type { EngineTab, Target } from '../../tools/browsers/driver';
import { expectUrl, navbarButton } from './app-steps';

const loginPageField = (id: 'username' | 'password'): Target => ({ css: `#${id}` });
const loginPageSubmit: Target = { css: 'button[type="submit"][name="action"]' };

/** From the app's Log In to the tenant's login page, whose form is then filled and sent; returns once the browser is back on the app. */
export async function logInOnTenantPage(
  tab: EngineTab,
  tenantUrl: string,
  appUrl: string,
  credentials: { email: string; password: string }
): Promise<void> {
  await tab.click(navbarButton('Log In'));
  await expectUrl(tab, new RegExp(`^${escapeRegExp(tenantUrl)}/u/login\\?`));
  await tab.fill(loginPageField('username'), credentials.email);
  await tab.fill(loginPageField('password'), credentials.password);
  await tab.click(loginPageSubmit);
  await expectUrl(tab, new RegExp(`^${escapeRegExp(appUrl)}/`));
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** In the page: the refresh token auth0-spa-js keeps in localStorage (`cacheLocation: 'localstorage'`), or null. Self-contained. */
export function refreshTokenInPage(): string | null {
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index) ?? '';
    if (key.startsWith('@@auth0spajs@@::') && !key.endsWith('@@user@@')) {
      const entry = JSON.parse(localStorage.getItem(key) ?? '{}') as { body?: { refresh_token?: string } };
      if (typeof entry.body?.refresh_token === 'string') return entry.body.refresh_token;
    }
  }
  return null;
}

/** In the page: the session's localStorage keys, the module's (`id_token`, `auth.…`) and auth0-spa-js's (`@@auth0spajs@@::…`). Self-contained. */
export function sessionKeysInPage(): string[] {
  return Object.keys(localStorage).filter((key) => key === 'id_token' || key.startsWith('auth.') || key.startsWith('@@auth0spajs@@'));
}

/** In the page: the `/authorize` requests this document made (a hidden iframe's renewal would be one). Self-contained. */
export function authorizeRequestsInPage(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => new URL(url).pathname === '/authorize');
}

/** In the page: the scripts of Lock mode this document loaded (Lock's chunk, auth0-js's): none in universal mode. Self-contained. */
export function lockScriptsInPage(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /^\/(lock|auth0-js)(\.[0-9a-f]+)?\.js$/.test(path));
}

/** In the page: how this document was loaded (`navigate`, `reload`, `back_forward`). Self-contained. */
export function navigationTypeInPage(): string {
  return (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type ?? 'unknown';
}

/** Waits until the stored id_token differs from each of `seen`; returns it. */
export async function nextIdToken(tab: EngineTab, seen: readonly (string | null)[], timeoutMs: number): Promise<string> {
  return tab.waitUntil(
    `an id_token other than the ${String(seen.length)} seen`,
    async () => {
      const token = await tab.evaluate(() => localStorage.getItem('id_token'));
      return token !== null && !seen.includes(token) ? token : null;
    },
    timeoutMs
  );
}
