// The tenant's own cookies: the SSO session and (co-verifier-cookie.ts) the login ticket's binding.
// Same site as the app (localhost:$PORT and localhost:$DEV_TENANT_PORT), SameSite=Lax suffices: Lock's
// hidden /authorize iframe still sends them. Cross-site (DEV_TENANT_BROWSER_HOST=127.0.0.1, over https), they are set
// as Auth0 sets its own: SameSite=None; Secure; HttpOnly, plus a `<name>_compat` twin without SameSite
// for browsers that reject None. Browsers that block third-party cookies then drop them in iframes
// and on /co/authenticate's cross-site response, as they drop your-tenant.auth0.com's.
import type { CookieOptions, Request, Response } from 'express';
import type { ResolvedTenantConfig } from '../config/config';
import { readCookie } from './helpers';

/**
 * Auth0's own name for its session cookie. Browsers share cookies across the ports of one host, so
 * the app's pages see this name too: no SDK writes a cookie called exactly `auth0` (auth0-js uses
 * `auth0.ssodata`, `com.auth0.auth.<state>` and `co/verifier/…`), and HttpOnly keeps scripts from reading it.
 */
export const SESSION_COOKIE = 'auth0';

const compatName = (name: string): string => `${name}_compat`;

/** The attributes every cookie of the tenant has; the one place that decides them. */
export function tenantCookieOptions(config: ResolvedTenantConfig): CookieOptions {
  // No maxAge here: setSessionCookie adds one for Auth0's persistent mode; the server enforces both limits.
  if (config.crossSite) return { httpOnly: true, sameSite: 'none', secure: true, path: '/' };
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: config.publicUrl.startsWith('https:') };
}

/** Auth0's legacy twin: the same cookie without SameSite (older browsers treat None as Strict). */
function compatOptions(options: CookieOptions): CookieOptions {
  return { ...options, sameSite: undefined };
}

export function readTenantCookie(req: Request, name: string): string | undefined {
  return readCookie(req, name) ?? readCookie(req, compatName(name));
}

/** `overrides` narrows a cookie (its path, a maxAge) without changing the attributes decided above. */
export function setTenantCookie(
  res: Response,
  config: ResolvedTenantConfig,
  name: string,
  value: string,
  overrides: CookieOptions = {}
): void {
  const options = { ...tenantCookieOptions(config), ...overrides };
  res.cookie(name, value, options);
  if (config.crossSite) res.cookie(compatName(name), value, compatOptions(options));
}

export function clearTenantCookie(res: Response, config: ResolvedTenantConfig, name: string, overrides: CookieOptions = {}): void {
  const options = { ...tenantCookieOptions(config), ...overrides };
  res.clearCookie(name, options);
  if (config.crossSite) res.clearCookie(compatName(name), compatOptions(options));
}

export function sessionIdFrom(req: Request): string | undefined {
  return readTenantCookie(req, SESSION_COOKIE);
}

/**
 * Auth0's `session_cookie.mode`: persistent (the default) outlives the browser until the session's
 * absolute limit; non-persistent is a browser-session cookie.
 */
export function setSessionCookie(res: Response, config: ResolvedTenantConfig, sessionId: string, expiresInMs: number): void {
  setTenantCookie(res, config, SESSION_COOKIE, sessionId, config.sessionCookieMode === 'persistent' ? { maxAge: expiresInMs } : {});
}

export function clearSessionCookie(res: Response, config: ResolvedTenantConfig): void {
  clearTenantCookie(res, config, SESSION_COOKIE);
}
