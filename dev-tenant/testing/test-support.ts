// Shared helpers for the dev tenant's specs: temp data dirs, starting a tenant on a free port, and
// the requests Lock/auth0-js make.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFromEnv, type TenantConfig } from '../config/config';
import type { OutgoingEmail } from '../routes/context';
import type { Clock } from '../stores/expiring-map';
import { PASSWORD_REALM_GRANT } from '../routes/co-authenticate';
import { startDevTenant, type RunningDevTenant, type TenantOptions } from '../server';
import { loopbackFetch } from '../../servers/loopback-fetch';
import type { PasswordHashCost } from '../crypto/password-hash';
import { readTlsCertificate } from '../crypto/tls-certificate';
import { SESSION_COOKIE } from '../http/session-cookie';
import { USERS_FILE, type StoredUserRecord } from '../stores/users-file';

export const APP_ORIGIN = 'http://localhost:3000';
export const CALLBACK = `${APP_ORIGIN}/`;
/** The Referer the app's pages send (`Referrer-Policy: strict-origin`): their origin. */
export const APP_REFERER = `${APP_ORIGIN}/`;
/** A page on another port of the app's host: it shares the app's and the tenant's cookies, not their origin. */
export const SIBLING_ORIGIN = 'http://localhost:6666';
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

/**
 * scrypt at a sixteenth of the tenant's cost: the specs test logins and sign-ups, not the hash's strength
 * (crypto/password-hash.ts's own cost is the tenant's default), and their hundreds of scrypts were a third
 * of the dev tenant's unit tests' CPU.
 */
export const TEST_PASSWORD_HASH_COST: PasswordHashCost = { N: 1024, r: 8, p: 1 };

export function startTestTenant(dataDir: string, env: Record<string, string> = {}, options: TenantOptions = {}): Promise<RunningDevTenant> {
  return startDevTenant(testConfig(dataDir, env), { passwordHashCost: TEST_PASSWORD_HASH_COST, ...options });
}

/** A temp dir made before each test (or once, for 'all') and removed after. */
export function useTempDir(scope: 'each' | 'all' = 'each'): { readonly path: string } {
  let dir: string | undefined;
  (scope === 'each' ? beforeEach : beforeAll)(() => {
    dir = makeTempDir();
  });
  (scope === 'each' ? afterEach : afterAll)(() => {
    if (dir !== undefined) removeDir(dir);
  });
  return {
    get path(): string {
      if (dir === undefined) throw new Error('useTempDir: no dir outside a test');
      return dir;
    }
  };
}

/** users.json with `count` signed-up users (stored<i>@example.com), all with the one password hash given (no scrypt per user). */
export function fillUsersFile(dataDir: string, count: number, passwordHash: string): void {
  const stamp = new Date().toISOString();
  const users: StoredUserRecord[] = Array.from({ length: count }, (_, i) => ({
    user_id: `auth0|${i.toString(16).padStart(24, '0')}`,
    email: `stored${i}@example.com`,
    name: `stored${i}@example.com`,
    email_verified: false,
    password_hash: passwordHash,
    created_at: stamp,
    updated_at: stamp
  }));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dataDir, USERS_FILE), `${JSON.stringify({ users })}\n`, { mode: 0o600 });
}

export interface TestTenantSetup {
  /** DEV_TENANT_* variables; a function gets the data dir first (to write files there). */
  readonly env?: Record<string, string> | ((dataDir: string) => Record<string, string>);
  readonly now?: Clock;
}

export interface TestTenant {
  readonly tenant: RunningDevTenant;
  readonly dataDir: string;
  /** What the tenant "emailed" (reset links), oldest first. */
  readonly emails: OutgoingEmail[];
}

/** One tenant for the whole describe block, on a free port and a fresh data dir, closed and removed after. */
export function useTestTenant(setup: TestTenantSetup = {}): TestTenant {
  const dataDir = useTempDir('all');
  const emails: OutgoingEmail[] = [];
  let tenant: RunningDevTenant | undefined;
  beforeAll(async () => {
    const env = typeof setup.env === 'function' ? setup.env(dataDir.path) : setup.env;
    tenant = await startTestTenant(dataDir.path, env, { now: setup.now, sendEmail: (email) => emails.push(email) });
  });
  afterAll(async () => {
    await tenant?.close();
  });
  return {
    get tenant(): RunningDevTenant {
      if (tenant === undefined) throw new Error('useTestTenant: no tenant outside a test');
      return tenant;
    },
    get dataDir(): string {
      return dataDir.path;
    },
    emails
  };
}

/**
 * A request to the tenant, redirects not followed: over https (cross-site) it trusts the certificate
 * in the tenant's data dir, and that one only.
 */
export async function tenantFetch(
  tenant: RunningDevTenant,
  urlPath: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Response> {
  const url = `${tenant.url}${urlPath}`;
  if (!url.startsWith('https:')) return fetch(url, { ...init, redirect: 'manual' });
  return loopbackFetch(url, { ...init, ca: (await readTlsCertificate(tenant.config.dataDir))?.cert });
}

/** A JSON POST as auth0-js sends it (from the app's origin unless told otherwise). */
export function postJson(tenant: RunningDevTenant, urlPath: string, body: unknown, origin = APP_ORIGIN): Promise<Response> {
  return tenantFetch(tenant, urlPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'auth0-client': 'test' },
    body: JSON.stringify(body)
  });
}

export function coAuthenticate(tenant: RunningDevTenant, body: unknown, origin = APP_ORIGIN): Promise<Response> {
  return postJson(tenant, '/co/authenticate', body, origin);
}

export interface PlainReply {
  readonly status: number;
  readonly body: string;
}

/**
 * /co/authenticate from another client IP: a chosen loopback source address (127.0.0.0/8 all reaches
 * the tenant, which listens on 127.0.0.1), so one test plays many addresses.
 */
export function coAuthenticateFrom(tenant: RunningDevTenant, body: unknown, from: string): Promise<PlainReply> {
  const url = new URL('/co/authenticate', tenant.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: url.port, path: url.pathname, method: 'POST', localAddress: from, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      }
    );
    req.setHeader('content-type', 'application/json');
    req.setHeader('origin', APP_ORIGIN);
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Lock's sign-up request body, overridable field by field. */
export function signUpBody(email: string, password: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { client_id: CLIENT_ID, email, password, connection: CONNECTION, ...overrides };
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

/**
 * GET /authorize without following redirects; cookie is the session cookie pair "name=value", if any.
 * Opened by the app's page unless `referer` says otherwise (null: a page that sends none).
 */
export function authorize(
  tenant: RunningDevTenant,
  params: Record<string, string>,
  cookie?: string,
  referer: string | null = APP_REFERER
): Promise<Response> {
  const headers: Record<string, string> = { ...(cookie === undefined ? {} : { cookie }), ...(referer === null ? {} : { referer }) };
  return tenantFetch(tenant, `/authorize?${new URLSearchParams(params).toString()}`, { headers });
}

/** The parameters in the fragment of a redirect's Location header. */
export function fragmentOf(res: Response): URLSearchParams {
  const location = res.headers.get('location') ?? '';
  return new URLSearchParams(location.slice(location.indexOf('#') + 1));
}

/** The "name=value" pair of the first cookie a response sets whose name starts with `prefix` (and is not a deletion). */
function setCookieOf(res: Response, prefix: string): string | undefined {
  const cookie = res.headers.getSetCookie().find((header) => header.startsWith(prefix) && !/Expires=Thu, 01 Jan 1970/.test(header));
  return cookie?.split(';')[0];
}

/** The "name=value" pair of the session cookie a response sets, for sending back in a Cookie header. */
export function sessionCookieOf(res: Response): string | undefined {
  return setCookieOf(res, `${SESSION_COOKIE}=`);
}

/** The "name=value" pair of the login-ticket verifier cookie /co/authenticate sets. */
export function verifierCookieOf(res: Response): string | undefined {
  return setCookieOf(res, 'auth0_co_');
}

/** A Cookie header from pairs, skipping absent ones; undefined when none is left. */
export function cookieHeader(...pairs: (string | undefined)[]): string | undefined {
  const present = pairs.filter((pair): pair is string => pair !== undefined);
  return present.length === 0 ? undefined : present.join('; ');
}

/** /co/authenticate's login ticket with the cookie that binds it to the "browser" that asked. */
export async function loginTicketFor(
  tenant: RunningDevTenant,
  user = credentials()
): Promise<{ loginTicket: string; cookie: string | undefined }> {
  const co = await coAuthenticate(tenant, user);
  if (co.status !== 200) throw new Error(`/co/authenticate answered ${co.status}: ${await co.text()}`);
  const { login_ticket: loginTicket } = (await co.json()) as { login_ticket: string };
  return { loginTicket, cookie: verifierCookieOf(co) };
}

/** The verification page /authorize answers when a ticket comes back without its cookie, as a browser keeps it. */
export interface VerificationPage {
  readonly html: string;
  /** What its form posts back beside the verifier, and the cookie set with it. */
  readonly secret: string;
  readonly cookie: string | undefined;
}

export async function readVerificationPage(res: Response): Promise<VerificationPage> {
  const html = await res.text();
  const secret = /<input type="hidden" name="page" value="([\w-]+)">/.exec(html)?.[1];
  if (secret === undefined) throw new Error(`not a verification page: ${html.slice(0, 200)}`);
  return { html, secret, cookie: setCookieOf(res, 'auth0_co_page=') };
}

/** What a post to /co/verify carries besides the verifier: who posted it, and which cookies its browser sends. */
export interface VerifierPost {
  readonly origin: string;
  readonly page?: { readonly secret: string; readonly cookie: string | undefined };
  /** The Referer of the redirect back to /authorize (null: none). */
  readonly referer: string | null;
}

/** The verification page's own form: the tenant's Origin, and its URL as the Referer of the way back. */
export function fromVerificationPage(tenant: RunningDevTenant, params: Record<string, string>, page: VerificationPage): VerifierPost {
  return { origin: tenant.url, page, referer: `${tenant.url}/authorize?${new URLSearchParams(params).toString()}` };
}

/** A post forged by another site's page, which has neither the page's secret nor its cookie. */
export const FORGED_POST: VerifierPost = { origin: SIBLING_ORIGIN, referer: null };

/** A post to /co/verify, then the 303 back to /authorize followed once, as the browser does. */
export async function postVerifier(
  tenant: RunningDevTenant,
  params: Record<string, string>,
  verifier: string,
  post: VerifierPost
): Promise<Response> {
  const query = new URLSearchParams(params).toString();
  const cookie = post.page?.cookie;
  const verify = await tenantFetch(tenant, `/co/verify?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: post.origin, ...(cookie === undefined ? {} : { cookie }) },
    body: new URLSearchParams({ verifier, ...(post.page === undefined ? {} : { page: post.page.secret }) }).toString()
  });
  expect(verify.status).toBe(303);
  expect(verify.headers.get('location')).toBe(`/authorize?${query}`);
  return authorize(tenant, params, undefined, post.referer);
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
  tenant: RunningDevTenant,
  overrides: Record<string, string | undefined> = {},
  cookie?: string,
  user = credentials()
): Promise<Response> {
  const ticket = await loginTicketFor(tenant, user);
  return authorize(tenant, authorizeParams({ login_ticket: ticket.loginTicket, ...overrides }), cookieHeader(cookie, ticket.cookie));
}

/** Lock's silent renewal (checkSession: prompt=none, web_message) with this session cookie: what the page would be told. */
export async function silentRenewal(tenant: RunningDevTenant, cookie: string | undefined): Promise<WebMessage> {
  return webMessageOf(await authorize(tenant, authorizeParams({ prompt: 'none', response_mode: 'web_message' }), cookie));
}
