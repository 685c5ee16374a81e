import type { AuthSessionSettings } from '../../settings/auth-session.options';

export type LockOptions = Auth0LockConstructorOptions & {
  overrides?: WebAuthOverrides;
};

/** auth0-js's undocumented `overrides`: where a tenant that is not `https://<domain>/` issues tokens. */
export interface WebAuthOverrides {
  __tenant?: string;
  __token_issuer?: string;
  __jwks_uri?: string;
}

/** The dev tenant's logo, inline: no request for it, and the CSP's `img-src data:` (for Lock's icons) covers it. */
const DEV_TENANT_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="58" height="58" viewBox="0 0 58 58"><circle cx="29" cy="29" r="27" fill="#eb5424"/>' +
    '<path d="M19 30l7 7 14-15" stroke="#fff" stroke-width="5" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>'
)}`;

/**
 * Lock's submit button: its white label on Lock's default orange (#ea5323) has a contrast of 3.6:1,
 * below WCAG AA's 4.5:1; this darker orange has 5.2:1.
 */
export const ACCESSIBLE_PRIMARY_COLOR = '#c2410c';

/**
 * The options given to `lockProvider.init`. Redirect mode, and `autoParseHash: false` so only
 * `lock.interceptHash()` parses the callback (Lock's own parser would race the router's `otherwise`,
 * which rewrites the `#access_token=…` hash).
 */
export function buildLockOptions(settings: AuthSessionSettings): LockOptions {
  const own = settings.lockOptions;
  const options: LockOptions = {
    // No gravatar lookup (a JSONP script sending the md5 of the typed email to gravatar.com):
    // a privacy leak, and the strict CSP blocks it anyway.
    avatar: null,
    ...own,
    theme: { primaryColor: ACCESSIBLE_PRIMARY_COLOR, ...own.theme },
    auth: {
      ...own.auth,
      redirect: true,
      redirectUrl: settings.callbackUrl,
      responseType: 'token id_token',
      params: { scope: 'openid profile email', ...own.auth?.params },
      autoParseHash: false
    }
  };
  if (!settings.devTenant) {
    return options;
  }
  // A tenant on loopback (http, or https in the cross-site mode): Lock must fetch its client configuration and dictionary there
  // (not from Auth0's CDN), and auth0-js must expect its issuer and JWKS.
  return {
    ...options,
    configurationBaseUrl: settings.domain,
    languageBaseUrl: settings.domain,
    overrides: { __tenant: 'dev', __token_issuer: `${settings.domain}/`, __jwks_uri: `${settings.domain}/.well-known/jwks.json` },
    theme: { logo: DEV_TENANT_LOGO, ...options.theme }
  };
}
