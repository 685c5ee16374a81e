// The tenant's SSO session cookie. SameSite=Lax suffices: the app (localhost:$PORT) and the tenant
// (localhost:$DEV_TENANT_PORT) are the same site, so Lock's hidden /authorize iframe still sends it.
import type { CookieOptions, Request, Response } from 'express';
import type { ResolvedTenantConfig } from './config';
import { readCookie } from './http-helpers';
import { SESSION_COOKIE } from './sessions';

function cookieOptions(config: ResolvedTenantConfig): CookieOptions {
  // No maxAge: a browser-session cookie; the server-side session has its own idle expiry.
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: config.publicUrl.startsWith('https:') };
}

export function sessionIdFrom(req: Request): string | undefined {
  return readCookie(req, SESSION_COOKIE);
}

export function setSessionCookie(res: Response, config: ResolvedTenantConfig, sessionId: string): void {
  res.cookie(SESSION_COOKIE, sessionId, cookieOptions(config));
}

export function clearSessionCookie(res: Response, config: ResolvedTenantConfig): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
