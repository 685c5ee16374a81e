/**
 * auth0-spa-js (Auth0's SPA SDK) for universal mode: PKCE, the code exchange, the id_token check,
 * rotating refresh tokens and its cross-tab lock are all its own. It is a chunk of its own,
 * fetched where universal mode needs it: a Lock-mode page never downloads it.
 */
import type { Auth0Client, Auth0ClientOptions } from '@auth0/auth0-spa-js';
import { RENEWAL_TIMEOUT_MS } from '../../renewal/renewal-timing';
import type { AuthSessionSettings } from '../../settings/auth-session.options';
import { loadOnce } from '../load-once';

export type SpaClient = Pick<
  Auth0Client,
  'loginWithRedirect' | 'handleRedirectCallback' | 'getIdTokenClaims' | 'getTokenSilently' | 'revokeRefreshToken' | 'logout'
>;
/** The one client, built on first use; a failed chunk load is tried again by the next caller. */
export type SpaClientLoader = () => Promise<SpaClient>;

export function spaClientOptions(settings: AuthSessionSettings): Auth0ClientOptions {
  return {
    // A bare host gets https:// from the SDK; the dev tenant's URL is kept as given, and so is its issuer (`<url>/`).
    domain: settings.domain,
    clientId: settings.clientID,
    authorizationParams: {
      redirect_uri: settings.callbackUrl,
      scope: 'openid profile email',
      ...(settings.audience === undefined ? {} : { audience: settings.audience })
    },
    // Renewal through /oauth/token with a rotating refresh token, never through an iframe (which
    // needs the tenant's cookie on another site: refused by Safari and third-party-cookie blocking).
    useRefreshTokens: true,
    useRefreshTokensFallback: false,
    // The tutorial keeps the session in localStorage: a reload and the other tabs share it. Memory is
    // a custom cache (createSpaClientLoader): the SDK's own memory cache runs a blob: worker, which a strict CSP refuses.
    cacheLocation: 'localstorage',
    httpTimeoutInSeconds: RENEWAL_TIMEOUT_MS / 1000
  };
}

/** The `spaClient` factory: a loader of the client built from the injected settings. */
export function createSpaClientLoader(settings: AuthSessionSettings): SpaClientLoader {
  return loadOnce(() =>
    // Lazy even in the bench's eager build (dynamicImportMode 'eager'), whose baseline is Lock's alone.
    import(/* webpackChunkName: "auth0-spa-js", webpackMode: "lazy" */ '@auth0/auth0-spa-js').then(
      ({ Auth0Client: Client, InMemoryCache }) =>
        new Client({
          ...spaClientOptions(settings),
          ...(settings.tokenStorage === 'memory' ? { cache: new InMemoryCache().enclosedCache } : {})
        })
    )
  );
}
createSpaClientLoader.$inject = ['authSession'];
