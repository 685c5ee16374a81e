// Helpers for the token endpoint's specs: a logged-in code flow (until /authorize has its login
// page), and the token requests auth0-spa-js makes.
import { createHash, randomBytes } from 'node:crypto';
import type { RunningDevTenant } from '../server';
import { APP_ORIGIN, CALLBACK, CLIENT_ID } from './test-support';

export interface CodeFlow {
  readonly code: string;
  readonly verifier: string;
  readonly nonce: string;
}

/** What /authorize will hand back after the user (the default one) logs in: a code bound to a fresh S256 challenge. */
export function startCodeFlow(
  tenant: RunningDevTenant,
  { scope = 'openid profile email offline_access', email = 'dev@example.com' } = {}
): CodeFlow {
  const verifier = randomBytes(32).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const code = tenant.issueAuthorizationCode(email, {
    clientId: CLIENT_ID,
    redirectUri: CALLBACK,
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
    nonce,
    scope,
    audience: undefined,
    sid: 'sid-1'
  });
  return { code, verifier, nonce };
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
