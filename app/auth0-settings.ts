/**
 * Where the app logs in: the tutorial's auth0-variables.js, filled in at build time from the
 * environment by webpack.config.js (AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CALLBACK_URL).
 */
export interface Auth0Settings {
  /** Tenant domain, e.g. `example.eu.auth0.com`, or the dev tenant's `http://localhost:3001`. */
  readonly domain: string;
  readonly clientID: string;
  /** Empty means "the app's own origin", decided in the browser. */
  readonly callbackUrl: string;
  /** Origin of the API the Ping page calls (API_URL; default the demo API, http://localhost:3002). */
  readonly apiUrl: string;
  /** Renew the id_token with `lock.checkSession` before it expires (AUTH0_SILENT_RENEWAL). */
  readonly silentRenewal: boolean;
  /** True when AUTH0_DOMAIN was unset: the app talks to the local dev tenant. */
  readonly devTenant: boolean;
}

declare const __AUTH0_SETTINGS__: Auth0Settings;

export const auth0Settings: Auth0Settings = __AUTH0_SETTINGS__;

/** The URL Lock sends the user back to after logging in. */
export function callbackUrlFor(settings: Auth0Settings, origin: string): string {
  return settings.callbackUrl || `${origin}/`;
}
