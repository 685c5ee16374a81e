// POST /oauth/revoke: revokes a refresh token's whole family (what auth0-spa-js's logout calls).
import type { RequestHandler } from 'express';
import type { TenantContext } from './context';
import { knownClient, requiredField } from './oauth-errors';

export function revoke(ctx: TenantContext): RequestHandler {
  return (req, res) => {
    res.set('Cache-Control', 'no-store');
    const body: unknown = req.body;
    const clientId = knownClient(ctx, body, res);
    if (clientId === undefined) return;
    const refreshToken = requiredField(body, 'token', res);
    if (refreshToken === undefined) return;
    // RFC 7009 §2.2: an unknown or already revoked token gets the same 200, so the answer reveals nothing.
    ctx.refreshTokens.revoke(refreshToken, clientId);
    res.status(200).end();
  };
}
