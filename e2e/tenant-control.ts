// A typed client of the dev tenant's control API (/work/control-api-contract.md, dev-tenant/control/):
// the e2e tests change the tenant's state through it instead of through its files or by waiting.
import { CONTROL_SECRET_HEADER, controlSecretFile, readControlSecret } from '../dev-tenant/control/secret';
import { tenantCertificateAuthority } from '../dev-tenant/crypto/tls-certificate';
import { loopbackFetch } from '../servers/loopback-fetch';
import { E2E_TENANT_DATA_DIR, E2E_TENANT_URL } from './e2e-env';

export interface TenantUser {
  readonly user_id: string;
  readonly email: string;
  readonly name: string;
  readonly email_verified: boolean;
  readonly blocked: boolean;
  readonly created_at?: string;
  readonly source: 'config' | 'signup' | 'control';
  /** This user's own id_token lifetime; null: the tenant's. */
  readonly id_token_lifetime_s: number | null;
}

export interface TenantSession {
  readonly id: string;
  readonly user_id: string;
  readonly email: string;
  readonly created_at: string;
  readonly last_interaction_at: string;
  readonly idle_expires_at: string;
  readonly expires_at: string;
}

export type EmailKind = 'reset' | 'verification' | 'unblock';

export interface OutboxEmail {
  readonly id: string;
  readonly kind: EmailKind;
  readonly to: string;
  readonly subject: string;
  readonly link: string;
  readonly sent_at: string;
}

/** A live refresh-token family (rotations of one login's refresh token); revoked and expired ones are not listed. */
export interface RefreshTokenFamily {
  readonly id: string;
  readonly user_id: string;
  readonly client_id: string;
  readonly scope: string;
  readonly audience: string | null;
  readonly rotations: number;
}

export interface TenantSettings {
  readonly id_token_lifetime_s: number;
  readonly access_token_lifetime_s: number;
}

/** How long a fault lasts: the next `count` matching requests, `duration_ms`, or whichever ends first. */
type FaultSpan = { readonly count: number; readonly duration_ms?: number } | { readonly count?: number; readonly duration_ms: number };

export type FaultKind =
  | { readonly kind: 'latency'; readonly latency_ms: number }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'outage' };

/** A fault on one tenant path (`/authorize`, `/co/authenticate`, …), for requests whose query has the `match` values. */
export type FaultSpec = { readonly path: string; readonly match?: Readonly<Record<string, string>> } & FaultKind & FaultSpan;

export type Fault = FaultSpec & { readonly id: string; readonly remaining?: number | null; readonly ends_at?: string | null };

export interface NewUser {
  readonly email: string;
  readonly password: string;
  readonly name?: string;
  readonly email_verified?: boolean;
}

/**
 * The control API of the tenant at `baseUrl` whose data is in `dataDir` (default: playwright.config.ts's
 * tenant). Every call throws, with the answer's body, unless the status is the expected one.
 */
export class TenantControl {
  constructor(
    private readonly baseUrl: string = E2E_TENANT_URL,
    private readonly dataDir: string = E2E_TENANT_DATA_DIR
  ) {}

  async users(email?: string): Promise<TenantUser[]> {
    const query = email === undefined ? '' : `?${new URLSearchParams({ email }).toString()}`;
    return (await this.call<{ users: TenantUser[] }>('GET', `/users${query}`)).users;
  }

  async createUser(user: NewUser): Promise<TenantUser> {
    return (await this.call<{ user: TenantUser }>('POST', '/users', user, 201)).user;
  }

  async deleteUser(userId: string): Promise<void> {
    await this.call('DELETE', `/users/${encodeURIComponent(userId)}`, {}, 204);
  }

  async updateUser(
    userId: string,
    changes: { blocked?: boolean; email_verified?: boolean; id_token_lifetime_s?: number | null }
  ): Promise<TenantUser> {
    return (await this.call<{ user: TenantUser }>('PATCH', `/users/${encodeURIComponent(userId)}`, changes)).user;
  }

  async sessions(userId?: string): Promise<TenantSession[]> {
    const query = userId === undefined ? '' : `?${new URLSearchParams({ user_id: userId }).toString()}`;
    return (await this.call<{ sessions: TenantSession[] }>('GET', `/sessions${query}`)).sessions;
  }

  /** Ends the sessions (one user's, or all) as if their lifetime ran out; resolves with how many. */
  async expireSessions(userId?: string): Promise<number> {
    return (await this.call<{ expired: number }>('POST', '/sessions/expire', userId === undefined ? {} : { user_id: userId })).expired;
  }

  /** Revokes the sessions (one user's, or all) and the user's refresh and opaque access tokens; resolves with how many sessions. */
  async revokeSessions(userId?: string): Promise<number> {
    return (await this.call<{ revoked: number }>('POST', '/sessions/revoke', userId === undefined ? {} : { user_id: userId })).revoked;
  }

  async refreshTokens(userId?: string): Promise<RefreshTokenFamily[]> {
    const query = userId === undefined ? '' : `?${new URLSearchParams({ user_id: userId }).toString()}`;
    return (await this.call<{ refresh_tokens: RefreshTokenFamily[] }>('GET', `/refresh-tokens${query}`)).refresh_tokens;
  }

  async outbox(filter: { to?: string; kind?: EmailKind } = {}): Promise<OutboxEmail[]> {
    const params = new URLSearchParams();
    if (filter.to !== undefined) params.set('to', filter.to);
    if (filter.kind !== undefined) params.set('kind', filter.kind);
    const query = params.size === 0 ? '' : `?${params.toString()}`;
    return (await this.call<{ emails: OutboxEmail[] }>('GET', `/outbox${query}`)).emails;
  }

  async clearOutbox(): Promise<void> {
    await this.call('DELETE', '/outbox', {}, 204);
  }

  async settings(): Promise<TenantSettings> {
    return this.call<TenantSettings>('GET', '/settings');
  }

  async updateSettings(changes: Partial<TenantSettings>): Promise<TenantSettings> {
    return this.call<TenantSettings>('PATCH', '/settings', changes);
  }

  async addFault(fault: FaultSpec): Promise<Fault> {
    return (await this.call<{ fault: Fault }>('POST', '/faults', fault, 201)).fault;
  }

  async faults(): Promise<Fault[]> {
    return (await this.call<{ faults: Fault[] }>('GET', '/faults')).faults;
  }

  async deleteFault(id: string): Promise<void> {
    await this.call('DELETE', `/faults/${encodeURIComponent(id)}`, {}, 204);
  }

  /** An id_token signed by the tenant's key: its iss, aud and lifetime unless `claims` say otherwise. Sends the control secret of the data dir. */
  async mintIdToken(claims: Readonly<Record<string, unknown>>): Promise<string> {
    const secret = await readControlSecret(this.dataDir);
    if (secret === undefined)
      throw new Error(`no control secret in ${controlSecretFile(this.dataDir)}: is this the data dir of the tenant at ${this.baseUrl}?`);
    return (await this.call<{ id_token: string }>('POST', '/id-tokens', { claims }, 201, { [CONTROL_SECRET_HEADER]: secret })).id_token;
  }

  /** Everything back to the start: users of the config only, no sessions, tokens, blocks, emails or faults, start settings. */
  async reset(): Promise<void> {
    await this.call('POST', '/reset', {});
  }

  private async call<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: object,
    expected = 200,
    headers: Readonly<Record<string, string>> = {}
  ): Promise<T> {
    // Mutating requests need the JSON content type: it is the API's guard against cross-site forms.
    // The cross-site tenant speaks https with its own certificate, trusted for it alone.
    const response = await loopbackFetch(`${this.baseUrl}/control${path}`, {
      method,
      headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ca: await tenantCertificateAuthority(this.baseUrl, this.dataDir)
    });
    const text = await response.text();
    if (response.status !== expected) {
      throw new Error(`control API: ${method} /control${path} answered ${String(response.status)} (expected ${String(expected)}): ${text}`);
    }
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}
