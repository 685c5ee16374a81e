// /control/id-tokens: an id_token signed by the tenant's own key with claims of the caller's choosing
// (expired, for another audience, hostile…), so tests and demos need not read the key from its file.
import { type RequestHandler } from 'express';
import { SignJWT, type JWTPayload } from 'jose';
import { issuerOf, type TenantContext } from '../routes/context';
import { badInput, readBody } from './input';

/** Behind requireControlSecret (guard.ts) in the route table: it signs with the tenant's key. */
export function controlIdTokens(ctx: TenantContext): RequestHandler {
  return async (req, res) => {
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
  };
}
