// The dev tenant's CORS for the endpoints auth0-js calls with fetch/XHR: only the configured web
// origins, never "*", because /co/authenticate is called with credentials.
import type { RequestHandler } from 'express';
import { allowListCors } from '../../servers/cors';

export { hasAllowedOrigin } from '../../servers/cors';

/** Chrome caps preflight caching at 2 hours anyway. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * Adds CORS headers for allowed origins and answers preflights (OPTIONS) itself. A disallowed
 * origin gets no CORS headers, and its preflight a 403 saying where to allow it.
 */
export function tenantCors(allowedOrigins: readonly string[], methods: string): RequestHandler {
  return allowListCors({
    allowedOrigins,
    methods,
    maxAgeSeconds: PREFLIGHT_MAX_AGE_SECONDS,
    credentials: true,
    originsSetting: 'DEV_TENANT_WEB_ORIGINS'
  });
}
