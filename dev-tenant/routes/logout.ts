// GET /v2/logout: ends the tenant's SSO session, then returns to the app if returnTo is allowed.
import { type RequestHandler } from 'express';
import type { TenantContext } from './context';
import { sendError } from '../http/errors';
import { sendPage } from '../http/html-page';
import { queryParam } from '../http/helpers';
import { clearSessionCookie, sessionIdFrom } from '../http/session-cookie';

export function logout({ config, sessions }: TenantContext): RequestHandler {
  return (req, res) => {
    res.set('Cache-Control', 'no-store');
    const clientId = queryParam(req, 'client_id');
    if (clientId !== undefined && clientId !== config.clientId) {
      sendError(res, 400, 'invalid_request', `Unknown client: ${clientId}`);
      return;
    }
    const returnTo = queryParam(req, 'returnTo');
    // Checked before anything changes: a refused logout leaves the session as it was, and never redirects.
    if (returnTo !== undefined && !config.logoutUrls.includes(returnTo)) {
      // Auth0's tenant error page, as HTML: the request's URL is not echoed.
      sendPage(
        res,
        400,
        'invalid_request',
        '<p>The &ldquo;returnTo&rdquo; querystring parameter is not defined as a valid URL in &ldquo;Allowed Logout URLs&rdquo;.</p>\n' +
          '<p>Add it to the dev tenant&rsquo;s DEV_TENANT_LOGOUT_URLS.</p>'
      );
      return;
    }
    const sessionId = sessionIdFrom(req);
    if (sessionId !== undefined) sessions.destroy(sessionId);
    clearSessionCookie(res, config);
    // Auth0: with client_id and no returnTo, back to the client's first Allowed Logout URL.
    const target = returnTo ?? (clientId === undefined ? undefined : config.logoutUrls.at(0));
    if (target === undefined) {
      sendPage(res, 200, 'Logged out', '<p>You are logged out of the dev tenant.</p>');
      return;
    }
    res.redirect(302, target);
  };
}
