// Dev tenant settings, read from environment variables with safe loopback defaults.
// Every invalid value throws an Error naming the variable (or file) so a newcomer can fix it.
import * as path from 'node:path';
import { DEFAULTS, devTenantOrigin, localOrigin } from '../../config/defaults';
import { PASSWORD_POLICIES, type PasswordPolicyName } from '../accounts/password-policy';
import {
  nonEmpty,
  parseBoolean,
  parseChoice,
  parseHttpUrl,
  parseInteger,
  parseOriginList,
  parsePort,
  parseUrlList,
  requireIdleWithinAbsolute
} from './config-parsers';
import { DEFAULT_USER, loadUsersFile, type TenantUser } from './config-users';
import { refreshTokenSettingsFromEnv, type RefreshTokenSettings } from './refresh-token-config';

export { DEFAULT_USER, type TenantUser } from './config-users';

/** Auth0's default `max_attempts` of brute-force protection. */
export const BRUTE_FORCE_THRESHOLD = 10;

/** Auth0's `session_cookie.mode` values. */
export const SESSION_COOKIE_MODES = ['persistent', 'non-persistent'] as const;
export type SessionCookieMode = (typeof SESSION_COOKIE_MODES)[number];

export interface TenantConfig extends RefreshTokenSettings {
  readonly host: string;
  /** 0 lets the OS pick a free port (tests). */
  readonly port: number;
  /** Origin the browser uses to reach the tenant, without trailing slash. Undefined: localOrigin(<actual port>). */
  readonly publicUrl: string | undefined;
  readonly tenantName: string;
  readonly clientId: string;
  readonly callbackUrls: readonly string[];
  readonly webOrigins: readonly string[];
  readonly logoutUrls: readonly string[];
  readonly idTokenTtlSeconds: number;
  readonly accessTokenTtlSeconds: number;
  readonly users: readonly TenantUser[];
  readonly dataDir: string;
  /** The one API whose `audience` gets JWT access tokens. */
  readonly apiAudience: string;
  /** Lock's Sign Up tab and /dbconnections/signup. */
  readonly signup: boolean;
  /** Lock's "Don't remember your password?" link, /dbconnections/change_password and the reset page. */
  readonly forgotPassword: boolean;
  /** Advertised to Lock and enforced on sign-up and password reset. */
  readonly passwordPolicy: PasswordPolicyName;
  /** Auth0's `enable_public_signup_user_exists_error`: sign-up with a taken email answers `user_exists`, not `invalid_signup`. */
  readonly userExistsError: boolean;
  /** Auth0's brute-force protection `max_attempts`: consecutive failures per (user, IP) before a block. */
  readonly bruteForceMaxAttempts: number;
  /** Auth0's breached password detection, with the breached passwords given here instead of Auth0's feed. */
  readonly breachedPasswords: readonly string[];
  /** Auth0's `password_dictionary.dictionary`: passwords refused with PasswordDictionaryError. */
  readonly passwordDictionary: readonly string[];
  /** Auth0's `password_no_personal_info.enable`: passwords containing the name or email refused with PasswordNoUserInfoError. */
  readonly passwordNoPersonalInfo: boolean;
  /** Auth0's tenant `idle_session_lifetime` and `session_lifetime`, in hours. */
  readonly idleSessionLifetimeHours: number;
  readonly sessionLifetimeHours: number;
  /** Auth0's tenant `session_cookie.mode`: a cookie with Max-Age (persistent), or a browser-session cookie. */
  readonly sessionCookieMode: SessionCookieMode;
  /**
   * The browser reaches the tenant on another site than the app (DEV_TENANT_BROWSER_HOST=127.0.0.1, the
   * app on localhost), as it reaches your-tenant.auth0.com: over https (a self-signed certificate for
   * 127.0.0.1 in the data dir), with cookies set as Auth0 sets them.
   */
  readonly crossSite: boolean;
  /** The control API (/control/) and its page at `/`, loopback only (DEV_TENANT_CONTROL=off turns them off). */
  readonly control: boolean;
  /** The client's Cross-Origin Verification Fallback URL (Auth0's `cross_origin_loc`), framed when a login ticket comes back without its cookie. */
  readonly crossOriginLoc: string;
}

/** The loopback names a browser may use for the tenant; the one that is not the app's (localhost) is another site. */
const BROWSER_HOSTS = [DEFAULTS.browserHost, DEFAULTS.crossSiteBrowserHost] as const;

/** The config once the listening port is known: the public URL is then fixed. */
export type ResolvedTenantConfig = Omit<TenantConfig, 'publicUrl'> & { readonly publicUrl: string };

export const DATABASE_CONNECTION = 'Username-Password-Authentication';
/**
 * The most users users.json holds (sign-ups and control API users; config users are not stored).
 * Every change rewrites the file whole, so this cap keeps a sign-up as fast at the cap as with an
 * empty tenant (`npm run bench:signup`); past it sign-up answers too_many_users. Auth0 has no such cap.
 */
export const MAX_STORED_USERS: number = 1000;
/** Auth0's implicit-flow access token lifetime (expires_in=7200). */
const ACCESS_TOKEN_TTL = 7200;
/** Auth0's upper bound for the id_token lifetime (30 days). */
const MAX_ID_TOKEN_TTL = 2592000;
/** Auth0's upper bound for both session lifetimes (100 days, Enterprise). */
const MAX_SESSION_HOURS = 2400;

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfigFromEnv(env: Env = process.env): TenantConfig {
  const port = parsePort('DEV_TENANT_PORT', env.DEV_TENANT_PORT, DEFAULTS.devTenantPort, 0);
  const appOrigin = localOrigin(parsePort('PORT', env.PORT, DEFAULTS.appPort, 1));
  // The demo API's origin with a trailing slash, as the demo API itself expects it (demo-api/config.ts).
  const defaultAudience = `${localOrigin(parsePort('DEMO_API_PORT', env.DEMO_API_PORT, DEFAULTS.demoApiPort, 1))}/`;
  const browserHost = parseChoice('DEV_TENANT_BROWSER_HOST', env.DEV_TENANT_BROWSER_HOST, BROWSER_HOSTS, DEFAULTS.browserHost);
  const callbackUrls = parseUrlList('DEV_TENANT_CALLBACK_URLS', env.DEV_TENANT_CALLBACK_URLS, [`${appOrigin}/`, appOrigin]);
  return {
    host: parseHost(env.DEV_TENANT_HOST),
    port,
    publicUrl: parsePublicUrl(env.DEV_TENANT_PUBLIC_URL, port, browserHost),
    tenantName: 'dev-tenant',
    clientId: parseClientId(env.DEV_TENANT_CLIENT_ID),
    callbackUrls,
    webOrigins: parseOriginList('DEV_TENANT_WEB_ORIGINS', env.DEV_TENANT_WEB_ORIGINS, [appOrigin]),
    logoutUrls: parseUrlList('DEV_TENANT_LOGOUT_URLS', env.DEV_TENANT_LOGOUT_URLS, callbackUrls),
    idTokenTtlSeconds: parseInteger('DEV_TENANT_TOKEN_TTL', env.DEV_TENANT_TOKEN_TTL, DEFAULTS.idTokenTtlSeconds, {
      min: 1,
      max: MAX_ID_TOKEN_TTL,
      what: 'a whole number of seconds'
    }),
    accessTokenTtlSeconds: ACCESS_TOKEN_TTL,
    users: [DEFAULT_USER, ...loadUsersFile(env.DEV_TENANT_USERS)],
    // Resolved from this file, not the working directory, so every start finds the same signing key.
    dataDir: path.resolve(nonEmpty(env.DEV_TENANT_DATA_DIR) ?? path.join(__dirname, '..', '.data')),
    apiAudience: parseAudience(env.DEV_TENANT_API_AUDIENCE, defaultAudience),
    signup: parseBoolean('DEV_TENANT_SIGNUP', env.DEV_TENANT_SIGNUP, true),
    forgotPassword: parseBoolean('DEV_TENANT_FORGOT_PASSWORD', env.DEV_TENANT_FORGOT_PASSWORD, true),
    // Auth0's default for a new database connection.
    passwordPolicy: parseChoice('DEV_TENANT_PASSWORD_POLICY', env.DEV_TENANT_PASSWORD_POLICY, PASSWORD_POLICIES, 'good'),
    ...attackProtectionFromEnv(env),
    ...sessionLifetimesFromEnv(env),
    ...refreshTokenSettingsFromEnv(env),
    crossSite: browserHost !== DEFAULTS.browserHost,
    control: parseBoolean('DEV_TENANT_CONTROL', env.DEV_TENANT_CONTROL, true),
    crossOriginLoc: parseCrossOriginLoc(env.DEV_TENANT_CROSS_ORIGIN_LOC, `${appOrigin}/callback-cross-auth.html`)
  };
}

export function resolvePublicUrl(config: TenantConfig, actualPort: number): ResolvedTenantConfig {
  const browserHost = config.crossSite ? DEFAULTS.crossSiteBrowserHost : DEFAULTS.browserHost;
  return { ...config, port: actualPort, publicUrl: config.publicUrl ?? devTenantOrigin(browserHost, actualPort) };
}

/** Auth0's defaults: brute-force protection on at 10 attempts; breached password detection and the policy options off. */
function attackProtectionFromEnv(env: Env) {
  return {
    userExistsError: parseBoolean('DEV_TENANT_USER_EXISTS_ERROR', env.DEV_TENANT_USER_EXISTS_ERROR, false),
    bruteForceMaxAttempts: parseInteger(
      'DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS',
      env.DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS,
      BRUTE_FORCE_THRESHOLD,
      {
        min: 1,
        max: 100,
        what: 'a whole number of attempts'
      }
    ),
    breachedPasswords: parseWordList(env.DEV_TENANT_BREACHED_PASSWORDS),
    passwordDictionary: parseWordList(env.DEV_TENANT_PASSWORD_DICTIONARY),
    passwordNoPersonalInfo: parseBoolean('DEV_TENANT_PASSWORD_NO_PERSONAL_INFO', env.DEV_TENANT_PASSWORD_NO_PERSONAL_INFO, false)
  };
}

/** Auth0's defaults: 72 hours idle, 168 hours absolute, persistent cookie. The idle limit never outlasts the absolute one. */
function sessionLifetimesFromEnv(env: Env) {
  const hours = { min: 1, max: MAX_SESSION_HOURS, what: 'a whole number of hours' };
  const sessionLifetimeHours = parseInteger('DEV_TENANT_SESSION_LIFETIME', env.DEV_TENANT_SESSION_LIFETIME, 168, hours);
  const idleSessionLifetimeHours = parseInteger('DEV_TENANT_IDLE_SESSION_LIFETIME', env.DEV_TENANT_IDLE_SESSION_LIFETIME, 72, hours);
  requireIdleWithinAbsolute(
    { name: 'DEV_TENANT_IDLE_SESSION_LIFETIME', value: idleSessionLifetimeHours },
    { name: 'DEV_TENANT_SESSION_LIFETIME', value: sessionLifetimeHours }
  );
  const sessionCookieMode = parseChoice(
    'DEV_TENANT_SESSION_COOKIE_MODE',
    env.DEV_TENANT_SESSION_COOKIE_MODE,
    SESSION_COOKIE_MODES,
    'persistent'
  );
  return { sessionLifetimeHours, idleSessionLifetimeHours, sessionCookieMode };
}

/** A comma-separated list of passwords or words, kept exactly (spaces inside included). */
function parseWordList(raw: string | undefined): readonly string[] {
  return (raw ?? '').split(',').filter((word) => word !== '');
}

function parseCrossOriginLoc(raw: string | undefined, fallback: string): string {
  const value = nonEmpty(raw) ?? fallback;
  const url = parseHttpUrl('DEV_TENANT_CROSS_ORIGIN_LOC', value);
  // Framed with "#origin=<tenant>" appended, so it cannot carry a fragment of its own.
  if (url.hash !== '' || value.includes('#')) throw new Error(`DEV_TENANT_CROSS_ORIGIN_LOC must not have a #fragment, got "${value}"`);
  return url.href;
}

function parseHost(raw: string | undefined): string {
  const host = nonEmpty(raw) ?? DEFAULTS.host;
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new Error(`DEV_TENANT_HOST must be a host name or IP address, got "${host}"`);
  return host;
}

function parseClientId(raw: string | undefined): string {
  const clientId = nonEmpty(raw) ?? DEFAULTS.devTenantClientId;
  // It ends up in URL paths and in a served script, so keep it to URL-safe characters.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(clientId)) {
    throw new Error(`DEV_TENANT_CLIENT_ID must be 1-64 letters, digits, "-" or "_", got "${clientId}"`);
  }
  return clientId;
}

function parsePublicUrl(raw: string | undefined, port: number, browserHost: string): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return port === 0 ? undefined : devTenantOrigin(browserHost, port);
  const url = parseHttpUrl('DEV_TENANT_PUBLIC_URL', value);
  // The issuer is "<public URL>/", so only a bare origin keeps iss, jwks_uri and the routes consistent.
  if (value.replace(/\/$/, '') !== url.origin) {
    throw new Error(`DEV_TENANT_PUBLIC_URL must be an origin like ${localOrigin(DEFAULTS.devTenantPort)} (no path), got "${value}"`);
  }
  return url.origin;
}

// Auth0 API identifiers are free-form (URLs by convention); it travels in a query string and the `aud` claim.
function parseAudience(raw: string | undefined, fallback: string): string {
  const audience = nonEmpty(raw) ?? fallback;
  if (!/^[\x21-\x7e]{1,600}$/.test(audience)) {
    throw new Error(`DEV_TENANT_API_AUDIENCE must be 1-600 printable characters without spaces, got "${audience}"`);
  }
  return audience;
}
