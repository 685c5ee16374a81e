// Everything a route needs, built once per app (createTenantContext) and handed to each route module.
import { BLOCK_MS, BruteForceGuard } from '../limits/brute-force';
import type { ResolvedTenantConfig } from '../config/config';
import type { Clock, SweptStore } from '../stores/expiring-map';
import { PasswordPolicy } from '../accounts/password-policy';
import { EndpointRateLimits } from '../limits/rate-limit';
import { SerialPerKey } from '../limits/serial-per-key';
import { AccessTokenStore } from '../stores/access-tokens';
import { AuthorizationCodeStore } from '../stores/authorization-codes';
import { EmailTicketStore, VERIFICATION_TICKET_TTL_MS } from '../stores/email-tickets';
import { LoginTicketStore } from '../stores/login-tickets';
import { LoginTransactionStore } from '../stores/login-transactions';
import { RefreshTokenStore } from '../stores/refresh-tokens';
import { ResetTicketStore } from '../stores/reset-tickets';
import { SessionStore, sessionLifetimesOf } from '../stores/sessions';
import type { SigningKey } from '../crypto/signing-key';
import { TokenIssuer } from '../crypto/tokens';
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
  /** The code flow's single-use codes, from /authorize to /oauth/token. */
  readonly authorizationCodes: AuthorizationCodeStore;
  /** The login page's transactions, from /authorize to the code. */
  readonly loginTransactions: LoginTransactionStore;
  /** The rotating refresh-token families, per user. */
  readonly refreshTokens: RefreshTokenStore;
  readonly bruteForce: BruteForceGuard;
  readonly rateLimits: EndpointRateLimits;
  /** One password check at a time per client IP, for every login endpoint. */
  readonly passwordChecks: SerialPerKey;
  readonly passwordPolicy: PasswordPolicy;
  readonly sendEmail: SendEmail;
  readonly now: Clock;
}

/** The `iss` of every token and the `issuer` of discovery: Auth0 spells it with a trailing slash. */
export function issuerOf(config: ResolvedTenantConfig): string {
  return `${config.publicUrl}/`;
}

/** What the tenant starts with besides its config: loaded from the data dir, or given by tests. */
export interface ContextDeps {
  readonly signingKey: SigningKey;
  readonly users: UserStore;
  readonly sendEmail: SendEmail;
  readonly now: Clock;
}

/** Every store empty, every limit and setting as the config says. */
export function createTenantContext(config: ResolvedTenantConfig, { signingKey, users, sendEmail, now }: ContextDeps): TenantContext {
  const accessTokens = new AccessTokenStore(now);
  return {
    config,
    signingKey,
    users,
    tickets: new LoginTicketStore(now),
    resetTickets: new ResetTicketStore(now),
    verificationTickets: new EmailTicketStore(VERIFICATION_TICKET_TTL_MS, now),
    // An unblock link works as long as the block it lifts can last.
    unblockTickets: new EmailTicketStore(BLOCK_MS, now),
    sessions: new SessionStore(now, sessionLifetimesOf(config)),
    tokens: new TokenIssuer({
      issuer: issuerOf(config),
      idTokenTtlSeconds: config.idTokenTtlSeconds,
      accessTokenTtlSeconds: config.accessTokenTtlSeconds,
      signingKey,
      accessTokens,
      now
    }),
    accessTokens,
    authorizationCodes: new AuthorizationCodeStore(now),
    loginTransactions: new LoginTransactionStore(now),
    refreshTokens: new RefreshTokenStore(() => config, now),
    bruteForce: new BruteForceGuard({ maxAttempts: config.bruteForceMaxAttempts, now }),
    rateLimits: new EndpointRateLimits(now),
    passwordChecks: new SerialPerKey(),
    passwordPolicy: new PasswordPolicy(config.passwordPolicy, {
      dictionary: config.passwordDictionary,
      noPersonalInfo: config.passwordNoPersonalInfo,
      breached: config.breachedPasswords
    }),
    sendEmail,
    now
  };
}

/** How many entries each in-memory store holds: what the load bench watches to show memory stays flat. */
export type StoreSizes = Readonly<
  Record<'loginTickets' | 'resetTickets' | 'unblockTickets' | 'sessions' | 'accessTokens' | 'bruteForce', number>
>;

export function storeSizes(ctx: TenantContext): StoreSizes {
  return {
    loginTickets: ctx.tickets.size,
    resetTickets: ctx.resetTickets.size,
    unblockTickets: ctx.unblockTickets.size,
    sessions: ctx.sessions.size,
    accessTokens: ctx.accessTokens.size,
    bruteForce: ctx.bruteForce.size
  };
}

/** Every store whose entries expire: swept every minute, emptied by the control API's reset. */
export function expiringStores(ctx: TenantContext): Pick<SweptStore, 'purgeExpired' | 'clear'>[] {
  return [
    ctx.tickets,
    ctx.resetTickets,
    ctx.verificationTickets,
    ctx.unblockTickets,
    ctx.sessions,
    ctx.accessTokens,
    ctx.authorizationCodes,
    ctx.loginTransactions,
    ctx.refreshTokens,
    ctx.bruteForce,
    ctx.rateLimits
  ];
}
