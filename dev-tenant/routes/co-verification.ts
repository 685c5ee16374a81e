// Auth0's cross-origin verification, as its /authorize does it: a login ticket from /co/authenticate
// must come back with the cookie /co/authenticate set (http/co-verifier-cookie.ts). A browser that refused that cookie (a third-party
// cookie: Safari, Firefox, Chromium blocking them) gets a page that frames the client's Cross-Origin
// Verification Fallback URL (`cross_origin_loc`) with `#origin=<tenant>`, asks it for the ticket's
// co_verifier (auth0-js's crossOriginVerification() answers from what it stored on the app's origin)
// and posts the answer to /co/verify, which settles the ticket and sends the browser back to /authorize.
// An empty answer ends in Auth0's `invalid_request` "No verifier returned from client.".
// The co_verifier is no secret from whoever called /co/authenticate, so /co/verify takes an answer only
// from the page this browser was shown (a cookie set with the page, echoed by its form, and the tenant's
// Origin): a login-CSRF page that posts the attacker's own verifier from the victim's browser settles
// nothing. Cookies can be planted from another port, so a ticket is redeemed only when the right page
// brought it back (http/ticket-arrival.ts).
import { createHash } from 'node:crypto';
import { type RequestHandler, type Request, type Response } from 'express';
import { isBoundToThisBrowser, sameSecret } from '../http/co-verifier-cookie';
import type { TenantContext } from './context';
import { cameFromTicketPage, FOREIGN_TICKET_ARRIVAL, postedByTenantPage, VERIFICATION_REFERRER_POLICY } from '../http/ticket-arrival';
import { escapeHtml, jsonForScript, originOf, queryParam } from '../http/helpers';
import { clearTenantCookie, readTenantCookie, setTenantCookie } from '../http/session-cookie';
import { randomId } from '../crypto/random-id';
import { LOGIN_TICKET_TTL_MS } from '../stores/login-tickets';

/** Set with the verification page, sent only to /co/verify: the answer comes from that page, in this browser. */
const PAGE_COOKIE = 'auth0_co_page';
const PAGE_COOKIE_SCOPE = { path: '/co/verify' } as const;
/** How long the page waits for the fallback page's answer before posting none (a page that never loads). */
const ANSWER_TIMEOUT_MS = 10_000;

// Static, so the CSP allows exactly this script by hash; the per-request data rides in a JSON data block.
const SCRIPT = [
  '(function () {',
  "  var data = JSON.parse(document.getElementById('co-verification').textContent);",
  '  var form = document.forms[0];',
  '  var sent = false;',
  '  function submit(verifier) {',
  '    if (sent) return;',
  '    sent = true;',
  '    form.elements.verifier.value = verifier;',
  '    form.submit();',
  '  }',
  "  window.addEventListener('message', function (event) {",
  '    if (event.origin !== data.fallbackOrigin || !event.data) return;',
  "    if (event.data.type === 'ready') {",
  "      event.source.postMessage({ type: 'co_verifier_request', request: { id: data.coId } }, data.fallbackOrigin);",
  "    } else if (event.data.type === 'co_verifier_response') {",
  "      submit((event.data.response && event.data.response.verifier) || '');",
  '    }',
  '  });',
  "  var frame = document.createElement('iframe');",
  "  frame.style.display = 'none';",
  '  frame.src = data.fallbackUrl;',
  '  document.body.appendChild(frame);',
  "  setTimeout(function () { submit(''); }, data.timeoutMs);",
  '})();'
].join('\n');
const SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}'`;

/** The `?…` of the request's URL, or nothing. */
function queryStringOf(req: Request): string {
  const start = req.originalUrl.indexOf('?');
  return start === -1 ? '' : req.originalUrl.slice(start);
}

/** What /authorize does with a login ticket: go on, ask the fallback page, or answer the fallback's error. */
export type TicketCheck = { kind: 'go_on' } | { kind: 'ask_fallback'; coId: string } | { kind: 'refused'; error: string };

export function checkTicketCameBack(ctx: TenantContext, req: Request, loginTicket: string): TicketCheck {
  const binding = ctx.tickets.peek(loginTicket);
  // An unknown or expired ticket is refused where it is consumed.
  if (binding === undefined) return { kind: 'go_on' };
  if (binding.fallback?.verified === false) return { kind: 'refused', error: binding.fallback.error };
  // Before any cookie is trusted: another port's page may have planted them all.
  if (!cameFromTicketPage(req, ctx.config, binding)) return { kind: 'refused', error: FOREIGN_TICKET_ARRIVAL };
  if (binding.fallback !== undefined || isBoundToThisBrowser(req, binding)) return { kind: 'go_on' };
  return { kind: 'ask_fallback', coId: binding.coId };
}

/**
 * The page that frames the fallback URL. The form posts to /co/verify with the same query, so the
 * redirect back to /authorize repeats its checks; form-action allows the redirect on to the callback.
 */
export function sendVerificationPage(res: Response, ctx: TenantContext, req: Request, coId: string, redirectUri: string): void {
  const fallbackUrl = new URL(ctx.config.crossOriginLoc);
  const fallbackOrigin = fallbackUrl.origin;
  const query = queryStringOf(req);
  const pageSecret = randomId();
  setTenantCookie(res, ctx.config, PAGE_COOKIE, pageSecret, { ...PAGE_COOKIE_SCOPE, maxAge: LOGIN_TICKET_TTL_MS });
  const data = jsonForScript({
    fallbackUrl: `${fallbackUrl.href}#origin=${encodeURIComponent(ctx.config.publicUrl)}`,
    fallbackOrigin,
    coId,
    timeoutMs: ANSWER_TIMEOUT_MS
  });
  res.set(
    'Content-Security-Policy',
    `default-src 'none'; script-src ${SCRIPT_SOURCE}; frame-src ${fallbackOrigin}; ` +
      `form-action 'self' ${originOf(redirectUri) ?? ''}; frame-ancestors 'none'; base-uri 'none'`
  );
  res.set('Cache-Control', 'no-store');
  res.set('Referrer-Policy', VERIFICATION_REFERRER_POLICY);
  res
    .type('html')
    .send(
      '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Verifying</title></head><body>\n' +
        `<form method="post" action="/co/verify${escapeHtml(query)}"><input type="hidden" name="verifier"><input type="hidden" name="page" value="${pageSecret}"></form>\n` +
        `<script type="application/json" id="co-verification">${data}</script>\n` +
        `<script>${SCRIPT}</script>\n</body></html>\n`
    );
}

/** POST /co/verify?<the /authorize query>: settles the ticket with the fallback's answer, then back to /authorize. */
export function coVerify({ config, tickets }: TenantContext): RequestHandler {
  return (req, res) => {
    const loginTicket = queryParam(req, 'login_ticket');
    const body = req.body as Record<string, unknown> | undefined;
    const verifier = typeof body?.verifier === 'string' ? body.verifier : '';
    const fromOurPage =
      postedByTenantPage(req, config) && sameSecret(readTenantCookie(req, PAGE_COOKIE), typeof body?.page === 'string' ? body.page : '');
    clearTenantCookie(res, config, PAGE_COOKIE, PAGE_COOKIE_SCOPE);
    // A forged post settles the ticket as refused: it is used up, and nobody's session changes.
    if (loginTicket !== undefined) tickets.settleFallback(loginTicket, fromOurPage ? verifier : undefined);
    res.set('Cache-Control', 'no-store');
    // The redirect keeps the page's Referer, which /authorize then asks of a verified ticket.
    res.set('Referrer-Policy', VERIFICATION_REFERRER_POLICY);
    res.redirect(303, `/authorize${queryStringOf(req)}`);
  };
}
