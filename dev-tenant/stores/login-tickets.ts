// Login tickets: from /co/authenticate to the /authorize that redeems them, one page navigation later.
import { sameEmail } from '../config/config-users';
import { randomId } from '../crypto/random-id';
import { ExpiringStore } from './expiring-map';

/** Login tickets bridge one page navigation, so a minute is plenty. */
export const LOGIN_TICKET_TTL_MS = 60_000;

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
  /** Settled by the fallback page (routes/co-verification.ts): verified, or the error /authorize then answers. */
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
