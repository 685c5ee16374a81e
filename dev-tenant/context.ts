// Everything a route needs, built once per app by server.ts and handed to each route module.
import type { ResolvedTenantConfig } from './config';
import type { Clock } from './expiring-map';
import type { LoginTicketStore, SessionStore } from './sessions';
import type { SigningKey } from './signing-key';
import type { TokenIssuer } from './tokens';
import type { UserStore } from './users';

export interface TenantContext {
  readonly config: ResolvedTenantConfig;
  readonly signingKey: SigningKey;
  readonly users: UserStore;
  readonly tickets: LoginTicketStore;
  readonly sessions: SessionStore;
  readonly tokens: TokenIssuer;
  readonly now: Clock;
}

/** The `iss` of every token and the `issuer` of discovery: Auth0 spells it with a trailing slash. */
export function issuerOf(config: ResolvedTenantConfig): string {
  return `${config.publicUrl}/`;
}
