import type { AuthSessionOptions } from '../components/auth/auth-session.options';

/**
 * The sample's settings, baked in at build time by webpack.config.js from the environment
 * (AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CALLBACK_URL, AUTH0_SILENT_RENEWAL, API_URL): the tutorial's
 * auth0-variables.js. The app only hands them to `authSessionProvider.configure()` and the Ping page.
 */
export interface BuildSettings {
  /** Tenant domain, e.g. `example.eu.auth0.com`, or the dev tenant's `http://localhost:3001`. */
  readonly domain: string;
  readonly clientID: string;
  /** Empty means "the page's origin plus /", the module's default. */
  readonly callbackUrl: string;
  /** The API the Ping page calls; only its exact origin receives the id_token. */
  readonly apiUrl: string;
  readonly silentRenewal: boolean;
  /** True when AUTH0_DOMAIN was unset: the local dev tenant (the CSP depends on it too). */
  readonly devTenant: boolean;
}

declare const __AUTH0_SETTINGS__: BuildSettings;

export const buildSettings: BuildSettings = __AUTH0_SETTINGS__;

export function sessionOptionsFrom(settings: BuildSettings): AuthSessionOptions {
  return {
    domain: settings.domain,
    clientID: settings.clientID,
    ...(settings.callbackUrl ? { callbackUrl: settings.callbackUrl } : {}),
    apiOrigins: [new URL(settings.apiUrl).origin],
    silentRenewal: settings.silentRenewal
  };
}
