// Short-lived login tickets (from /co/authenticate to /authorize), password-reset tickets (the
// link of the reset "email") and the tenant's SSO sessions.
import { createHash, randomBytes } from 'node:crypto';
import { normalizeEmail } from '../config/config-users';
import { ExpiringStore, type Clock } from './expiring-map';

/** Login tickets bridge one page navigation, so a minute is plenty. */
export const LOGIN_TICKET_TTL_MS = 60_000;
/** A reset link is used right after it is printed; memory-only, so a restart also ends it. */
export const RESET_TICKET_TTL_MS = 60 * 60 * 1000;
/** Auth0's session limits: idle (each use extends it) and absolute (from the login). */
export interface SessionLifetimes {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

const HOUR_MS = 60 * 60 * 1000;

/** Auth0's defaults: 72 hours idle, 168 hours absolute. */
export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleMs: 72 * HOUR_MS, absoluteMs: 168 * HOUR_MS };

/** Auth0's default idle lifetime, for the load bench's clock jumps. */
export const SESSION_IDLE_TTL_MS = DEFAULT_SESSION_LIFETIMES.idleMs;

export function sessionLifetimesOf(config: {
  readonly idleSessionLifetimeHours: number;
  readonly sessionLifetimeHours: number;
}): SessionLifetimes {
  return { idleMs: config.idleSessionLifetimeHours * HOUR_MS, absoluteMs: config.sessionLifetimeHours * HOUR_MS };
}
/** Auth0's email verification links last 5 days by default. */
export const VERIFICATION_TICKET_TTL_MS = 5 * 24 * 60 * 60 * 1000;

/** An unguessable identifier: 256 bits from the CSPRNG, URL- and cookie-safe. */
export function randomId(): string {
  return randomBytes(32).toString('base64url');
}

export interface LoginTicketResponse {
  readonly login_ticket: string;
  readonly co_verifier: string;
  readonly co_id: string;
}

export interface LoginTicket {
  readonly clientId: string;
  readonly email: string;
  /** Names the browser's verifier cookie (and auth0-js's co/verifier key). */
  readonly coId: string;
  /** What auth0-js keeps for the cross-origin verification fallback. */
  readonly coVerifier: string;
  /** The HttpOnly cookie's value: proves at /authorize that this browser authenticated. */
  readonly browserSecret: string;
  /** Settled by the fallback page (co-verification.ts): verified, or the error /authorize then answers. */
  readonly fallback?: { readonly verified: true } | { readonly verified: false; readonly error: string };
}

export class LoginTicketStore extends ExpiringStore<LoginTicket> {
  issue(clientId: string, email: string): { response: LoginTicketResponse; ticket: LoginTicket } {
    const loginTicket = randomId();
    const ticket: LoginTicket = { clientId, email, coId: randomId().slice(0, 32), coVerifier: randomId(), browserSecret: randomId() };
    this.entries.set(loginTicket, ticket, LOGIN_TICKET_TTL_MS);
    return { response: { login_ticket: loginTicket, co_verifier: ticket.coVerifier, co_id: ticket.coId }, ticket };
  }

  /** The live ticket, without using it up. */
  peek(loginTicket: string): LoginTicket | undefined {
    return this.entries.get(loginTicket);
  }

  /** Records what the fallback page answered; the ticket gets a minute more for the redirect back to /authorize. */
  /** `verifier` undefined: the answer did not come from the verification page this browser was shown. */
  settleFallback(loginTicket: string, verifier: string | undefined): void {
    const ticket = this.entries.get(loginTicket);
    if (ticket === undefined) return;
    const fallback =
      verifier === undefined
        ? { verified: false as const, error: 'Invalid verifier.' }
        : verifier === ''
          ? { verified: false as const, error: 'No verifier returned from client.' }
          : verifier === ticket.coVerifier
            ? { verified: true as const }
            : { verified: false as const, error: 'Invalid verifier.' };
    this.entries.set(loginTicket, { ...ticket, fallback }, LOGIN_TICKET_TTL_MS);
  }

  /** Drops the user's unredeemed tickets (a password reset ends everything minted before it). */
  revokeFor(email: string): void {
    this.entries.deleteWhere((_ticket, ticket) => sameEmail(ticket.email, email));
  }

  /** The ticket if it is live and belongs to clientId. Any attempt consumes it: single use. */
  consume(loginTicket: string, clientId: string): LoginTicket | undefined {
    const ticket = this.entries.take(loginTicket);
    return ticket?.clientId === clientId ? ticket : undefined;
  }
}

/** The tickets in emailed links (password reset, email verification): single use, one owner email each. */
export class EmailTicketStore extends ExpiringStore<string> {
  constructor(
    private readonly ttlMs: number,
    now?: Clock
  ) {
    super(now);
  }

  issue(email: string): string {
    const ticket = randomId();
    this.entries.set(ticket, email, this.ttlMs);
    return ticket;
  }

  /** The ticket's email while it is live, without using it up (the form may be shown again). */
  peek(ticket: string): string | undefined {
    return this.entries.get(ticket);
  }

  consume(ticket: string): string | undefined {
    return this.entries.take(ticket);
  }

  /** Using one reset link ends the user's other links. */
  revokeFor(email: string): void {
    this.entries.deleteWhere((_ticket, owner) => sameEmail(owner, email));
  }
}

/** Password-reset tickets: shown by the reset page until one successful reset consumes them. */
export class ResetTicketStore extends EmailTicketStore {
  constructor(now?: Clock) {
    super(RESET_TICKET_TTL_MS, now);
  }
}

export interface TenantSession {
  readonly email: string;
  /** The id_token's `sid`: names the session without being its cookie. */
  readonly sid: string;
  /** Epoch ms of the login: the absolute limit counts from here. */
  readonly createdAt: number;
  readonly lastInteractionAt: number;
  /** The absolute limit: no use extends the session past it. */
  readonly expiresAt: number;
}

/** A session as the control API lists it: `handle` names it without revealing the cookie value. */
export interface SessionListing extends TenantSession {
  readonly handle: string;
  readonly idleExpiresAt: number;
  readonly expiresAt: number;
}

export class SessionStore extends ExpiringStore<TenantSession> {
  private readonly clock: Clock;

  constructor(
    now: Clock = Date.now,
    readonly lifetimes: SessionLifetimes = DEFAULT_SESSION_LIFETIMES
  ) {
    super(now);
    this.clock = now;
  }

  /** A fresh id every login, so a session id planted before login is never promoted (no fixation). */
  create(email: string): { id: string; session: TenantSession } {
    const id = randomId();
    const createdAt = this.clock();
    const session: TenantSession = {
      email,
      sid: randomId().slice(0, 32),
      createdAt,
      lastInteractionAt: createdAt,
      expiresAt: createdAt + this.lifetimes.absoluteMs
    };
    this.entries.set(id, session, this.idleTtl(session, createdAt), createdAt);
    return { id, session };
  }

  /** The live session for id, with its idle timer restarted (never past the absolute limit). */
  touch(id: string): TenantSession | undefined {
    const session = this.entries.get(id);
    if (session === undefined) return undefined;
    const now = this.clock();
    const touched = { ...session, lastInteractionAt: now };
    this.entries.set(id, touched, this.idleTtl(touched, now), now);
    return touched;
  }

  destroy(id: string): void {
    this.entries.delete(id);
  }

  /** Ends every session of the user, in every browser (after a password reset); returns how many. */
  destroyFor(email: string): number {
    return this.entries.deleteWhere((_id, session) => sameEmail(session.email, email));
  }

  /** Ends every session; returns how many there were. */
  destroyAll(): number {
    return this.entries.deleteWhere(() => true);
  }

  /** The live sessions, oldest first. */
  list(): SessionListing[] {
    const now = this.clock();
    return [...this.entries.live()]
      .map(({ key, value, expiresAt }) => ({
        ...value,
        handle: createHash('sha256').update(key, 'utf8').digest('base64url').slice(0, 22),
        idleExpiresAt: expiresAt,
        expiresAt: Math.min(expiresAt, value.expiresAt)
      }))
      .filter((session) => session.expiresAt > now);
  }

  /** From `nowMs`, the clock reading the session's own times were taken at: its expiry agrees with them to the millisecond. */
  private idleTtl(session: TenantSession, nowMs: number): number {
    return Math.max(0, Math.min(this.lifetimes.idleMs, session.expiresAt - nowMs));
  }
}

function sameEmail(a: string, b: string): boolean {
  return normalizeEmail(a) === normalizeEmail(b);
}
