// GET /authorize with response_type=code (auth0-spa-js): the authorization code flow with S256 PKCE.
// With a live SSO session the code is issued straight away (SSO between apps, and prompt=none);
// otherwise the browser goes to the tenant's Universal Login page, /u/login?state=<transaction>.
import type { Request, Response } from 'express';
import { DATABASE_CONNECTION } from '../config/config';
import { queryParam } from '../http/helpers';
import { sendError } from '../http/errors';
import type { PendingAuthorization } from '../stores/login-transactions';
import { apiAudience, needsConsent, webMessageRefusal, type AllowedCallback, type Audience } from './authorize-request';
import { redirectWithCode, redirectWithError } from './code-response';
import type { TenantContext } from './context';
import { USER_BLOCKED } from './password-login';
import { currentSession } from './sso-session';

/** BASE64URL(SHA-256(verifier)): 32 bytes, 43 characters without padding (RFC 7636 §4.2). */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** Auth0 supports only S256 (its Authentication API reference); a missing method means plain (RFC 7636 §4.3). */
export const PLAIN_PKCE_REFUSED = 'code_challenge_method must be S256: plain PKCE is not supported.';
export const LOGIN_REQUIRED = 'Login required';
const RESPONSE_MODES = new Set(['query', 'fragment', 'web_message']);

export function authorizeCode(ctx: TenantContext, req: Request, res: Response, callback: AllowedCallback): void {
  const requestedMode = queryParam(req, 'response_mode') ?? 'query';
  const responseMode = RESPONSE_MODES.has(requestedMode) ? (requestedMode as PendingAuthorization['responseMode']) : 'query';
  const webOriginRefused = responseMode === 'web_message' ? webMessageRefusal(ctx, callback.redirectUri) : undefined;
  if (webOriginRefused !== undefined) {
    sendError(res, 400, 'invalid_request', webOriginRefused);
    return;
  }
  const audience = apiAudience(ctx, queryParam(req, 'audience'));
  const authorization: PendingAuthorization = {
    ...callback,
    responseMode,
    state: queryParam(req, 'state'),
    codeChallenge: queryParam(req, 'code_challenge') ?? '',
    nonce: queryParam(req, 'nonce'),
    scope: queryParam(req, 'scope') ?? 'openid',
    audience: audience.kind === 'known' ? audience.api : undefined
  };
  const fail = (error: string, description: string): void => {
    redirectWithError(res, authorization, error, description);
  };
  const problem = requestProblem(req, authorization, requestedMode, audience);
  if (problem !== undefined) {
    fail(...problem);
    return;
  }
  const prompt = queryParam(req, 'prompt');
  const session = prompt === 'login' ? undefined : currentSession(ctx, req, res);
  const user = session === undefined ? undefined : ctx.users.findByEmail(session.email);
  if (session === undefined || user === undefined) {
    // Silent calls never show a page: web_message only ever comes from a hidden iframe.
    if (prompt === 'none' || responseMode === 'web_message') {
      fail('login_required', LOGIN_REQUIRED);
      return;
    }
    const transaction = ctx.loginTransactions.begin(authorization);
    const screen = queryParam(req, 'screen_hint') === 'signup' && ctx.config.signup ? 'signup' : 'login';
    res.redirect(302, `/u/${screen}?state=${transaction}`);
    return;
  }
  // As the implicit flow: a user blocked after the session opened is sent back with Auth0's error.
  if (user.blocked) fail('unauthorized', USER_BLOCKED);
  else if (needsConsent(req, authorization.audience, authorization.redirectUri)) fail('consent_required', 'Consent required');
  else redirectWithCode(ctx, res, authorization, user, session.sid);
}

/** What is wrong with the request, as the error and description sent back to the app. */
function requestProblem(
  req: Request,
  authorization: PendingAuthorization,
  requestedMode: string,
  audience: Audience
): [error: string, description: string] | undefined {
  if (requestedMode !== authorization.responseMode) return ['unsupported_response_mode', `Unsupported response_mode: ${requestedMode}`];
  if (queryParam(req, 'code_challenge_method') !== 'S256') return ['invalid_request', PLAIN_PKCE_REFUSED];
  if (!S256_CHALLENGE.test(authorization.codeChallenge)) {
    return ['invalid_request', 'code_challenge must be the BASE64URL-encoded SHA-256 of the code_verifier (43 characters).'];
  }
  const connection = queryParam(req, 'connection') ?? queryParam(req, 'realm');
  if (connection !== undefined && connection !== DATABASE_CONNECTION) {
    return ['invalid_request', `Unknown connection: this tenant has only ${DATABASE_CONNECTION}.`];
  }
  if (audience.kind === 'unknown') return ['access_denied', `Service not found: ${audience.audience}`];
  return undefined;
}
