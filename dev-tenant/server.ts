// Builds the dev tenant's express app and runs it on an HTTP server.
import express, { type Express } from 'express';
import { listen } from '../servers/lifecycle';
import { logLine } from '../servers/log-text';
import { BLOCK_MS, BruteForceGuard } from './limits/brute-force';
import { controlRoutes, faultMiddleware, FaultStore, loadOrCreateControlSecret, Outbox } from './control';
import { resolvePublicUrl, type ResolvedTenantConfig, type TenantConfig } from './config/config';
import { issuerOf, type SendEmail, type TenantContext } from './routes/context';
import { errorHandler, notFound } from './http/errors';
import { startSweeper, type Clock, type SweptStore } from './stores/expiring-map';
import { PasswordPolicy } from './accounts/password-policy';
import { EndpointRateLimits } from './limits/rate-limit';
import { tenantRoutes } from './routes';
import { AccessTokenStore } from './stores/access-tokens';
import { EmailTicketStore, VERIFICATION_TICKET_TTL_MS } from './stores/email-tickets';
import { LoginTicketStore } from './stores/login-tickets';
import { ResetTicketStore } from './stores/reset-tickets';
import { SessionStore, sessionLifetimesOf } from './stores/sessions';
import { loadOrCreateSigningKey, type SigningKey } from './crypto/signing-key';
import { TokenIssuer } from './crypto/tokens';
import { UserStore } from './stores/users';

const SWEEP_INTERVAL_MS = 60_000;

export interface TenantOptions {
  /** Milliseconds since the epoch; injectable so tests and the load bench can move time. */
  readonly now?: Clock;
  /** Where the "emails" go (password reset links); default: printed on stdout. */
  readonly sendEmail?: SendEmail;
}

export interface DevTenantDeps extends TenantOptions {
  readonly signingKey: SigningKey;
  readonly users: UserStore;
  /** The data dir's control secret; needed when the control API is on. */
  readonly controlSecret: string | undefined;
}

/** How many entries each in-memory store holds: what the load bench watches to show memory stays flat. */
export type StoreSizes = Readonly<
  Record<'loginTickets' | 'resetTickets' | 'unblockTickets' | 'sessions' | 'accessTokens' | 'bruteForce', number>
>;

export interface DevTenantApp {
  readonly app: Express;
  storeSizes(): StoreSizes;
  /** Drops expired entries now (the background sweep does it every minute). */
  sweep(): void;
  /** Stops the background sweep. */
  dispose(): void;
}

export const printEmail: SendEmail = ({ to, subject, link }) => {
  logLine(`Dev tenant: email to ${to} (not sent; there is no mail server): "${subject}": ${link}`);
};

export function createDevTenantApp(config: ResolvedTenantConfig, deps: DevTenantDeps): DevTenantApp {
  const now = deps.now ?? Date.now;
  const outbox = new Outbox(now);
  const faults = new FaultStore(now);
  const accessTokens = new AccessTokenStore(now);
  const ctx: TenantContext = {
    config,
    signingKey: deps.signingKey,
    users: deps.users,
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
      signingKey: deps.signingKey,
      accessTokens,
      now
    }),
    accessTokens,
    bruteForce: new BruteForceGuard({ maxAttempts: config.bruteForceMaxAttempts, now }),
    rateLimits: new EndpointRateLimits(now),
    passwordPolicy: new PasswordPolicy(config.passwordPolicy, {
      dictionary: config.passwordDictionary,
      noPersonalInfo: config.passwordNoPersonalInfo,
      breached: config.breachedPasswords
    }),
    sendEmail: outbox.recording(deps.sendEmail ?? printEmail),
    now
  };
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    // Keeps login_ticket- and reset-ticket-bearing URLs out of the Referer of the next page.
    res.set('Referrer-Policy', 'no-referrer');
    next();
  });
  // Before the tenant's routes, so injected faults hit them; the fault middleware skips /control/ itself.
  if (config.control) {
    if (deps.controlSecret === undefined) throw new Error('The control API needs the control secret (loadOrCreateControlSecret)');
    app.use(faultMiddleware(ctx, faults), controlRoutes(ctx, { outbox, faults }, deps.controlSecret));
  }
  app.use(tenantRoutes(ctx));
  app.use(notFound);
  app.use(errorHandler);
  const stores: Readonly<Record<keyof StoreSizes, SweptStore>> = {
    loginTickets: ctx.tickets,
    resetTickets: ctx.resetTickets,
    unblockTickets: ctx.unblockTickets,
    sessions: ctx.sessions,
    accessTokens: ctx.accessTokens,
    bruteForce: ctx.bruteForce
  };
  const sweep = (): void => {
    for (const store of Object.values(stores)) store.purgeExpired();
    ctx.verificationTickets.purgeExpired();
    ctx.rateLimits.purgeExpired();
  };
  return {
    app,
    storeSizes: () => ({
      loginTickets: stores.loginTickets.size,
      resetTickets: stores.resetTickets.size,
      unblockTickets: stores.unblockTickets.size,
      sessions: stores.sessions.size,
      accessTokens: stores.accessTokens.size,
      bruteForce: stores.bruteForce.size
    }),
    sweep,
    dispose: startSweeper([{ purgeExpired: sweep }], SWEEP_INTERVAL_MS)
  };
}

export interface RunningDevTenant {
  /** The tenant's public URL (its issuer without the trailing slash), with the actual port. */
  readonly url: string;
  readonly config: ResolvedTenantConfig;
  storeSizes(): StoreSizes;
  sweep(): void;
  close(): Promise<void>;
}

/**
 * Loads (or creates) the signing key and the signed-up users, listens on config.host:config.port
 * (0 = any free port), and only then fixes the public URL, so tests get correct issuer and URLs for
 * an OS-chosen port. Rejects with the listen error (e.g. code EADDRINUSE) when the port is taken.
 */
export async function startDevTenant(config: TenantConfig, options: TenantOptions = {}): Promise<RunningDevTenant> {
  const signingKey = await loadOrCreateSigningKey(config.dataDir);
  const users = await UserStore.open(config.users, config.dataDir, options.now);
  const controlSecret = config.control ? await loadOrCreateControlSecret(config.dataDir) : undefined;
  const listening = await listen(config.host, config.port);
  const resolved = resolvePublicUrl(config, listening.port);
  const app = createDevTenantApp(resolved, { ...options, signingKey, users, controlSecret });
  listening.server.on('request', app.app);
  return {
    url: resolved.publicUrl,
    config: resolved,
    storeSizes: () => app.storeSizes(),
    sweep: () => {
      app.sweep();
    },
    close: () => {
      app.dispose();
      return listening.close();
    }
  };
}
