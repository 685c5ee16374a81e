/**
 * auth0-js on demand: a visitor who only reads the page never downloads it. It is needed for a
 * callback hash (`lock.interceptHash()`), a renewal, a logout, or Lock itself; each of those
 * asks the loader, and the chunk is fetched once.
 */
import type * as auth0 from 'auth0-js';

export type WebAuthConstructor = new (options: auth0.AuthOptions) => auth0.WebAuth;
export type WebAuthLoader = () => Promise<WebAuthConstructor>;

/** What an auth0-js callback gets when auth0-js itself could not be loaded: the shape login-error.ts reads. */
export function loadFailure(error: unknown): auth0.Auth0Error {
  const description = error instanceof Error ? error.message : String(error);
  return { error: 'auth0_js_unavailable', errorDescription: `auth0-js could not be loaded: ${description}` };
}
