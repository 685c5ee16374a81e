// The tickets in emailed links; the email verification links use this store as it is.
import { sameEmail } from '../config/config-users';
import { randomId } from '../crypto/random-id';
import { ExpiringStore, type Clock } from './expiring-map';

/** Auth0's email verification links last 5 days by default. */
export const VERIFICATION_TICKET_TTL_MS = 5 * 24 * 60 * 60 * 1000;

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
