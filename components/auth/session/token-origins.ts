import type { LoginEngine } from '../engines/login-engine';
import type { AuthSessionSettings } from '../settings/auth-session.options';
import type { StoredSession } from './stored-session';

/**
 * Which requests may carry the id_token. angular-jwt 0.1.11's whiteListedDomains matches the
 * hostname only (any scheme, any port): `localhost` would hand the token to every local server.
 * This allows exact origins (scheme + host + port) and never template (.html) requests.
 */
export function mayCarryToken(url: string, allowedOrigins: readonly string[], pageOrigin: string): boolean {
  let target: URL;
  try {
    target = new URL(url, pageOrigin);
  } catch {
    return false;
  }
  if (target.pathname.endsWith('.html')) {
    return false;
  }
  return allowedOrigins.includes(target.origin);
}

/** angular-jwt's first, hostname-only gate must let these through for mayCarryToken to decide. */
export function hostnamesOf(origins: readonly string[]): string[] {
  return [...new Set(origins.map((origin) => new URL(origin).hostname))];
}

/**
 * angular-jwt's tokenGetter: the sample's (no token on template requests), narrowed to the exact
 * API origins and to a session that is still usable. Called without `options` by authManager
 * itself, which gets the usable id_token. An API request gets the access token for the configured
 * `audience` where there is one (universal mode, as Auth0 advises), else the id_token as in the tutorial.
 */
function tokenForRequest(
  options: { url: string } | null | undefined,
  settings: AuthSessionSettings,
  storedSession: StoredSession,
  $window: angular.IWindowService,
  $injector: angular.auto.IInjectorService
): string | null | angular.IPromise<string | null> {
  if (options && !mayCarryToken(options.url, settings.apiOrigins, $window.location.origin)) {
    return null;
  }
  const idToken = storedSession.token();
  if (!options || idToken === null) {
    return idToken;
  }
  // Looked up here, not injected: the interceptor's getter must not build the engine at boot.
  return $injector.get<LoginEngine>('loginEngine').apiAccessToken() ?? idToken;
}

export const apiTokenGetter = ['options', 'authSession', 'storedSession', '$window', '$injector', tokenForRequest] as const;
