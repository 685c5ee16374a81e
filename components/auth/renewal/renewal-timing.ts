import type { ActiveSession } from '../session/stored-session';

/** Renew this long before expiry (room for a few retries), but never in the first half of a token's life. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
/** However short the tokens, one tab calls checkSession at most this often. */
export const MIN_RENEWAL_INTERVAL_MS = 30_000;
/** The longest wait between failed renewals (timeouts, network errors, refused tokens). */
export const MAX_RENEWAL_BACKOFF_MS = 10 * 60_000;
/** Tabs that share a token would all be due at once: each waits up to this much more. */
export const RENEWAL_JITTER_MS = 2_000;
/** checkSession's wait for the tenant's answer (auth0-js's default is 60 s); under LEASE_MS. */
export const RENEWAL_TIMEOUT_MS = 20_000;

/** When to renew a session, on the local clock: from its receipt, never from `exp` against the local clock alone. */
export function renewalDueMs(session: Pick<ActiveSession, 'issuedAtMs' | 'expiresAtMs'>): number {
  const halfLifeMs = (session.expiresAtMs - session.issuedAtMs) / 2;
  return session.expiresAtMs - Math.min(RENEW_BEFORE_EXPIRY_MS, halfLifeMs);
}

/** The wait after the n-th failure in a row: 30 s, 1 min, 2 min, … up to 10 min. */
export function renewalBackoffMs(failures: number): number {
  return Math.min(MIN_RENEWAL_INTERVAL_MS * 2 ** Math.max(0, failures - 1), MAX_RENEWAL_BACKOFF_MS);
}

/** Answers that mean "only a login helps": the tenant session is gone, or its cookie was not sent (third-party cookies blocked). */
export function needsLogin(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { error?: unknown }).error : undefined;
  return code === 'login_required' || code === 'consent_required' || code === 'interaction_required';
}

/**
 * Answers that mean "this session's refresh token is gone" (universal mode): expired, revoked
 * (logout elsewhere, a reused token's family) or missing. The session ends at once; no retry helps.
 */
export function refreshTokenGone(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { error?: unknown }).error : undefined;
  return code === 'invalid_grant' || code === 'missing_refresh_token';
}
