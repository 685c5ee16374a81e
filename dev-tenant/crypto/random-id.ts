// The tenant's secrets and handles: tickets, session ids, opaque access tokens.
import { randomBytes } from 'node:crypto';

/** An unguessable identifier: 256 bits from the CSPRNG, URL- and cookie-safe. */
export function randomId(): string {
  return randomBytes(32).toString('base64url');
}
