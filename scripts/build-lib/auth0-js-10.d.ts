// The auth0-js types the package's typings name (Lock's callbacks, and `lock.authorize`), as
// auth0-js 10, which the package bundles, has them: auth0-js ships no typings, and @types/auth0-js
// describes version 9. Written from auth0-js 10's source (paths below are in its package); build-lib
// copies this file to dist-lib/esm/types/auth0-js.d.ts and points the typings' `auth0.X` at it.

/** An error as auth0-js hands it to a callback: src/helper/response-handler.js (the tenant's answers) and src/helper/error.js (its own checks). */
export interface Auth0Error {
  /** Its own checks' code, e.g. `invalid_token`; for the tenant's answers, set only with `forceLegacyError`. */
  error?: string;
  errorDescription?: string;
  error_description?: string;
  /** The tenant's error code, e.g. `login_required`, `access_denied`. */
  code?: string | null;
  description?: string | null;
  name?: string;
  policy?: string;
  statusCode?: number;
  statusText?: string;
  errorDetails?: { codes: unknown; details: unknown };
  /** What the request failed with, its password masked. */
  original?: unknown;
}

/** The tenant's /userinfo answer (src/authentication/index.js, `userInfo`): OpenID Connect's standard claims, and any others. */
export interface Auth0UserProfile {
  sub: string;
  name?: string;
  nickname?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
  email?: string;
  email_verified?: boolean;
  locale?: string;
  updated_at?: string;
  [claim: string]: unknown;
}

/** `WebAuth.authorize`'s options (src/web-auth/index.js): the parameters it sends to the tenant's /authorize. */
export interface AuthorizeOptions {
  clientID?: string;
  redirectUri?: string;
  responseType?: string;
  responseMode?: string;
  state?: string;
  nonce?: string;
  scope?: string;
  audience?: string;
  connection?: string;
  organization?: string;
  invitation?: string;
  prompt?: string;
  login_hint?: string;
  screen_hint?: string;
  language?: string;
  appState?: unknown;
  /** Any other parameter is passed on to /authorize as it is. */
  [parameter: string]: unknown;
}
