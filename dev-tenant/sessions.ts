// Short-lived login tickets (from /co/authenticate to /authorize), password-reset tickets (the
// link of the reset "email") and the tenant's SSO sessions.
import { randomBytes } from 'node:crypto';
import { ExpiringStore } from './expiring-map';

/** Login tickets bridge one page navigation, so a minute is plenty. */
export const LOGIN_TICKET_TTL_MS = 60_000;
/** A reset link is used right after it is printed; memory-only, so a restart also ends it. */
export const RESET_TICKET_TTL_MS = 60 * 60 * 1000;
/** Auth0's default idle session lifetime (3 days); each use extends it. */
export const SESSION_IDLE_TTL_MS = 3 * 24 * 60 * 60 * 1000;
/** HttpOnly so page scripts cannot read it; named apart from the app's own cookies (ports share cookies). */
export const SESSION_COOKIE = 'dev_tenant_session';

/** An unguessable identifier: 256 bits from the CSPRNG, URL- and cookie-safe. */
export function randomId(): string {
  return randomBytes(32).toString('base64url');
}

export interface LoginTicketResponse {
  readonly login_ticket: string;
  readonly co_verifier: string;
  readonly co_id: string;
}

/** How a ticket shows it came back to the browser that got it (co-verification.ts). */
export interface TicketBinding {
  /** The value of the cookie /co/authenticate set. */
  readonly cookie: string;
  /** What auth0-js stored on the app's origin, for the fallback page to hand back. */
  readonly coVerifier: string;
  readonly coId: string;
  /** Settled by the fallback: verified, or the error /authorize then answers. */
  readonly fallback?: { readonly verified: true } | { readonly verified: false; readonly error: string };
}

interface Ticket extends TicketBinding {
  readonly clientId: string;
  readonly email: string;
}

export class LoginTicketStore extends ExpiringStore<Ticket> {
  issue(clientId: string, email: string): LoginTicketResponse {
    const loginTicket = randomId();
    const binding = { cookie: randomId(), coVerifier: randomId(), coId: randomId().slice(0, 32) };
    this.entries.set(loginTicket, { clientId, email, ...binding }, LOGIN_TICKET_TTL_MS);
    return { login_ticket: loginTicket, co_verifier: binding.coVerifier, co_id: binding.coId };
  }

  /** The live ticket's binding, without using the ticket up. */
  bindingOf(loginTicket: string): TicketBinding | undefined {
    return this.entries.get(loginTicket);
  }

  /** Records what the fallback page answered; the ticket gets a minute more for the redirect back to /authorize. */
  settleFallback(loginTicket: string, verifier: string): void {
    const ticket = this.entries.get(loginTicket);
    if (ticket === undefined) return;
    const fallback =
      verifier === ''
        ? { verified: false as const, error: 'No verifier returned from client.' }
        : verifier === ticket.coVerifier
          ? { verified: true as const }
          : { verified: false as const, error: 'Invalid verifier.' };
    this.entries.set(loginTicket, { ...ticket, fallback }, LOGIN_TICKET_TTL_MS);
  }

  /** The ticket's email if it is live and belongs to clientId. Any attempt consumes it: single use. */
  consume(loginTicket: string, clientId: string): string | undefined {
    const ticket = this.entries.take(loginTicket);
    return ticket?.clientId === clientId ? ticket.email : undefined;
  }
}

/** Password-reset tickets: shown by the reset page until one successful reset consumes them. */
export class ResetTicketStore extends ExpiringStore<string> {
  issue(email: string): string {
    const ticket = randomId();
    this.entries.set(ticket, email, RESET_TICKET_TTL_MS);
    return ticket;
  }

  /** The ticket's email while it is live, without using it up (the form may be shown again). */
  peek(ticket: string): string | undefined {
    return this.entries.get(ticket);
  }

  consume(ticket: string): string | undefined {
    return this.entries.take(ticket);
  }
}

export interface TenantSession {
  readonly email: string;
}

export class SessionStore extends ExpiringStore<TenantSession> {
  /** A fresh id every login, so a session id planted before login is never promoted (no fixation). */
  create(email: string): string {
    const id = randomId();
    this.entries.set(id, { email }, SESSION_IDLE_TTL_MS);
    return id;
  }

  /** The live session for id, with its idle timer restarted. */
  touch(id: string): TenantSession | undefined {
    const session = this.entries.get(id);
    if (session !== undefined) this.entries.set(id, session, SESSION_IDLE_TTL_MS);
    return session;
  }

  destroy(id: string): void {
    this.entries.delete(id);
  }
}
