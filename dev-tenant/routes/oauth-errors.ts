// The /oauth/token and /oauth/revoke refusals, in Auth0's words and statuses (dev-tenant/README.md's parity table).
import type { Response } from 'express';
import { sendError } from '../http/errors';
import { bodyField } from '../http/helpers';
import type { TenantContext } from './context';

/** Auth0's answer for an unknown, expired, revoked or reused refresh token (community.auth0.com/t/120406): 403. */
export const INVALID_REFRESH_TOKEN = 'Unknown or invalid refresh token.';
/** Auth0's answer for a bad, used or expired code (community.auth0.com/t/73029): 403. */
export const INVALID_CODE = 'Invalid authorization code';
/** A code_verifier that does not match the code's challenge. */
export const PKCE_FAILED = 'Failed to verify code verifier';

export function sendInvalidGrant(res: Response, description: string): void {
  sendError(res, 403, 'invalid_grant', description);
}

/**
 * The request's client_id when it is the tenant's client; otherwise answers (a missing one
 * invalid_request, an unknown one unauthorized_client, as /co/authenticate does) and returns undefined.
 */
export function knownClient(ctx: TenantContext, body: unknown, res: Response): string | undefined {
  const clientId = bodyField(body, 'client_id');
  if (clientId === undefined) sendError(res, 400, 'invalid_request', 'Missing required parameter: client_id');
  else if (clientId !== ctx.config.clientId) sendError(res, 403, 'unauthorized_client', `Unknown client: ${clientId}`);
  else return clientId;
  return undefined;
}

/** The required field, or undefined after answering invalid_request. */
export function requiredField(body: unknown, name: string, res: Response): string | undefined {
  const value = bodyField(body, name);
  if (value === undefined) sendError(res, 400, 'invalid_request', `Missing required parameter: ${name}`);
  return value;
}
