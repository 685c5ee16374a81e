// Shared helpers for the dev tenant's specs: temp data dirs, starting a tenant on a free port, and
// the requests Lock/auth0-js make.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFromEnv, type TenantConfig } from './config';
import type { Clock } from './expiring-map';
import { PASSWORD_REALM_GRANT } from './routes-co';
import { startDevTenant, type RunningDevTenant } from './server';

export const APP_ORIGIN = 'http://localhost:3000';
export const CALLBACK = `${APP_ORIGIN}/`;
export const CLIENT_ID = 'dev-tenant-client';
export const CONNECTION = 'Username-Password-Authentication';

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dev-tenant-test-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Config as the CLI would load it, on an OS-chosen port and a test-owned data dir. */
export function testConfig(dataDir: string, env: Record<string, string> = {}): TenantConfig {
  return loadConfigFromEnv({ DEV_TENANT_PORT: '0', DEV_TENANT_DATA_DIR: dataDir, ...env });
}

export function startTestTenant(dataDir: string, env: Record<string, string> = {}, now?: Clock): Promise<RunningDevTenant> {
  return startDevTenant(testConfig(dataDir, env), { now });
}

export function coAuthenticate(tenant: RunningDevTenant, body: unknown, origin = APP_ORIGIN): Promise<Response> {
  return fetch(`${tenant.url}/co/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'auth0-client': 'test' },
    body: JSON.stringify(body)
  });
}

export function credentials(username = 'dev@example.com', password = 'dev-password'): Record<string, string> {
  return { client_id: CLIENT_ID, username, password, realm: CONNECTION, credential_type: PASSWORD_REALM_GRANT };
}

/** Lock's full-page /authorize parameters (after /co/authenticate), overridable one by one. */
export function authorizeParams(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const params: Record<string, string | undefined> = {
    client_id: CLIENT_ID,
    response_type: 'token id_token',
    redirect_uri: CALLBACK,
    scope: 'openid profile email',
    connection: CONNECTION,
    realm: CONNECTION,
    nonce: 'nonce-1',
    state: 'state-1',
    auth0Client: 'eyJuYW1lIjoidGVzdCJ9',
    ...overrides
  };
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** GET /authorize without following redirects; cookie is the session cookie pair "name=value", if any. */
export function authorize(tenant: RunningDevTenant, params: Record<string, string>, cookie?: string): Promise<Response> {
  const headers: Record<string, string> = cookie === undefined ? {} : { cookie };
  return fetch(`${tenant.url}/authorize?${new URLSearchParams(params).toString()}`, { redirect: 'manual', headers });
}

/** The parameters in the fragment of a redirect's Location header. */
export function fragmentOf(res: Response): URLSearchParams {
  const location = res.headers.get('location') ?? '';
  return new URLSearchParams(location.slice(location.indexOf('#') + 1));
}

/** The "name=value" pair of the session cookie a response sets, for sending back in a Cookie header. */
export function sessionCookieOf(res: Response): string | undefined {
  const cookie = res.headers.getSetCookie().find((header) => header.startsWith('dev_tenant_session='));
  return cookie?.split(';')[0];
}

export interface WebMessage {
  readonly targetOrigin: string;
  readonly response: Partial<Record<string, string>>;
}

/** What a web_message page will postMessage, read from its JSON data block. */
export async function webMessageOf(res: Response): Promise<WebMessage> {
  const html = await res.text();
  const match = /<script type="application\/json" id="authorization-response">(.*?)<\/script>/s.exec(html);
  if (match?.[1] === undefined) throw new Error(`no authorization response in page: ${html}`);
  return JSON.parse(match[1]) as WebMessage;
}

/** Logs in like Lock does (co/authenticate, then /authorize with the ticket) and returns the redirect. */
export async function fullLogin(
  tenant: RunningDevTenant, overrides: Record<string, string | undefined> = {}, cookie?: string
): Promise<Response> {
  const co = await coAuthenticate(tenant, credentials());
  const { login_ticket: loginTicket } = (await co.json()) as { login_ticket: string };
  return authorize(tenant, authorizeParams({ login_ticket: loginTicket, ...overrides }), cookie);
}
