// GET /authorize. The implicit flow (Lock): exchanges a login_ticket (after /co/authenticate) or the
// SSO session cookie for tokens, delivered in the redirect fragment or by web_message. The code flow
// (response_type=code, auth0-spa-js) is authorize-code.ts.
import { type RequestHandler, type Request, type Response } from 'express';
import { DATABASE_CONNECTION } from '../config/config';
import { checkTicketCameBack, sendVerificationPage } from './co-verification';
import { clearVerifierCookies } from '../http/co-verifier-cookie';
import type { TenantContext } from './context';
import { sendError } from '../http/errors';
import { originOf, queryParam } from '../http/helpers';
import { allowedCallback, apiAudience, needsConsent, webMessageRefusal } from './authorize-request';
import { authorizeCode, LOGIN_REQUIRED } from './authorize-code';
import { currentSession, startSession } from './sso-session';
import { sendWebMessage } from '../http/web-message';
import { USER_BLOCKED } from './password-login';

type Params = Record<string, string>;
const RESPONSE_TYPES = new Set(['token', 'id_token']);

export function authorize(ctx: TenantContext): RequestHandler {
  return async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const callback = allowedCallback(ctx, req, res);
    if (callback === undefined) return;
    if (queryParam(req, 'response_type') === 'code') {
      authorizeCode(ctx, req, res, callback);
      return;
    }
    const { clientId, redirectUri } = callback;
    const responseMode = queryParam(req, 'response_mode');
    const webMessage = responseMode === 'web_message';
    const targetOrigin = originOf(redirectUri);
    const webOriginRefused = webMessage ? webMessageRefusal(ctx, redirectUri) : undefined;
    if (webOriginRefused !== undefined) {
      sendError(res, 400, 'invalid_request', webOriginRefused);
      return;
    }
    const state = queryParam(req, 'state');
    const reply = (params: Params): void => {
      const response = state === undefined ? params : { ...params, state };
      if (webMessage && targetOrigin !== undefined) sendWebMessage(res, targetOrigin, response);
      else res.redirect(302, `${redirectUri}#${encodeFragment(response)}`);
    };
    const fail = (error: string, description: string): void => {
      reply({ error, error_description: description });
    };

    if (responseMode !== undefined && responseMode !== 'fragment' && responseMode !== 'web_message') {
      fail('unsupported_response_mode', `Unsupported response_mode: ${responseMode}`);
      return;
    }
    const responseTypes = parseResponseType(queryParam(req, 'response_type'));
    if (responseTypes === undefined) {
      fail('unsupported_response_type', 'response_type must be "token", "id_token" or "token id_token".');
      return;
    }
    const nonce = queryParam(req, 'nonce');
    if (responseTypes.has('id_token') && (nonce === undefined || nonce === '')) {
      fail('invalid_request', 'Nonce is required for the id_token response type.');
      return;
    }
    const connection = queryParam(req, 'connection') ?? queryParam(req, 'realm');
    if (connection !== undefined && connection !== DATABASE_CONNECTION) {
      fail('invalid_request', `Unknown connection: this tenant has only ${DATABASE_CONNECTION}.`);
      return;
    }
    const audience = apiAudience(ctx, queryParam(req, 'audience'));
    if (audience.kind === 'unknown') {
      fail('access_denied', `Service not found: ${audience.audience}`);
      return;
    }

    const login = authenticate(ctx, req, res, clientId);
    if (login.kind === 'ask_fallback') {
      sendVerificationPage(res, ctx, req, login.coId, redirectUri);
      return;
    }
    if (login.kind === 'fallback_refused') {
      fail('invalid_request', login.error);
      return;
    }
    const user = login.kind === 'user' ? ctx.users.findByEmail(login.email) : undefined;
    if (login.kind !== 'user' || user === undefined) {
      if (login.kind === 'ticket_refused')
        fail('access_denied', 'The login ticket is invalid, expired or already used. Please log in again.');
      else fail('login_required', LOGIN_REQUIRED);
      return;
    }
    // Auth0 redirects a blocked user back with this error, also from a session opened before the block.
    if (user.blocked) {
      fail('unauthorized', USER_BLOCKED);
      return;
    }
    if (needsConsent(req, audience.api, redirectUri)) {
      fail('consent_required', 'Consent required');
      return;
    }
    const scope = queryParam(req, 'scope') ?? 'openid';
    const params: Params = {};
    let accessToken: string | undefined;
    if (responseTypes.has('token')) {
      const issued = await ctx.tokens.issueAccessToken({ userId: user.userId, clientId, scope }, audience.api);
      accessToken = issued.accessToken;
      Object.assign(params, { access_token: accessToken, scope, expires_in: String(issued.expiresIn), token_type: 'Bearer' });
    }
    if (responseTypes.has('id_token')) {
      params.id_token = await ctx.tokens.issueIdToken(user, { clientId, nonce, scope, sid: login.sid, accessToken });
    }
    reply(params);
  };
}

type Login =
  | { kind: 'user'; email: string; sid: string }
  | { kind: 'ticket_refused' }
  | { kind: 'login_required' }
  | { kind: 'ask_fallback'; coId: string }
  | { kind: 'fallback_refused'; error: string };

/**
 * Who is logging in: the user behind a login_ticket (who then gets a new SSO session), else the user
 * of the current SSO session, as Auth0 does. prompt=login refuses the session: Lock's flow has no login page here.
 */
function authenticate(ctx: TenantContext, req: Request, res: Response, clientId: string): Login {
  const loginTicket = queryParam(req, 'login_ticket');
  if (loginTicket !== undefined) {
    const check = checkTicketCameBack(ctx, req, loginTicket);
    if (check.kind === 'ask_fallback') return check;
    const ticket = ctx.tickets.consume(loginTicket, clientId);
    if (ticket !== undefined) clearVerifierCookies(req, res, ctx.config, ticket.coId);
    // Carried to a browser that cannot prove it authenticated (login CSRF, or a fallback page with no
    // verifier): refused, and this browser's own session is left as it was.
    if (check.kind === 'refused') return { kind: 'fallback_refused', error: check.error };
    if (ticket === undefined) return { kind: 'ticket_refused' };
    return { kind: 'user', ...startSession(ctx, req, res, ticket.email) };
  }
  if (queryParam(req, 'prompt') === 'login') return { kind: 'login_required' };
  const session = currentSession(ctx, req, res);
  return session === undefined ? { kind: 'login_required' } : { kind: 'user', ...session };
}

/** "token", "id_token" or both, in any order, each at most once; anything else is unsupported. */
function parseResponseType(value: string | undefined): ReadonlySet<string> | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(' ').filter((part) => part !== '');
  const types = new Set(parts);
  if (parts.length === 0 || types.size !== parts.length || parts.some((part) => !RESPONSE_TYPES.has(part))) return undefined;
  return types;
}

// encodeURIComponent (not URLSearchParams) so spaces become %20, as in Auth0's own fragments.
function encodeFragment(params: Params): string {
  return Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}
