// Helpers for the code flow's specs: /authorize with response_type=code as auth0-spa-js sends it, the
// Universal Login pages as a browser shows and posts them, and the redirect back to the app.
import { createHash, randomBytes } from 'node:crypto';
import type { RunningDevTenant } from '../server';
import { CALLBACK, CLIENT_ID, cookieHeader, sessionCookieOf } from './test-support';

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** auth0-spa-js's loginWithRedirect parameters, overridable one by one (undefined drops one). */
export function codeParams(challenge: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const params: Record<string, string | undefined> = {
    client_id: CLIENT_ID,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: CALLBACK,
    scope: 'openid profile email offline_access',
    state: 'app-state-1',
    nonce: 'nonce-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides
  };
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** GET /authorize without following the redirect; `cookie` is what the browser sends ("name=value; …"). */
export function authorizeCodeFlow(tenant: RunningDevTenant, params: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${tenant.url}/authorize?${new URLSearchParams(params).toString()}`, {
    redirect: 'manual',
    headers: cookie === undefined ? {} : { cookie }
  });
}

/** The query of a redirect to the app (code, state, or error and error_description). */
export function callbackQuery(res: Response): Partial<Record<string, string>> {
  const location = res.headers.get('location') ?? '';
  if (!location.startsWith(CALLBACK)) throw new Error(`not a redirect to the app (${res.status}): ${location}`);
  return Object.fromEntries(new URL(location).searchParams);
}

/** A Universal Login page as the browser shows it, with the hidden fields its forms post. */
export interface UlPage {
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
  readonly state: string;
  readonly csrf: string;
}

/** Opens a tenant-relative page URL (e.g. the Location /authorize answered with). */
export async function openUlPage(tenant: RunningDevTenant, path: string): Promise<UlPage> {
  const res = await fetch(`${tenant.url}${path}`, { redirect: 'manual' });
  const html = await res.text();
  // The tenant's ids are base64url: nothing in them is HTML-escaped.
  const hidden = (name: string): string => new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1] ?? '';
  return { status: res.status, headers: res.headers, html, state: hidden('state'), csrf: hidden('_csrf') };
}

/** The text of a page's #error-message, its character references decoded; undefined without one. */
export function pageError(html: string): string | undefined {
  const text = /<div id="error-message" class="error" role="alert">([^<]*)/.exec(html)?.[1];
  return text?.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code))).trim();
}

/** Who posts a form: the tenant's own page by default; `cookie` is what that browser sends. */
export interface FormPost {
  readonly origin?: string | null;
  readonly secFetchSite?: string;
  readonly cookie?: string;
}

export function postUlForm(tenant: RunningDevTenant, path: string, fields: Record<string, string>, post: FormPost = {}): Promise<Response> {
  const origin = post.origin === undefined ? tenant.url : post.origin;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (origin !== null) headers.origin = origin;
  if (post.secFetchSite !== undefined) headers['sec-fetch-site'] = post.secFetchSite;
  if (post.cookie !== undefined) headers.cookie = post.cookie;
  return fetch(`${tenant.url}${path}`, { method: 'POST', headers, body: new URLSearchParams(fields).toString(), redirect: 'manual' });
}

/** The login page's form, filled in: its hidden fields and the credentials. */
export function loginFields(page: UlPage, email: string, password: string): Record<string, string> {
  return { state: page.state, _csrf: page.csrf, username: email, password, action: 'default' };
}

export interface UlLogin {
  /** The redirect to the app, and the SSO session cookie the login set. */
  readonly res: Response;
  readonly sessionCookie: string | undefined;
}

/** The whole browser round: /authorize, its login page, the post; ends at the redirect to the app. */
export async function logInThroughPage(
  tenant: RunningDevTenant,
  params: Record<string, string>,
  { email = 'dev@example.com', password = 'dev-password', cookie }: { email?: string; password?: string; cookie?: string } = {}
): Promise<UlLogin> {
  const start = await authorizeCodeFlow(tenant, params, cookie);
  const location = start.headers.get('location') ?? '';
  if (start.status !== 302 || !location.startsWith('/u/login?state=')) throw new Error(`/authorize answered ${start.status}: ${location}`);
  const page = await openUlPage(tenant, location);
  const res = await postUlForm(tenant, '/u/login', loginFields(page, email, password), { cookie: cookieHeader(cookie) });
  return { res, sessionCookie: sessionCookieOf(res) };
}
