// The `picture` of the tenant's users: a URL of the tenant itself (Auth0 points at gravatar, which would
// send the email's hash off the machine), where http/avatar-svg.ts draws their initials.
import { createHash } from 'node:crypto';

/** 32 hex digits from the user id: stable across restarts, and no user id or email in the URL. */
export function avatarIdFor(userId: string): string {
  return createHash('sha256').update(`avatar:${userId}`, 'utf8').digest('hex').slice(0, 32);
}

/** The `picture` claim: `<issuer>avatar/<id>.svg` (the issuer ends with a slash). */
export function avatarUrl(issuer: string, userId: string): string {
  return `${issuer}avatar/${avatarIdFor(userId)}.svg`;
}
