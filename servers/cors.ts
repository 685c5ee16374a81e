// Allow-list CORS for the dev tenant and the demo API: an allowed origin is echoed back, never "*",
// and any other origin gets no CORS headers, so the browser withholds the response.
import cors from 'cors';
import type { RequestHandler } from 'express';

/** A header-name list like "auth0-client, content-type"; anything else is not echoed. */
const HEADER_LIST = /^[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*$/;

export interface CorsPolicy {
  readonly allowedOrigins: readonly string[];
  /** Access-Control-Allow-Methods, e.g. "GET" or "POST". */
  readonly methods: string;
  /** Access-Control-Max-Age: how long a browser may reuse a preflight's answer. */
  readonly maxAgeSeconds: number;
  /** Sends Access-Control-Allow-Credentials: true, for calls that carry cookies. */
  readonly credentials?: boolean;
  /** Access-Control-Allow-Headers. Unset: a preflight's requested list is echoed when it is a list of header names. */
  readonly allowHeaders?: string;
  /** Also sends the methods, max-age and a fixed allowHeaders on the actual responses, not only on preflights. */
  readonly preflightHeadersOnEveryResponse?: boolean;
  /**
   * The setting that lists the allowed origins. Set: a preflight from another origin gets 403
   * {error: "unauthorized_client"} telling to add the origin there. Unset: it gets a bare 204.
   */
  readonly originsSetting?: string;
}

/** True when the request carries an Origin header from the allow-list. */
export function hasAllowedOrigin(origin: string | undefined, allowedOrigins: readonly string[]): boolean {
  return origin !== undefined && allowedOrigins.includes(origin);
}

/**
 * Adds CORS headers for allowed origins and answers their preflights, with the `cors` package;
 * answers other origins' preflights itself, and never lets cors echo a header list unchecked.
 */
export function allowListCors(policy: CorsPolicy): RequestHandler {
  const grant = cors((req, callback) => {
    const requested = req.headers['access-control-request-headers'];
    callback(null, {
      // false: cors adds nothing and hands the request on.
      origin: hasAllowedOrigin(req.headers.origin, policy.allowedOrigins),
      credentials: policy.credentials === true,
      methods: policy.methods,
      allowedHeaders: policy.allowHeaders ?? (requested !== undefined && HEADER_LIST.test(requested) ? requested : []),
      maxAge: policy.maxAgeSeconds
    });
  });
  return (req, res, next) => {
    res.vary('Origin');
    grant(req, res, (error?: unknown) => {
      // cors answered an allowed preflight; what comes here is another origin's, or no preflight.
      if (req.method !== 'OPTIONS' || error) {
        const isAllowed = res.get('Access-Control-Allow-Origin') !== undefined;
        if (isAllowed && policy.preflightHeadersOnEveryResponse === true) {
          res.set({ 'Access-Control-Allow-Methods': policy.methods, 'Access-Control-Max-Age': String(policy.maxAgeSeconds) });
          if (policy.allowHeaders !== undefined) res.set('Access-Control-Allow-Headers', policy.allowHeaders);
        }
        next(error);
      } else if (policy.originsSetting === undefined) {
        res.status(204).end();
      } else {
        const description = `Origin not allowed: add it to ${policy.originsSetting}.`;
        res.status(403).set('Cache-Control', 'no-store').json({ error: 'unauthorized_client', error_description: description });
      }
    });
  };
}
