// Which page a login ticket comes back from. Cookies do not separate ports: a page on any other
// localhost (or 127.0.0.1) port can plant the tenant's cookies, the ticket's binding cookie and the
// verification page's included, with values from its own /co/authenticate, then send the victim to
// /authorize (login CSRF by cookie tossing). Real Auth0 is spared this by owning its domain; here the
// headers only the browser writes are what a sibling origin cannot forge, and they name the port:
// - the Referer of the navigation to /authorize: only a page of the app (an allowed web origin,
//   which sends its origin: `Referrer-Policy: strict-origin`) or the tenant's own verification page;
// - the Origin of the post to /co/verify: only the verification page, on the tenant's origin.
import type { Request } from 'express';
import type { ResolvedTenantConfig } from '../config/config';
import { originOf } from './helpers';
import type { LoginTicket } from '../stores/login-tickets';

/** What /authorize answers (as invalid_request) for a ticket brought back by any other page. */
export const FOREIGN_TICKET_ARRIVAL =
  'The login ticket did not come back from the page it was issued to: the dev tenant redeems it only when ' +
  '/authorize is opened by an origin in DEV_TENANT_WEB_ORIGINS, named by the Referer header (the app must not ' +
  'send Referrer-Policy: no-referrer), or by its own verification page.';

/** For the verification page and its form's redirect back to /authorize: the Referer goes to the tenant only. */
export const VERIFICATION_REFERRER_POLICY = 'same-origin';

/** A ticket's first arrival comes from the app; once the fallback verified it, from the verification page. */
export function cameFromTicketPage(req: Request, config: ResolvedTenantConfig, ticket: LoginTicket): boolean {
  const referrer = req.headers.referer;
  const from = referrer === undefined ? undefined : originOf(referrer);
  if (from === undefined) return false;
  return ticket.fallback === undefined ? config.webOrigins.includes(from) : from === originOf(config.publicUrl);
}

/** A post from the tenant's own page: browsers send Origin on every cross-origin post, so another page's says so. */
export function postedByTenantPage(req: Request, config: ResolvedTenantConfig): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === originOf(config.publicUrl);
}
