// Cross-origin authentication: Lock posts the credentials here and gets a login_ticket that the
// following full-page /authorize exchanges for tokens.
import express, { Router } from 'express';
import { DATABASE_CONNECTION } from './config';
import type { TenantContext } from './context';
import { cors, hasAllowedOrigin } from './cors';
import { sendError } from './errors';

export const PASSWORD_REALM_GRANT = 'http://auth0.com/oauth/grant-type/password-realm';
/** Credentials are tiny; a small limit keeps hostile bodies cheap. */
const BODY_LIMIT = '10kb';
const REQUIRED_FIELDS = ['client_id', 'username', 'password', 'realm', 'credential_type'] as const;

export function crossOriginRoutes({ config, users, tickets }: TenantContext): Router {
  const router = Router();
  router.use('/co/authenticate', cors(config.webOrigins, 'POST'));
  router.post('/co/authenticate', express.json({ limit: BODY_LIMIT }), (req, res) => {
    res.set('Cache-Control', 'no-store');
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendError(res, 400, 'invalid_request', 'The request body must be a JSON object.');
      return;
    }
    const fields = body as Record<string, unknown>;
    for (const name of REQUIRED_FIELDS) {
      const value = fields[name];
      if (typeof value !== 'string' || value === '') {
        sendError(res, 400, 'invalid_request', `Missing required parameter: ${name}`);
        return;
      }
    }
    const { client_id: clientId, username, password, realm, credential_type: credentialType } =
      fields as Record<(typeof REQUIRED_FIELDS)[number], string>;

    if (clientId !== config.clientId) {
      sendError(res, 403, 'unauthorized_client', 'Unknown client.');
      return;
    }
    // Auth0's answer when the calling page's origin is not one of the client's Allowed Web Origins.
    if (!hasAllowedOrigin(req.headers.origin, config.webOrigins)) {
      sendError(res, 403, 'unauthorized_client', 'Cross origin login not allowed.');
      return;
    }
    if (credentialType !== PASSWORD_REALM_GRANT) {
      sendError(res, 400, 'invalid_request', `Unsupported credential_type: use ${PASSWORD_REALM_GRANT}`);
      return;
    }
    if (realm !== DATABASE_CONNECTION) {
      sendError(res, 400, 'invalid_request', `Unknown realm: this tenant has only ${DATABASE_CONNECTION}`);
      return;
    }
    const user = users.verifyPassword(username, password);
    if (user === undefined) {
      // One message for unknown email and wrong password: no account enumeration (Auth0 does the same).
      sendError(res, 403, 'access_denied', 'Wrong email or password.');
      return;
    }
    res.json(tickets.issue(clientId, user.email));
  });
  return router;
}
