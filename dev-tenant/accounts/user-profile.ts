// A user as the tenant's routes, tokens and control API see one.

/** What the rest of the tenant sees of a user: never the password. */
export interface UserProfile {
  /** Auth0-style user id, e.g. "auth0|5f1c…": stable for an email across restarts. */
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly emailVerified: boolean;
  /** Blocked by an admin (Auth0's `blocked` user field): no login until unblocked. */
  readonly blocked: boolean;
  /** Auth0's `updated_at` (ISO 8601): the id_token's claim with the profile scope. */
  readonly updatedAt?: string;
}
