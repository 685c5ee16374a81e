import type { AuthSessionOptions, LockFetch, LockOptions, LoginMode } from '../components/auth';
import appLogo from './logo.svg';

/**
 * The sample's settings, baked in at build time by webpack.config.js from the environment (read and
 * checked by app/build-settings.ts): the tutorial's auth0-variables.js. The app only hands them to
 * `authSessionProvider.configure()` and the Ping page.
 */
export interface BuildSettings {
  /** Tenant host, e.g. `example.eu.auth0.com` (a custom domain too), or the dev tenant's `http://localhost:3001`. */
  readonly domain: string;
  readonly clientID: string;
  /** Empty means "the page's origin plus /", the module's default. */
  readonly callbackUrl: string;
  /** The API the Ping page calls; only its exact origin receives the id_token. Empty: no API (a real tenant without API_URL). */
  readonly apiUrl: string;
  readonly silentRenewal: boolean;
  /** When a logged-out visitor's page fetches Lock (AUTH0_LOCK_FETCH): `idle` (default), `intent` or `click`. */
  readonly lockFetch: LockFetch;
  /** How users log in (AUTH0_LOGIN_MODE): `lock` (default) or `universal`. */
  readonly loginMode: LoginMode;
  /** Universal mode's API identifier (AUTH0_AUDIENCE): the API then gets an access token. Empty: the id_token. */
  readonly audience: string;
  /** True when AUTH0_DOMAIN was unset: the local dev tenant (the CSP depends on it too). */
  readonly devTenant: boolean;
  /** With a custom domain: the tenant's name (AUTH0_TENANT), Lock's `overrides.__tenant`. Empty otherwise. */
  readonly tenant: string;
  /** With a custom domain: the CDN of the tenant's region (AUTH0_CONFIGURATION_BASE_URL), where Lock fetches the client configuration. */
  readonly configurationBaseUrl: string;
}

declare const __AUTH0_SETTINGS__: BuildSettings;

export const buildSettings: BuildSettings = __AUTH0_SETTINGS__;

export function sessionOptionsFrom(settings: BuildSettings): AuthSessionOptions {
  return {
    domain: settings.domain,
    clientID: settings.clientID,
    ...(settings.callbackUrl ? { callbackUrl: settings.callbackUrl } : {}),
    apiOrigins: settings.apiUrl ? [new URL(settings.apiUrl).origin] : [],
    silentRenewal: settings.silentRenewal,
    lockFetch: settings.lockFetch,
    loginMode: settings.loginMode,
    ...(settings.audience ? { audience: settings.audience } : {}),
    ...(settings.devTenant ? {} : { lockOptions: realTenantLockOptions(settings) })
  };
}

/**
 * Lock's default logo is protocol-relative (`//cdn.auth0.com/…/badge.png`): on http://localhost it
 * loads over http:// and the CSP's img-src refuses it. The app's own logo is same-origin on either
 * scheme, needs no CDN in the CSP, and tells no CDN who opened Lock.
 * A custom domain serves the tenant, but Lock's client configuration lives on the region's CDN:
 * Auth0's "Configure Features to Use Custom Domains" asks for `configurationBaseUrl` and `overrides`.
 */
function realTenantLockOptions(settings: BuildSettings): LockOptions {
  return {
    theme: { logo: appLogo },
    ...(settings.configurationBaseUrl
      ? {
          configurationBaseUrl: settings.configurationBaseUrl,
          overrides: { __tenant: settings.tenant, __token_issuer: `https://${settings.domain}/` }
        }
      : {})
  };
}
