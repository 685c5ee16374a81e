// Binds a login_ticket to the browser that authenticated, as Auth0's cross-origin authentication
// does: /co/authenticate sets an HttpOnly cookie with a secret, and /authorize redeems the ticket
// straight away only when the same browser sends it back. Otherwise (a browser that refused the
// cross-site cookie, or a ticket carried to another browser: login CSRF) routes/co-verification.ts asks
// the app's fallback page for the co_verifier, which only the browser that authenticated holds.
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ResolvedTenantConfig } from '../config/config';
import { requestCookieNames } from './helpers';
import { clearTenantCookie, readTenantCookie, setTenantCookie } from './session-cookie';
import { LOGIN_TICKET_TTL_MS, type LoginTicket } from '../stores/login-tickets';

/** One cookie per ticket (named by its co_id), so two tabs logging in at once do not overwrite each other's. */
const VERIFIER_COOKIE_PREFIX = 'auth0_co_';
/** Sent only where it is checked. */
const VERIFIER_COOKIE_PATH = '/authorize';
export function setVerifierCookie(res: Response, config: ResolvedTenantConfig, ticket: LoginTicket): void {
  setTenantCookie(res, config, VERIFIER_COOKIE_PREFIX + ticket.coId, ticket.browserSecret, {
    path: VERIFIER_COOKIE_PATH,
    maxAge: LOGIN_TICKET_TTL_MS
  });
}

/** Compares a secret a request sent with the one expected, in constant time. */
export function sameSecret(sent: string | undefined, expected: string): boolean {
  const a = Buffer.from(sent ?? '');
  const b = Buffer.from(expected);
  return expected !== '' && a.length === b.length && timingSafeEqual(a, b);
}

/** True when the request carries the cookie /co/authenticate set for this ticket. */
export function isBoundToThisBrowser(req: Request, ticket: LoginTicket): boolean {
  return sameSecret(readTenantCookie(req, VERIFIER_COOKIE_PREFIX + ticket.coId), ticket.browserSecret);
}

/**
 * After a ticket is redeemed (or refused): our verifier cookie, and the readable `co/verifier/<origin>/<co_id>`
 * cookie auth0-js left in the app's origin (only a verification page would have read and removed it).
 * The app and the tenant share a host, so its cookies reach the tenant and can be cleared from here.
 */
export function clearVerifierCookies(req: Request, res: Response, config: ResolvedTenantConfig, coId: string): void {
  clearTenantCookie(res, config, VERIFIER_COOKIE_PREFIX + coId, { path: VERIFIER_COOKIE_PATH });
  for (const name of requestCookieNames(req)) {
    if (isAuth0JsVerifierCookie(name, coId)) res.clearCookie(name, { path: '/' });
  }
}

/** js-cookie writes the name percent-encoded: co%2Fverifier%2F<origin, encoded twice>%2F<co_id>. */
function isAuth0JsVerifierCookie(rawName: string, coId: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    return false;
  }
  return name.startsWith('co/verifier/') && name.endsWith(`/${encodeURIComponent(coId)}`);
}
