// Everything a route needs, built once per app by server.ts and handed to each route module.
import type { BruteForceGuard } from '../limits/brute-force';
import type { ResolvedTenantConfig } from '../config/config';
import type { Clock } from '../stores/expiring-map';
import type { PasswordPolicy } from '../accounts/password-policy';
import type { EndpointRateLimits } from '../limits/rate-limit';
import type { AccessTokenStore } from '../stores/access-tokens';
import type { EmailTicketStore } from '../stores/email-tickets';
import type { LoginTicketStore } from '../stores/login-tickets';
import type { ResetTicketStore } from '../stores/reset-tickets';
import type { SessionStore } from '../stores/sessions';
import type { SigningKey } from '../crypto/signing-key';
import type { TokenIssuer } from '../crypto/tokens';
import type { UserStore } from '../stores/users';

/** The emails Auth0 sends from a database connection, each with one link. */
export type EmailKind = 'reset' | 'verification' | 'unblock';

/** A message the real Auth0 would email; the dev tenant prints it (tests capture it). */
export interface OutgoingEmail {
  readonly kind: EmailKind;
  readonly to: string;
  readonly subject: string;
  readonly link: string;
}

export type SendEmail = (email: OutgoingEmail) => void;

export interface TenantContext {
  readonly config: ResolvedTenantConfig;
  readonly signingKey: SigningKey;
  readonly users: UserStore;
  readonly tickets: LoginTicketStore;
  readonly resetTickets: ResetTicketStore;
  /** The links of the email verification emails sent at sign-up. */
  readonly verificationTickets: EmailTicketStore;
  /** The links of the unblock emails that brute-force protection sends. */
  readonly unblockTickets: EmailTicketStore;
  readonly sessions: SessionStore;
  readonly tokens: TokenIssuer;
  /** The opaque access tokens that tokens issues, for /userinfo. */
  readonly accessTokens: AccessTokenStore;
  readonly bruteForce: BruteForceGuard;
  readonly rateLimits: EndpointRateLimits;
  readonly passwordPolicy: PasswordPolicy;
  readonly sendEmail: SendEmail;
  readonly now: Clock;
}

/** The `iss` of every token and the `issuer` of discovery: Auth0 spells it with a trailing slash. */
export function issuerOf(config: ResolvedTenantConfig): string {
  return `${config.publicUrl}/`;
}
