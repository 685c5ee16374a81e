// GET /userinfo: the profile behind an access token (opaque, or an API JWT whose audience includes
// <issuer>userinfo), with claims as the token's scope allows, as Auth0 answers it.
import { type RequestHandler, type Response } from 'express';
import { issuerOf, type TenantContext } from './context';
import { sendError } from '../http/errors';
import { admitted } from '../http/rate-limited';
import { profileClaims, scopeSet } from '../crypto/tokens';

/**
 * Auth0's /userinfo refusal: 401 with the plain-text body "Unauthorized", the reason only in
 * WWW-Authenticate, and there as a fixed text (never anything from the request).
 */
function sendUnauthorized(res: Response, challenge: string): void {
  res.status(401).set('WWW-Authenticate', challenge).type('text/plain').send('Unauthorized');
}

const BEARER = /^Bearer ([\w.~+/-]+=*)$/i;

export function userinfo({ config, users, tokens, rateLimits }: TenantContext): RequestHandler {
  return async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const accessToken = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (accessToken === undefined) {
      sendUnauthorized(res, 'Bearer');
      return;
    }
    const grant = await tokens.verifyAccessToken(accessToken);
    const user = typeof grant === 'string' ? undefined : users.findById(grant.userId);
    if (typeof grant === 'string' || user === undefined) {
      sendUnauthorized(
        res,
        `Bearer error="invalid_token", error_description="${grant === 'expired' ? 'The access token expired' : 'Invalid token'}"`
      );
      return;
    }
    // Auth0 limits /userinfo per user: 5 a minute, burst 10.
    if (!admitted(res, rateLimits.userinfo.request(user.userId), sendError)) return;
    res.json({ sub: user.userId, ...profileClaims(user, scopeSet(grant.scope), issuerOf(config)) });
  };
}
