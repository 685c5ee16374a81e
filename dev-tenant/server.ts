// Builds the dev tenant's express app, with its whole route table, and runs it on an HTTP server
// (HTTPS cross-site, on 127.0.0.1, another site than the app).
import express, { Router, type Express } from 'express';
import { listen } from '../servers/lifecycle';
import { logLine } from '../servers/log-text';
import { resolvePublicUrl, type ResolvedTenantConfig, type TenantConfig } from './config/config';
import { controlGuard, requireControlSecret } from './control/guard';
import { faultMiddleware } from './control/fault-middleware';
import { FaultStore } from './control/faults';
import { controlErrors } from './control/input';
import { Outbox } from './control/outbox';
import { controlPage } from './control/page';
import type { ControlState } from './control/reset';
import { controlRefreshTokens } from './control/routes-refresh-tokens';
import { controlIdTokens } from './control/routes-tokens';
import { controlSessions } from './control/routes-sessions';
import { controlTenant } from './control/routes-tenant';
import { controlUsers } from './control/routes-users';
import { loadOrCreateControlSecret } from './control/secret';
import type { PasswordHashCost } from './crypto/password-hash';
import { loadOrCreateSigningKey, type SigningKey } from './crypto/signing-key';
import { loadOrCreateTlsCertificate } from './crypto/tls-certificate';
import { tenantCors } from './http/cors';
import { errorHandler, notFound } from './http/errors';
import { favicon } from './http/favicon';
import { SMALL_BODY_LIMIT } from './http/helpers';
import { authorize } from './routes/authorize';
import { avatarPicture } from './routes/avatar';
import { coAuthenticate } from './routes/co-authenticate';
import { coVerify } from './routes/co-verification';
import { createTenantContext, expiringStores, storeSizes, type SendEmail, type StoreSizes, type TenantContext } from './routes/context';
import { dbConnections } from './routes/dbconnections';
import { discovery } from './routes/discovery';
import { verifyEmail } from './routes/email-verification';
import { lockAssets } from './routes/lock-assets';
import { logout } from './routes/logout';
import { passwordReset } from './routes/reset';
import { revoke } from './routes/revoke';
import { token } from './routes/token';
import { unblock } from './routes/unblock';
import { userinfo } from './routes/userinfo';
import { ulLogin } from './routes/ul-login';
import { ulResetPassword } from './routes/ul-reset';
import { ulSignup } from './routes/ul-signup';
import { UL_STYLESHEET_PATH } from './http/ul-page';
import { ulStyles } from './http/ul-styles';
import { startSweeper, type Clock } from './stores/expiring-map';
import { UserStore } from './stores/users';

const SWEEP_INTERVAL_MS = 60_000;

export interface TenantOptions {
  /** Milliseconds since the epoch; injectable so tests and the load bench can move time. */
  readonly now?: Clock;
  /** Where the "emails" go (password reset links); default: printed on stdout. */
  readonly sendEmail?: SendEmail;
  /** scrypt's cost for users' passwords (crypto/password-hash.ts); default Node's. */
  readonly passwordHashCost?: PasswordHashCost;
}

export interface DevTenantDeps extends TenantOptions {
  readonly signingKey: SigningKey;
  readonly users: UserStore;
  /** The data dir's control secret; needed when the control API is on. */
  readonly controlSecret: string | undefined;
}

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

/** The control API's own state beside the tenant's, and the secret that minting id_tokens asks for. */
interface ControlSetup extends ControlState {
  readonly secret: string;
}

/** Every path the tenant answers: what runs in front of it (CORS, body parsing, guards) and its handler. */
function routeTable(ctx: TenantContext, control: ControlSetup | undefined): Router {
  const router = Router();
  const json = express.json({ limit: SMALL_BODY_LIMIT });
  const form = express.urlencoded({ extended: false, limit: SMALL_BODY_LIMIT });

  if (control !== undefined) {
    // The control API and its page: loopback and same-origin only, never cached.
    const guard = controlGuard(ctx.config);
    const page = controlPage();
    const users = controlUsers(ctx);
    const sessions = controlSessions(ctx);
    const refreshTokens = controlRefreshTokens(ctx);
    const tenant = controlTenant(ctx, control);
    router.use('/control', guard, (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    });
    router.get('/', guard, page.html);
    router.get('/control/page.js', page.script);
    router.get('/control/page.css', page.styles);
    router.get('/control/users', users.list);
    router.post('/control/users', json, users.create);
    router.delete('/control/users/:userId', users.remove);
    router.patch('/control/users/:userId', json, users.change);
    router.get('/control/sessions', sessions.list);
    router.post('/control/sessions/expire', json, sessions.expire);
    router.post('/control/sessions/revoke', json, sessions.revoke);
    router.get('/control/refresh-tokens', refreshTokens.list);
    router.post('/control/refresh-tokens/expire', json, refreshTokens.expire);
    router.post('/control/refresh-tokens/revoke', json, refreshTokens.revoke);
    router.get('/control/outbox', tenant.outbox);
    router.delete('/control/outbox', tenant.clearOutbox);
    router.get('/control/settings', tenant.settings);
    router.patch('/control/settings', json, tenant.changeSettings);
    router.get('/control/faults', tenant.faults);
    router.post('/control/faults', json, tenant.addFault);
    router.delete('/control/faults/:faultId', tenant.removeFault);
    router.delete('/control/faults', tenant.clearFaults);
    router.post('/control/reset', json, tenant.reset);
    router.post('/control/id-tokens', requireControlSecret(control.secret, ctx.config.dataDir), json, controlIdTokens(ctx));
  }

  // CORS only where auth0-js calls with fetch/XHR; the other paths are navigations and <script> tags.
  const corsGet = tenantCors(ctx.config.webOrigins, 'GET');
  const corsPost = tenantCors(ctx.config.webOrigins, 'POST');
  const lock = lockAssets(ctx);
  const wellKnown = discovery(ctx);
  const db = dbConnections(ctx);
  const reset = passwordReset(ctx);
  router.get('/client/:file', lock.clientScript);
  router.get('/js/lock/:version/:file', lock.languageScript);
  router.use(['/.well-known/jwks.json', '/.well-known/openid-configuration'], corsGet);
  router.get('/.well-known/jwks.json', wellKnown.jwks);
  router.get('/.well-known/openid-configuration', wellKnown.openidConfiguration);
  router.use('/co/authenticate', corsPost);
  router.post('/co/authenticate', json, coAuthenticate(ctx));
  router.post('/co/verify', form, coVerify(ctx));
  router.get('/authorize', authorize(ctx));
  // Universal Login (the code flow's pages): same-origin form posts, no CORS.
  const ulForm = express.urlencoded({ extended: false, limit: SMALL_BODY_LIMIT, parameterLimit: 10 });
  router.get(UL_STYLESHEET_PATH, ulStyles);
  const screens = [
    ['/u/login', ulLogin(ctx)],
    ['/u/signup', ulSignup(ctx)],
    ['/u/reset-password', ulResetPassword(ctx)]
  ] as const;
  for (const [path, screen] of screens) {
    router.get(path, screen.page);
    router.post(path, ulForm, screen.post);
  }
  // auth0-spa-js posts these with fetch, form-encoded by default, JSON when asked: both parsers, each
  // reading only its own content type.
  router.use(['/oauth/token', '/oauth/revoke'], corsPost);
  router.post('/oauth/token', form, json, token(ctx));
  router.post('/oauth/revoke', form, json, revoke(ctx));
  router.use('/dbconnections', corsPost);
  router.post('/dbconnections/signup', json, db.signup);
  router.post('/dbconnections/change_password', json, db.changePassword);
  // The pages the emailed links open.
  router.get('/lo/reset', reset.resetForm);
  router.post('/lo/reset', ulForm, reset.resetPassword);
  router.get('/u/email-verification', verifyEmail(ctx));
  router.get('/lo/unblock', unblock(ctx));
  router.use('/userinfo', corsGet);
  router.get('/userinfo', userinfo(ctx));
  router.get('/avatar/:file', avatarPicture(ctx));
  router.get('/v2/logout', logout(ctx));
  router.get('/favicon.ico', favicon);
  return router;
}

export function createDevTenantApp(config: ResolvedTenantConfig, deps: DevTenantDeps): DevTenantApp {
  const now = deps.now ?? Date.now;
  const outbox = new Outbox(now);
  const faults = new FaultStore(now);
  const sendEmail = outbox.recording(deps.sendEmail ?? printEmail);
  const ctx = createTenantContext(config, { signingKey: deps.signingKey, users: deps.users, sendEmail, now });
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    // Keeps login_ticket- and reset-ticket-bearing URLs out of the Referer of the next page.
    res.set('Referrer-Policy', 'no-referrer');
    next();
  });
  let control: ControlSetup | undefined;
  if (config.control) {
    if (deps.controlSecret === undefined) throw new Error('The control API needs the control secret (loadOrCreateControlSecret)');
    control = { outbox, faults, secret: deps.controlSecret };
    // Before the routes, so injected faults hit them; the fault middleware skips /control/ itself.
    app.use(faultMiddleware(ctx, faults));
  }
  app.use(routeTable(ctx, control));
  app.use(notFound);
  // Turns the control API's refusals into answers; hands every other error on.
  app.use(controlErrors);
  app.use(errorHandler);
  const sweep = (): void => {
    for (const store of expiringStores(ctx)) store.purgeExpired();
  };
  return {
    app,
    storeSizes: () => storeSizes(ctx),
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
 * Loads (or creates) the signing key, the signed-up users and, cross-site, the TLS certificate, listens on config.host:config.port
 * (0 = any free port), and only then fixes the public URL, so tests get correct issuer and URLs for
 * an OS-chosen port. Rejects with the listen error (e.g. code EADDRINUSE) when the port is taken.
 */
export async function startDevTenant(config: TenantConfig, options: TenantOptions = {}): Promise<RunningDevTenant> {
  const signingKey = await loadOrCreateSigningKey(config.dataDir);
  const users = await UserStore.open(config.users, config.dataDir, options.now, options.passwordHashCost);
  const controlSecret = config.control ? await loadOrCreateControlSecret(config.dataDir) : undefined;
  // Cross-site, the browser reaches the tenant as https://127.0.0.1:<port> (config/defaults.ts, devTenantOrigin).
  const tls = config.crossSite ? await loadOrCreateTlsCertificate(config.dataDir) : undefined;
  const listening = await listen(config.host, config.port, undefined, tls);
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
