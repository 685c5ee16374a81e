// Refresh token rotation settings, named after Auth0's per-application `refresh_token` settings
// (Management API: token_lifetime, idle_token_lifetime, leeway), with Auth0's defaults.
import { parseInteger, requireIdleWithinAbsolute } from './config-parsers';

/** Auth0's "Configure Refresh Token Expiration": absolute lifetime 2,592,000 s (30 days), at most 31,557,600 s (1 year). */
export const DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS = 2_592_000;
const MAX_REFRESH_TOKEN_LIFETIME_SECONDS = 31_557_600;
/** Auth0's "Configure Refresh Token Expiration": inactivity lifetime 1,296,000 s (15 days). */
export const DEFAULT_REFRESH_TOKEN_IDLE_LIFETIME_SECONDS = 1_296_000;
/** Auth0's "Configure Refresh Token Rotation": the reuse interval is off (0 s) by default. */
export const DEFAULT_REFRESH_TOKEN_LEEWAY_SECONDS = 0;

export interface RefreshTokenSettings {
  /** Auth0's `token_lifetime`: a family's absolute lifetime, from the login; rotation never extends it. */
  readonly refreshTokenLifetimeSeconds: number;
  /** Auth0's `idle_token_lifetime`: a token unused this long expires. */
  readonly refreshTokenIdleLifetimeSeconds: number;
  /** Auth0's `leeway`: how long after a rotation the token it replaced may still be exchanged without reuse detection. */
  readonly refreshTokenLeewaySeconds: number;
}

type Env = Readonly<Record<string, string | undefined>>;

export function refreshTokenSettingsFromEnv(env: Env): RefreshTokenSettings {
  const seconds = { min: 1, max: MAX_REFRESH_TOKEN_LIFETIME_SECONDS, what: 'a whole number of seconds' };
  const refreshTokenLifetimeSeconds = parseInteger(
    'DEV_TENANT_REFRESH_TOKEN_LIFETIME',
    env.DEV_TENANT_REFRESH_TOKEN_LIFETIME,
    DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS,
    seconds
  );
  // Auth0's default idle lifetime is shorter than its default absolute one; a shorter absolute one caps it.
  const refreshTokenIdleLifetimeSeconds = parseInteger(
    'DEV_TENANT_REFRESH_TOKEN_IDLE_LIFETIME',
    env.DEV_TENANT_REFRESH_TOKEN_IDLE_LIFETIME,
    Math.min(DEFAULT_REFRESH_TOKEN_IDLE_LIFETIME_SECONDS, refreshTokenLifetimeSeconds),
    seconds
  );
  requireIdleWithinAbsolute(
    { name: 'DEV_TENANT_REFRESH_TOKEN_IDLE_LIFETIME', value: refreshTokenIdleLifetimeSeconds },
    { name: 'DEV_TENANT_REFRESH_TOKEN_LIFETIME', value: refreshTokenLifetimeSeconds }
  );
  const refreshTokenLeewaySeconds = parseInteger(
    'DEV_TENANT_REFRESH_TOKEN_LEEWAY',
    env.DEV_TENANT_REFRESH_TOKEN_LEEWAY,
    DEFAULT_REFRESH_TOKEN_LEEWAY_SECONDS,
    { min: 0, max: refreshTokenLifetimeSeconds, what: 'a whole number of seconds' }
  );
  return { refreshTokenLifetimeSeconds, refreshTokenIdleLifetimeSeconds, refreshTokenLeewaySeconds };
}
