// Cross-origin authentication: Lock posts the credentials here and gets a login_ticket that the
// following full-page /authorize exchanges for tokens.
import { type RequestHandler } from 'express';
import { DATABASE_CONNECTION } from '../config/config';
import type { TenantContext } from './context';
import { setVerifierCookie } from '../http/co-verifier-cookie';
import { hasAllowedOrigin } from '../http/cors';
import { sendError } from '../http/errors';
import { clientIp, readJsonFields } from '../http/helpers';
import { attemptPasswordLogin } from './password-login';

export const PASSWORD_REALM_GRANT = 'http://auth0.com/oauth/grant-type/password-realm';
const REQUIRED_FIELDS = ['client_id', 'username', 'password', 'realm', 'credential_type'] as const;

export function coAuthenticate(ctx: TenantContext): RequestHandler {
  const { config, tickets } = ctx;
  return async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const body = readJsonFields(req.body, REQUIRED_FIELDS);
    if ('problem' in body) {
      sendError(res, 400, 'invalid_request', body.problem);
      return;
    }
    const { client_id: clientId, username, password, realm, credential_type: credentialType } = body.fields;

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
    const outcome = await attemptPasswordLogin(ctx, username, password, clientIp(req));
    if ('refused' in outcome) {
      sendError(res, outcome.refused.status, outcome.refused.error, outcome.refused.description);
      return;
    }
    const { user } = outcome;
    const issued = tickets.issue(clientId, user.email);
    setVerifierCookie(res, config, issued.ticket);
    res.json(issued.response);
  };
}
