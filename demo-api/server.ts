// A protected API for the Ping page: verifies the caller's RS256 JWT (signature via the tenant's
// JWKS, iss, aud, exp, sub, iat) and answers with the caller's `sub`, or 401 with the reason.
import express, { type ErrorRequestHandler, type Express } from 'express';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { allowListCors } from '../servers/cors';
import { listen } from '../servers/lifecycle';
import { logError } from '../servers/log-text';
import type { DemoApiConfig } from './config';

/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;
/** How far in the future `iat` may be: the tenant's and the API's clocks differ a little at most. */
export const IAT_SKEW_SECONDS = 60;

export function createDemoApi(config: DemoApiConfig, keys: JWTVerifyGetKey): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    // Answers carry a caller's identity: never cached, never sniffed into another type.
    res.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    next();
  });
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
  // Express 5 hands a rejected promise to the error handler below: no unhandled rejection.
  app.get('/api/ping', async (req, res) => {
    const result = await verifyBearer(req.get('authorization'), config, keys);
    if (result.kind === 'refused') {
      // Fixed text only: a header built from request content could hold characters Node refuses.
      res.set('WWW-Authenticate', `Bearer error="invalid_token", error_description="${result.reason}"`);
      res.status(401).json({ error: 'invalid_token', error_description: result.reason });
      return;
    }
    res.json({ message: 'Pong! Your token was verified by the API.', sub: result.sub });
  });
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found', error_description: 'No such endpoint.' });
  });
  app.use(demoApiErrorHandler);
  return app;
}

/** Bad input (e.g. an unparsable URL) keeps its 4xx; anything else is a 500, logged, never a crash. */
const demoApiErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: 'invalid_request', error_description: 'The request could not be read.' });
    return;
  }
  logError('demo API:', error);
  res.status(500).json({ error: 'server_error', error_description: 'The API failed; see its log.' });
};

type Verdict = { kind: 'accepted'; sub: string } | { kind: 'refused'; reason: string };

async function verifyBearer(header: string | undefined, config: DemoApiConfig, keys: JWTVerifyGetKey): Promise<Verdict> {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  if (!match?.[1]) {
    return {
      kind: 'refused',
      reason: header ? 'The Authorization header is not "Bearer <token>".' : 'No Authorization header: log in first.'
    };
  }
  try {
    const { payload } = await jwtVerify(match[1], keys, {
      issuer: config.issuer,
      audience: [...config.audiences],
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'sub']
    });
    if (typeof payload.sub !== 'string' || payload.sub === '') return { kind: 'refused', reason: 'The token has no subject (sub).' };
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + IAT_SKEW_SECONDS) {
      return { kind: 'refused', reason: 'The token was issued in the future ("iat").' };
    }
    return { kind: 'accepted', sub: payload.sub };
  } catch (error) {
    // Every JOSE error is the caller's token; the reason is a fixed sentence, never the error's message.
    if (error instanceof errors.JOSEError) return { kind: 'refused', reason: reasonFor(error) };
    throw error;
  }
}

const CLAIM_REASONS: Readonly<Record<string, string>> = {
  iss: 'The token\'s "iss" claim is not accepted here.',
  aud: 'The token\'s "aud" claim is not accepted here.',
  sub: 'The token has no subject (sub).',
  exp: 'The token has no valid expiry ("exp").',
  iat: 'The token\'s "iat" claim is not accepted here.',
  nbf: 'The token is not valid yet ("nbf").'
};

function reasonFor(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return CLAIM_REASONS[error.claim] ?? 'A claim of the token is not accepted here.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is invalid.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token was not signed by a key of this tenant.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is not signed with RS256.';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'The token is malformed.';
  return 'The token could not be verified.';
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
