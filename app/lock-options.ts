import type { Auth0Settings } from './auth0-settings';
import { callbackUrlFor } from './auth0-settings';
import logoUrl from './logo.svg';

export type LockOptions = Auth0LockConstructorOptions & {
  overrides?: { __tenant?: string; __token_issuer?: string; __jwks_uri?: string };
};

/**
 * The options given to `lockProvider.init`. Redirect mode, and `autoParseHash: false` so only
 * `lock.interceptHash()` parses the callback (Lock's own parser would race ui-router's `otherwise`).
 */
export function buildLockOptions(settings: Auth0Settings, origin: string): LockOptions {
  const options: LockOptions = {
    // No gravatar lookup (a JSONP script sending the md5 of the typed email to gravatar.com):
    // a privacy leak, and the strict CSP blocks it anyway.
    avatar: null,
    auth: {
      redirect: true,
      redirectUrl: callbackUrlFor(settings, origin),
      responseType: 'token id_token',
      params: { scope: 'openid profile email' },
      autoParseHash: false
    }
  };
  return settings.devTenant ? { ...options, ...devTenantOptions(settings.domain) } : options;
}

/**
 * An http:// tenant on loopback: Lock must fetch its client config and dictionary there (not from
 * Auth0's CDN), and auth0-js must expect that issuer and JWKS. No logo or dictionary request
 * leaves the machine.
 */
export function devTenantOptions(tenantUrl: string): LockOptions {
  return {
    configurationBaseUrl: tenantUrl,
    languageBaseUrl: tenantUrl,
    overrides: webAuthOverrides(tenantUrl),
    theme: { logo: logoUrl }
  };
}

export function webAuthOverrides(tenantUrl: string): NonNullable<LockOptions['overrides']> {
  return {
    __tenant: 'dev',
    __token_issuer: `${tenantUrl}/`,
    __jwks_uri: `${tenantUrl}/.well-known/jwks.json`
  };
}
