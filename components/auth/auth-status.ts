/** What the session's views show beyond Log In / Log Out: the last failure, and a renewal that was refused. */
export class AuthStatus {
  /** The last login failure or forced logout, shown inline until the next attempt (by `<auth-error>` once Lock is closed). */
  error: string | null = null;
  /** Silent renewal was refused (`login_required`): when the session ends, on the local clock, for `<session-notice>`. */
  renewalRefusedEndsAtMs: number | null = null;
}
