// /control/id-tokens: an id_token signed by the tenant's own key with claims of the caller's choosing
// (expired, for another audience, hostile…), so tests and demos need not read the key from its file.
import express, { Router } from 'express';
import { SignJWT, type JWTPayload } from 'jose';
import { issuerOf, type TenantContext } from '../routes/context';
import { SMALL_BODY_LIMIT } from '../http/helpers';
import { requireControlSecret } from './guard';
import { badInput, readBody } from './input';

/** `secret`: the data dir's control secret (secret.ts), which minting needs: it signs with the tenant's key. */
export function controlTokenRoutes(ctx: TenantContext, secret: string): Router {
  const router = Router();
  const guard = requireControlSecret(secret, ctx.config.dataDir);
  router.post('/control/id-tokens', guard, express.json({ limit: SMALL_BODY_LIMIT }), async (req, res) => {
    const { claims = {} } = readBody(req.body, ['claims']);
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw badInput('claims must be a JSON object.');
    const issuedAt = Math.floor(ctx.now() / 1000);
    // What the tenant's own id_tokens have, unless the caller says otherwise.
    const payload: JWTPayload = {
      iss: issuerOf(ctx.config),
      aud: ctx.config.clientId,
      iat: issuedAt,
      exp: issuedAt + ctx.tokens.lifetimes.idTokenTtlSeconds,
      ...(claims as JWTPayload)
    };
    const idToken = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: ctx.signingKey.kid })
      .sign(ctx.signingKey.privateKey);
    res.status(201).json({ id_token: idToken });
  });
  return router;
}
