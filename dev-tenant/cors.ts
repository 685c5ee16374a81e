// CORS for the endpoints auth0-js calls with fetch/XHR: only the configured web origins, never "*",
// because /co/authenticate is called with credentials.
import type { RequestHandler } from 'express';
import { sendError } from './errors';

/** Chrome caps preflight caching at 2 hours anyway. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;
/** A header-name list like "auth0-client, content-type"; anything else is not echoed. */
const HEADER_LIST = /^[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*$/;

/**
 * Adds CORS headers for allowed origins and answers preflights (OPTIONS) itself.
 * A disallowed origin gets no CORS headers, so the browser blocks the response.
 */
export function cors(allowedOrigins: readonly string[], methods: string): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    const isAllowed = origin !== undefined && allowed.has(origin);
    if (isAllowed) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    if (!isAllowed) {
      sendError(res, 403, 'unauthorized_client', 'Origin not allowed: add it to DEV_TENANT_WEB_ORIGINS.');
      return;
    }
    res.set('Access-Control-Allow-Methods', methods);
    const requested = req.headers['access-control-request-headers'];
    if (requested !== undefined && HEADER_LIST.test(requested)) res.set('Access-Control-Allow-Headers', requested);
    res.set('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    res.status(204).end();
  };
}

/** True when the request carries an Origin header from the allow-list. */
export function hasAllowedOrigin(origin: string | undefined, allowedOrigins: readonly string[]): boolean {
  return origin !== undefined && allowedOrigins.includes(origin);
}
