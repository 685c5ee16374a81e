// Helpers for the token endpoint's specs: a logged-in code flow (through the Universal Login page),
// and the token requests auth0-spa-js makes.
import { randomBytes } from 'node:crypto';
import type { RunningDevTenant } from '../server';
import { APP_ORIGIN, CALLBACK, CLIENT_ID } from './test-support';
import { callbackQuery, codeParams, logInThroughPage, newPkce } from './ul-support';

export interface CodeFlow {
  readonly code: string;
  readonly verifier: string;
  readonly nonce: string;
}

/**
 * Logs the user in through /authorize and the Universal Login page, as auth0-spa-js's loginWithRedirect
 * and the browser do: the code the app gets back, bound to a fresh S256 challenge.
 */
export async function startCodeFlow(
  tenant: RunningDevTenant,
  { scope = 'openid profile email offline_access', email = 'dev@example.com', password = 'dev-password' } = {}
): Promise<CodeFlow> {
  const pkce = newPkce();
  const nonce = randomBytes(16).toString('base64url');
  const { res } = await logInThroughPage(tenant, codeParams(pkce.challenge, { scope, nonce }), { email, password });
  const code = callbackQuery(res).code;
  if (code === undefined) throw new Error(`the login page answered ${res.status}: ${await res.text()}`);
  return { code, verifier: pkce.verifier, nonce };
}

type Fields = Record<string, string | undefined>;

/** A POST from the app's page, form-encoded (auth0-spa-js's default) or JSON; undefined fields are left out. */
export function postOAuth(tenant: RunningDevTenant, path: string, fields: Fields, encoding: 'form' | 'json' = 'form'): Promise<Response> {
  const present = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return fetch(`${tenant.url}${path}`, {
    method: 'POST',
    headers: {
      origin: APP_ORIGIN,
      'content-type': encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'
    },
    body: encoding === 'json' ? JSON.stringify(present) : new URLSearchParams(present).toString()
  });
}

export function exchangeCode(
  tenant: RunningDevTenant,
  flow: CodeFlow,
  change: Fields = {},
  encoding: 'form' | 'json' = 'form'
): Promise<Response> {
  const fields = {
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    code: flow.code,
    code_verifier: flow.verifier,
    redirect_uri: CALLBACK,
    ...change
  };
  return postOAuth(tenant, '/oauth/token', fields, encoding);
}

export function refresh(tenant: RunningDevTenant, refreshToken: string): Promise<Response> {
  return postOAuth(tenant, '/oauth/token', { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refreshToken });
}

export interface TokenResponse {
  readonly access_token: string;
  readonly id_token: string;
  readonly refresh_token: string;
  readonly scope: string;
  readonly expires_in: number;
  readonly token_type: string;
}

/** The tokens of a 200, or an error naming what the tenant answered instead. */
export async function tokensOf(res: Response): Promise<TokenResponse> {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`/oauth/token answered ${res.status}: ${text}`);
  return JSON.parse(text) as TokenResponse;
}
