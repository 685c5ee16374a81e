/** The demo API's settings, from the same environment variables `npm start` uses. */
export interface DemoApiConfig {
  readonly host: string;
  readonly port: number;
  /** Token issuer, with trailing slash, e.g. `http://localhost:3001/`. */
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
    : `http://localhost:${port(env.DEV_TENANT_PORT, 3001, 'DEV_TENANT_PORT')}`;
  const clientId = env.AUTH0_CLIENT_ID || env.DEV_TENANT_CLIENT_ID || 'dev-tenant-client';
  const apiPort = port(env.DEMO_API_PORT, 3002, 'DEMO_API_PORT');
  return {
    host: env.DEMO_API_HOST ?? '127.0.0.1',
    port: apiPort,
    issuer: `${tenantUrl}/`,
    jwksUri: `${tenantUrl}/.well-known/jwks.json`,
    audiences: [clientId, env.DEV_TENANT_API_AUDIENCE ?? `http://localhost:${apiPort}/`],
    allowedOrigins: [`http://localhost:${port(env.PORT, 3000, 'PORT')}`]
  };
}
