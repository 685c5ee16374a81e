/** The demo API's settings, from the same environment variables `npm start` uses. */
import { DEFAULTS, localOrigin } from '../config/defaults';

export interface DemoApiConfig {
  readonly host: string;
  readonly port: number;
  /** Token issuer, with trailing slash: the dev tenant's origin plus "/", or the real tenant's. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** Accepted `aud` values: the app's client ID (id_tokens, as the tutorial sends) and the API audience. */
  readonly audiences: readonly string[];
  /** Browser origins allowed to call it (CORS). */
  readonly allowedOrigins: readonly string[];
}

function port(value: string | undefined, fallback: number, name: string): number {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`${name} must be a port number (0-65535), not "${value ?? ''}".`);
  }
  return parsed;
}

export function loadDemoApiConfig(env: NodeJS.ProcessEnv): DemoApiConfig {
  const tenantUrl = env.AUTH0_DOMAIN
    ? (env.AUTH0_DOMAIN.startsWith('http') ? env.AUTH0_DOMAIN : `https://${env.AUTH0_DOMAIN}`).replace(/\/$/, '')
    : localOrigin(port(env.DEV_TENANT_PORT, DEFAULTS.devTenantPort, 'DEV_TENANT_PORT'));
  const clientId = env.AUTH0_CLIENT_ID || env.DEV_TENANT_CLIENT_ID || DEFAULTS.devTenantClientId;
  const apiPort = port(env.DEMO_API_PORT, DEFAULTS.demoApiPort, 'DEMO_API_PORT');
  return {
    host: env.DEMO_API_HOST ?? DEFAULTS.host,
    port: apiPort,
    issuer: `${tenantUrl}/`,
    jwksUri: `${tenantUrl}/.well-known/jwks.json`,
    audiences: [clientId, env.DEV_TENANT_API_AUDIENCE ?? `${localOrigin(apiPort)}/`],
    allowedOrigins: [localOrigin(port(env.PORT, DEFAULTS.appPort, 'PORT'))]
  };
}
