// Binds a login_ticket to the browser that authenticated, as Auth0's cross-origin authentication
// does: /co/authenticate sets an HttpOnly cookie with a secret, and /authorize redeems the ticket
// only when the same browser sends it back. A ticket carried to another browser (login CSRF) fails.
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ResolvedTenantConfig } from './config';
import { readCookie, requestCookieNames } from './http-helpers';
import { tenantCookieOptions } from './session-cookie';
import { LOGIN_TICKET_TTL_MS, type LoginTicket } from './sessions';

/** One cookie per ticket (named by its co_id), so two tabs logging in at once do not overwrite each other's. */
const VERIFIER_COOKIE_PREFIX = 'auth0_co_';
/** Sent only where it is checked. */
const VERIFIER_COOKIE_PATH = '/authorize';
/** Auth0's answer when the browser cannot prove it authenticated and no verification page is configured. */
export const VERIFICATION_FAILED = { error: 'server_error', description: 'Unable to configure verification page.' } as const;

function verifierOptions(config: ResolvedTenantConfig): ReturnType<typeof tenantCookieOptions> {
  return { ...tenantCookieOptions(config), path: VERIFIER_COOKIE_PATH };
}

export function setVerifierCookie(res: Response, config: ResolvedTenantConfig, ticket: LoginTicket): void {
  res.cookie(VERIFIER_COOKIE_PREFIX + ticket.coId, ticket.browserSecret, { ...verifierOptions(config), maxAge: LOGIN_TICKET_TTL_MS });
}

/** True when the request carries the cookie /co/authenticate set for this ticket. */
export function isBoundToThisBrowser(req: Request, ticket: LoginTicket): boolean {
  const sent = Buffer.from(readCookie(req, VERIFIER_COOKIE_PREFIX + ticket.coId) ?? '');
  const expected = Buffer.from(ticket.browserSecret);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/**
 * After a ticket is redeemed (or refused): our verifier cookie, and the readable `co/verifier/<origin>/<co_id>`
 * cookie auth0-js left in the app's origin (only a verification page would have read and removed it).
 * The app and the tenant share a host, so its cookies reach the tenant and can be cleared from here.
 */
export function clearVerifierCookies(req: Request, res: Response, config: ResolvedTenantConfig, coId: string): void {
  res.clearCookie(VERIFIER_COOKIE_PREFIX + coId, verifierOptions(config));
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
