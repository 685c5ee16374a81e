// Cross-origin authentication: Lock posts the credentials here and gets a login_ticket that the
// following full-page /authorize exchanges for tokens.
import { type RequestHandler } from 'express';
import { DATABASE_CONNECTION } from '../config/config';
import type { TenantContext } from './context';
import { setVerifierCookie } from '../http/co-verifier-cookie';
import { hasAllowedOrigin } from '../http/cors';
import { emailTextProblem } from '../accounts/email-address';
import { sendError } from '../http/errors';
import { clientIp, readJsonFields } from '../http/helpers';
import { sendBreachedPasswordEmail } from './reset';
import { sendUnblockEmail, TOO_MANY_ATTEMPTS } from './unblock';
import { SerialPerKey } from '../limits/serial-per-key';

/** Auth0's answer for a user an admin blocked (Lock shows it as blocked_user). */
export const USER_BLOCKED = 'user is blocked';
/** Auth0's answer on /co/authenticate when breached password detection blocks a login (auth0/docs' /co/authenticate errors). */
export const PASSWORD_LEAKED =
  "This login attempt has been blocked because the password you're using was previously disclosed through a data breach (not in this application).";

/**
 * Auth0's answer (code too_many_attempts) from an IP that suspicious IP throttling stopped; the text of
 * Universal Login's `ip-blocked` message.
 */
export const SUSPICIOUS_IP_THROTTLED =
  'We have detected suspicious login behavior and further attempts will be blocked. Please contact the administrator.';

export const PASSWORD_REALM_GRANT = 'http://auth0.com/oauth/grant-type/password-realm';
const REQUIRED_FIELDS = ['client_id', 'username', 'password', 'realm', 'credential_type'] as const;

export function coAuthenticate(ctx: TenantContext): RequestHandler {
  const { config, users, tickets, bruteForce } = ctx;
  // One password check at a time per IP: a flood cannot queue its hashes in front of another address's login.
  const passwordChecks = new SerialPerKey();
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
    const usernameRefusal = emailTextProblem(username);
    if (usernameRefusal !== undefined) {
      sendError(res, 400, 'invalid_request', `The username ${usernameRefusal}.`);
      return;
    }
    const ip = clientIp(req);
    // Counted before the password is checked: a blocked pair learns nothing, not even from a right password.
    const verdict = bruteForce.beginAttempt(username, ip);
    if (typeof verdict === 'object') {
      if (verdict.firstRefusal) sendUnblockEmail(ctx, username);
      sendError(res, 429, 'too_many_attempts', TOO_MANY_ATTEMPTS);
      return;
    }
    if (verdict === 'throttled') {
      sendError(res, 429, 'too_many_attempts', SUSPICIOUS_IP_THROTTLED);
      return;
    }
    const user = await passwordChecks.run(ip, () => users.verifyPassword(username, password));
    if (user === undefined) {
      // Already counted by beginAttempt. One message for unknown email and wrong password: no account enumeration (as Auth0).
      sendError(res, 403, 'access_denied', 'Wrong email or password.');
      return;
    }
    bruteForce.recordSuccess(username, ip);
    // Checked only after the right password, as Auth0 does: a wrong one still reads "Wrong email or password."
    if (user.blocked) {
      sendError(res, 401, 'unauthorized', USER_BLOCKED);
      return;
    }
    if (config.breachedPasswords.includes(password)) {
      sendBreachedPasswordEmail(ctx, user.email);
      sendError(res, 401, 'password_leaked', PASSWORD_LEAKED);
      return;
    }
    const issued = tickets.issue(clientId, user.email);
    setVerifierCookie(res, config, issued.ticket);
    res.json(issued.response);
  };
}
