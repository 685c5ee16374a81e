// The tenant's SSO sessions: an idle limit that each use extends, within an absolute limit.
import { createHash } from 'node:crypto';
import { sameEmail } from '../config/config-users';
import { randomId } from '../crypto/random-id';
import { ExpiringStore, type Clock } from './expiring-map';

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
