// Universal Login's transactions: what /authorize was asked, kept on the server while the user is on
// the tenant's login page (/u/login?state=<id>), until the login issues its code.
import { randomId } from '../crypto/random-id';
import type { AuthorizationCodeGrant } from './authorization-codes';
import { ExpiringStore } from './expiring-map';

/** Auth0 does not publish how long its login page waits; a quarter of an hour is enough to type a password. */
export const LOGIN_TRANSACTION_TTL_MS = 15 * 60_000;

/** The authorization request a code will answer: everything the code grant records, and how to deliver it. */
export interface PendingAuthorization extends Omit<AuthorizationCodeGrant, 'userId' | 'sid'> {
  /** The app's own state, echoed with the code. */
  readonly state: string | undefined;
  /** web_message only for silent calls (prompt=none), which never reach the login page. */
  readonly responseMode: 'query' | 'fragment' | 'web_message';
}

export interface LoginTransaction {
  readonly authorization: PendingAuthorization;
  /** Sent with the page's forms: a post must echo it (the id alone travels in URLs). */
  readonly csrfToken: string;
}

export class LoginTransactionStore extends ExpiringStore<LoginTransaction> {
  /** A new transaction; its id is the `state` of the login page's URL (unguessable, short-lived). */
  begin(authorization: PendingAuthorization): string {
    const id = randomId();
    this.entries.set(id, { authorization, csrfToken: randomId() }, LOGIN_TRANSACTION_TTL_MS);
    return id;
  }

  /** The live transaction, left in place (a failed login shows the page again). */
  peek(id: string): LoginTransaction | undefined {
    return this.entries.get(id);
  }

  /** Ends the transaction: it issues one code at most. */
  finish(id: string): LoginTransaction | undefined {
    return this.entries.take(id);
  }
}
