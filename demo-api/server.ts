// A protected API for the Ping page: verifies the caller's RS256 JWT (signature via the tenant's
// JWKS, iss, aud, exp) and answers with the caller's `sub`, or 401 with the reason.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { allowListCors } from '../servers/cors';
import { listen } from '../servers/lifecycle';
import type { DemoApiConfig } from './config';

/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function createDemoApi(config: DemoApiConfig, keys: JWTVerifyGetKey): Express {
  const app = express();
  app.disable('x-powered-by');
  // The app's origin only, without credentials (the token travels in the Authorization header). Any
  // OPTIONS gets 204; another origin's without CORS headers, so the browser blocks the call.
  app.use(
    allowListCors({
      allowedOrigins: config.allowedOrigins,
      methods: 'GET',
      allowHeaders: 'Authorization, Content-Type',
      maxAgeSeconds: PREFLIGHT_MAX_AGE_SECONDS,
      preflightHeadersOnEveryResponse: true
    })
  );
  app.get('/api/ping', (req, res, next) => {
    verifyBearer(req.get('authorization'), config, keys).then(
      (sub) => {
        res.json({ message: 'Pong! Your token was verified by the API.', sub });
      },
      (error: unknown) => {
        if (!(error instanceof Unauthorized)) {
          next(error);
          return;
        }
        res.set('WWW-Authenticate', `Bearer error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`);
        res.status(401).json({ error: 'invalid_token', error_description: error.message });
      }
    );
  });
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found', error_description: 'No such endpoint.' });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    console.error('demo API:', error);
    res.status(500).json({ error: 'server_error', error_description: 'The API failed; see its log.' });
  });
  return app;
}

class Unauthorized extends Error {}

async function verifyBearer(header: string | undefined, config: DemoApiConfig, keys: JWTVerifyGetKey): Promise<string> {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  if (!match?.[1]) {
    throw new Unauthorized(header ? 'The Authorization header is not "Bearer <token>".' : 'No Authorization header: log in first.');
  }
  try {
    const { payload } = await jwtVerify(match[1], keys, {
      issuer: config.issuer,
      audience: [...config.audiences],
      algorithms: ['RS256']
    });
    if (!payload.sub) {
      throw new Unauthorized('The token has no subject (sub).');
    }
    return payload.sub;
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof Unauthorized) {
      throw new Unauthorized(reasonFor(error));
    }
    throw error;
  }
}

function reasonFor(error: Error): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not accepted here.`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is invalid.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token was not signed by a key of this tenant.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is not signed with RS256.';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'The token is malformed.';
  return error.message;
}

export interface RunningDemoApi {
  readonly url: string;
  readonly config: DemoApiConfig;
  close(): Promise<void>;
}

export async function startDemoApi(
  config: DemoApiConfig,
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUri))
): Promise<RunningDemoApi> {
  const listening = await listen(config.host, config.port, createDemoApi(config, keys));
  return { url: listening.url, config, close: () => listening.close() };
}
