// The tenant's own cookies: the SSO session and (co-verifier-cookie.ts) the login-ticket binding.
// SameSite=Lax suffices: the app (localhost:$PORT) and the tenant (localhost:$DEV_TENANT_PORT) are
// the same site, so Lock's hidden /authorize iframe still sends them.
import type { CookieOptions, Request, Response } from 'express';
import type { ResolvedTenantConfig } from './config';
import { readCookie } from './http-helpers';

/**
 * Auth0's own name for its session cookie. Browsers share cookies across the ports of one host, so
 * the app's pages see this name too: no SDK writes a cookie called exactly `auth0` (auth0-js uses
 * `auth0.ssodata`, `com.auth0.auth.<state>` and `co/verifier/…`), and HttpOnly keeps scripts from reading it.
 */
export const SESSION_COOKIE = 'auth0';

/** The attributes every cookie of the tenant has; the one place that decides them. */
export function tenantCookieOptions(config: ResolvedTenantConfig): CookieOptions {
  // No maxAge: a browser-session cookie; the server-side session has its own idle expiry.
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: config.publicUrl.startsWith('https:') };
}

export function sessionIdFrom(req: Request): string | undefined {
  return readCookie(req, SESSION_COOKIE);
}

export function setSessionCookie(res: Response, config: ResolvedTenantConfig, sessionId: string): void {
  res.cookie(SESSION_COOKIE, sessionId, tenantCookieOptions(config));
}

export function clearSessionCookie(res: Response, config: ResolvedTenantConfig): void {
  res.clearCookie(SESSION_COOKIE, tenantCookieOptions(config));
}
