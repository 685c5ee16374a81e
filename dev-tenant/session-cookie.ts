// The tenant's cookies: the SSO session, and the login ticket's binding (co-verification.ts).
// Same site as the app (localhost:$PORT and localhost:$DEV_TENANT_PORT), SameSite=Lax suffices: Lock's
// hidden /authorize iframe still sends it. Cross-site (DEV_TENANT_BROWSER_HOST=127.0.0.1), they are set
// as Auth0 sets its own: SameSite=None; Secure; HttpOnly, plus a `<name>_compat` twin without SameSite
// for browsers that reject None. Browsers that block third-party cookies then drop them in iframes
// and on /co/authenticate's cross-site response, as they drop your-tenant.auth0.com's.
import type { CookieOptions, Request, Response } from 'express';
import type { ResolvedTenantConfig } from './config';
import { readCookie } from './http-helpers';
import { SESSION_COOKIE } from './sessions';

const compatName = (name: string): string => `${name}_compat`;

/** The attributes of every cookie the tenant sets: the one place that decides them. */
function cookieOptions(config: ResolvedTenantConfig): CookieOptions {
  // No maxAge: a browser-session cookie; the server-side session has its own idle expiry.
  if (config.crossSite) return { httpOnly: true, sameSite: 'none', secure: true, path: '/' };
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: config.publicUrl.startsWith('https:') };
}

/** Auth0's legacy twin: the same cookie without SameSite (older browsers treat None as Strict). */
function compatOptions(config: ResolvedTenantConfig): CookieOptions {
  return { ...cookieOptions(config), sameSite: undefined };
}

export function readTenantCookie(req: Request, name: string): string | undefined {
  return readCookie(req, name) ?? readCookie(req, compatName(name));
}

export function setTenantCookie(res: Response, config: ResolvedTenantConfig, name: string, value: string): void {
  res.cookie(name, value, cookieOptions(config));
  if (config.crossSite) res.cookie(compatName(name), value, compatOptions(config));
}

export function clearTenantCookie(res: Response, config: ResolvedTenantConfig, name: string): void {
  res.clearCookie(name, cookieOptions(config));
  if (config.crossSite) res.clearCookie(compatName(name), compatOptions(config));
}

export function sessionIdFrom(req: Request): string | undefined {
  return readTenantCookie(req, SESSION_COOKIE);
}

export function setSessionCookie(res: Response, config: ResolvedTenantConfig, sessionId: string): void {
  setTenantCookie(res, config, SESSION_COOKIE, sessionId);
}

export function clearSessionCookie(res: Response, config: ResolvedTenantConfig): void {
  clearTenantCookie(res, config, SESSION_COOKIE);
}
