// Builds the dev tenant's express app and runs it on an HTTP server.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { resolvePublicUrl, type ResolvedTenantConfig, type TenantConfig } from './config';
import { issuerOf, type TenantContext } from './context';
import { errorHandler, notFound } from './errors';
import { startSweeper, type Clock } from './expiring-map';
import { authorizeRoutes } from './routes-authorize';
import { crossOriginRoutes } from './routes-co';
import { discoveryRoutes } from './routes-discovery';
import { lockAssetRoutes } from './routes-lock-assets';
import { logoutRoutes } from './routes-logout';
import { LoginTicketStore, SessionStore } from './sessions';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key';
import { TokenIssuer } from './tokens';
import { UserStore } from './users';

const SWEEP_INTERVAL_MS = 60_000;

export interface DevTenantDeps {
  readonly signingKey: SigningKey;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  readonly now?: Clock;
}

export interface DevTenantApp {
  readonly app: Express;
  /** Stops the background sweep of expired tickets, sessions and tokens. */
  dispose(): void;
}

export function createDevTenantApp(config: ResolvedTenantConfig, deps: DevTenantDeps): DevTenantApp {
  const now = deps.now ?? Date.now;
  const ctx: TenantContext = {
    config,
    signingKey: deps.signingKey,
    users: new UserStore(config.users),
    tickets: new LoginTicketStore(now),
    sessions: new SessionStore(now),
    tokens: new TokenIssuer({
      issuer: issuerOf(config),
      idTokenTtlSeconds: config.idTokenTtlSeconds,
      accessTokenTtlSeconds: config.accessTokenTtlSeconds,
      signingKey: deps.signingKey,
      now
    }),
    now
  };
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    // Keeps login_ticket-bearing /authorize URLs out of the Referer the app receives after the redirect.
    res.set('Referrer-Policy', 'no-referrer');
    next();
  });
  // New endpoints (/dbconnections/*, /userinfo, ...) plug in here as further route modules.
  app.use(lockAssetRoutes(ctx));
  app.use(discoveryRoutes(ctx));
  app.use(crossOriginRoutes(ctx));
  app.use(authorizeRoutes(ctx));
  app.use(logoutRoutes(ctx));
  app.use(notFound);
  app.use(errorHandler);
  const stopSweeper = startSweeper([ctx.tickets, ctx.sessions, ctx.tokens], SWEEP_INTERVAL_MS);
  return { app, dispose: stopSweeper };
}

export interface RunningDevTenant {
  /** The tenant's public URL (its issuer without the trailing slash), with the actual port. */
  readonly url: string;
  readonly config: ResolvedTenantConfig;
  close(): Promise<void>;
}

/**
 * Loads (or creates) the signing key, listens on config.host:config.port (0 = any free port), and
 * only then fixes the public URL, so tests get correct issuer and URLs for an OS-chosen port.
 * Rejects with the listen error (e.g. code EADDRINUSE) when the port is taken.
 */
export async function startDevTenant(config: TenantConfig, options: { now?: Clock } = {}): Promise<RunningDevTenant> {
  const signingKey = await loadOrCreateSigningKey(config.dataDir);
  const server = http.createServer();
  const tenant = await new Promise<{ app: DevTenantApp; config: ResolvedTenantConfig }>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      const resolved = resolvePublicUrl(config, (server.address() as AddressInfo).port);
      const app = createDevTenantApp(resolved, { signingKey, now: options.now });
      server.on('request', app.app);
      resolve({ app, config: resolved });
    });
  });
  return {
    url: tenant.config.publicUrl,
    config: tenant.config,
    close: () => new Promise<void>((resolve, reject) => {
      tenant.app.dispose();
      server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
      // Keep-alive connections (browsers, fetch) would otherwise hold close() open.
      server.closeAllConnections();
    })
  };
}
