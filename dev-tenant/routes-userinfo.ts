// GET /userinfo: the profile behind an access token (opaque, or an API JWT whose audience includes
// <issuer>userinfo), with claims as the token's scope allows, as Auth0 answers it.
import { Router } from 'express';
import { issuerOf, type TenantContext } from './context';
import { cors } from './cors';
import { sendError } from './errors';
import { takeRequest, TOO_MANY_REQUESTS } from './rate-limit';
import { profileClaims, scopeSet } from './tokens';

const BEARER = /^Bearer ([\w.~+/-]+=*)$/i;

export function userinfoRoutes({ config, users, tokens, rateLimits, now }: TenantContext): Router {
  const router = Router();
  router.use('/userinfo', cors(config.webOrigins, 'GET'));
  router.get('/userinfo', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const accessToken = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (accessToken === undefined) {
      res.set('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'invalid_request', 'Missing access token: send "Authorization: Bearer <access_token>".');
      return;
    }
    const grant = await tokens.verifyAccessToken(accessToken);
    const user = grant === undefined ? undefined : users.findById(grant.userId);
    if (grant === undefined || user === undefined) {
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      sendError(res, 401, 'invalid_token', 'The access token is invalid, expired or not meant for /userinfo.');
      return;
    }
    // Auth0 limits /userinfo per user: 5 a minute, burst 10.
    if (!takeRequest(rateLimits.userinfo, user.userId, res, now)) {
      sendError(res, 429, 'too_many_requests', TOO_MANY_REQUESTS);
      return;
    }
    res.json({ sub: user.userId, ...profileClaims(user, scopeSet(grant.scope), issuerOf(config)) });
  });
  return router;
}
