// Dev tenant settings, read from environment variables with safe loopback defaults.
// Every invalid value throws an Error naming the variable (or file) so a newcomer can fix it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TenantUser {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

export interface TenantConfig {
  readonly host: string;
  /** 0 lets the OS pick a free port (tests). */
  readonly port: number;
  /** Origin the browser uses to reach the tenant, without trailing slash. Undefined: http://localhost:<actual port>. */
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
}

/** The config once the listening port is known: the public URL is then fixed. */
export type ResolvedTenantConfig = Omit<TenantConfig, 'publicUrl'> & { readonly publicUrl: string };

export const DEFAULT_USER: TenantUser = { email: 'dev@example.com', password: 'dev-password', name: 'Dev User' };
export const DATABASE_CONNECTION = 'Username-Password-Authentication';
/** Auth0's default id_token lifetime. */
const DEFAULT_ID_TOKEN_TTL = 36000;
/** Auth0's implicit-flow access token lifetime (expires_in=7200). */
const ACCESS_TOKEN_TTL = 7200;
/** Auth0's upper bound for the id_token lifetime (30 days). */
const MAX_ID_TOKEN_TTL = 2592000;

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfigFromEnv(env: Env = process.env): TenantConfig {
  const port = parsePort('DEV_TENANT_PORT', env.DEV_TENANT_PORT, 3001, 0);
  const appPort = parsePort('PORT', env.PORT, 3000, 1);
  const appOrigin = `http://localhost:${appPort}`;
  const callbackUrls = parseUrlList('DEV_TENANT_CALLBACK_URLS', env.DEV_TENANT_CALLBACK_URLS, [`${appOrigin}/`, appOrigin]);
  return {
    host: parseHost(env.DEV_TENANT_HOST),
    port,
    publicUrl: parsePublicUrl(env.DEV_TENANT_PUBLIC_URL, port),
    tenantName: 'dev-tenant',
    clientId: parseClientId(env.DEV_TENANT_CLIENT_ID),
    callbackUrls,
    webOrigins: parseOriginList('DEV_TENANT_WEB_ORIGINS', env.DEV_TENANT_WEB_ORIGINS, [appOrigin]),
    logoutUrls: parseUrlList('DEV_TENANT_LOGOUT_URLS', env.DEV_TENANT_LOGOUT_URLS, callbackUrls),
    idTokenTtlSeconds: parseTtl(env.DEV_TENANT_TOKEN_TTL),
    accessTokenTtlSeconds: ACCESS_TOKEN_TTL,
    users: [DEFAULT_USER, ...loadUsersFile(env.DEV_TENANT_USERS)],
    // Resolved from this file, not the working directory, so every start finds the same signing key.
    dataDir: path.resolve(nonEmpty(env.DEV_TENANT_DATA_DIR) ?? path.join(__dirname, '.data'))
  };
}

export function resolvePublicUrl(config: TenantConfig, actualPort: number): ResolvedTenantConfig {
  return { ...config, port: actualPort, publicUrl: config.publicUrl ?? `http://localhost:${actualPort}` };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function parsePort(name: string, raw: string | undefined, fallback: number, min: number): number {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < min || port > 65535) {
    throw new Error(`${name} must be a port number between ${min} and 65535, got "${value}"`);
  }
  return port;
}

function parseHost(raw: string | undefined): string {
  const host = nonEmpty(raw) ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new Error(`DEV_TENANT_HOST must be a host name or IP address, got "${host}"`);
  return host;
}

function parseTtl(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return DEFAULT_ID_TOKEN_TTL;
  const ttl = Number(value);
  if (!/^\d+$/.test(value) || ttl < 1 || ttl > MAX_ID_TOKEN_TTL) {
    throw new Error(`DEV_TENANT_TOKEN_TTL must be a whole number of seconds between 1 and ${MAX_ID_TOKEN_TTL}, got "${value}"`);
  }
  return ttl;
}

function parseClientId(raw: string | undefined): string {
  const clientId = nonEmpty(raw) ?? 'dev-tenant-client';
  // It ends up in URL paths and in a served script, so keep it to URL-safe characters.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(clientId)) {
    throw new Error(`DEV_TENANT_CLIENT_ID must be 1-64 letters, digits, "-" or "_", got "${clientId}"`);
  }
  return clientId;
}

function parseHttpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} contains "${value}", which is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} contains "${value}": only http and https URLs are allowed`);
  }
  return url;
}

function parsePublicUrl(raw: string | undefined, port: number): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return port === 0 ? undefined : `http://localhost:${port}`;
  const url = parseHttpUrl('DEV_TENANT_PUBLIC_URL', value);
  // The issuer is "<public URL>/", so only a bare origin keeps iss, jwks_uri and the routes consistent.
  if (value.replace(/\/$/, '') !== url.origin) {
    throw new Error(`DEV_TENANT_PUBLIC_URL must be an origin like http://localhost:3001 (no path), got "${value}"`);
  }
  return url.origin;
}

function splitList(raw: string | undefined): string[] | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function parseUrlList(name: string, raw: string | undefined, fallback: readonly string[]): readonly string[] {
  const items = splitList(raw);
  if (items === undefined) return fallback;
  // Kept exactly as written: redirect targets are compared as exact strings, like Auth0 does.
  for (const item of items) {
    // The tenant appends "#access_token=..." to callback URLs, so they cannot carry a fragment themselves.
    if (parseHttpUrl(name, item).hash !== '' || item.includes('#')) throw new Error(`${name} contains "${item}": URLs must not have a #fragment`);
  }
  return items;
}

function parseOriginList(name: string, raw: string | undefined, fallback: readonly string[]): readonly string[] {
  const items = splitList(raw);
  if (items === undefined) return fallback;
  return items.map((item) => {
    const url = parseHttpUrl(name, item);
    if (item.replace(/\/$/, '') !== url.origin) throw new Error(`${name} contains "${item}", which is not an origin (scheme://host:port)`);
    return url.origin;
  });
}

function loadUsersFile(raw: string | undefined): TenantUser[] {
  const file = nonEmpty(raw);
  if (file === undefined) return [];
  const where = `DEV_TENANT_USERS file ${file}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${where} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`${where} must contain a JSON array of {"email", "password", "name"?}`);
  const seen = new Set([DEFAULT_USER.email]);
  return parsed.map((entry: unknown, index) => {
    const user = parseUser(entry, `${where}, entry ${index}`);
    const key = user.email.toLowerCase();
    if (seen.has(key)) throw new Error(`${where}, entry ${index}: duplicate email ${user.email}`);
    seen.add(key);
    return user;
  });
}

function parseUser(entry: unknown, where: string): TenantUser {
  if (typeof entry !== 'object' || entry === null) throw new Error(`${where} must be an object`);
  const { email, password, name } = entry as Record<string, unknown>;
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`${where} needs an "email" string`);
  if (typeof password !== 'string' || password === '') throw new Error(`${where} needs a non-empty "password" string`);
  if (name !== undefined && typeof name !== 'string') throw new Error(`${where}: "name" must be a string`);
  return { email, password, name: name ?? email };
}
