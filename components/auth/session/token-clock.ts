import type { IdTokenClaims } from './id-token';

/**
 * Differences between this browser's clock and the tenant's up to this much are taken for clock
 * skew (±5 minutes must hold); a token issued longer ago than that is judged by the local clock.
 */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000;
/** A token without `iat` is taken to be this old at its `exp`, so it is renewed a minute before. */
const ASSUMED_LIFETIME_S = 120;

/**
 * What this browser noted when it received a token from the tenant: how far its own clock was from
 * the token's `iat` then. The token's life is then measured from its receipt on the local clock,
 * whatever that clock says the time is.
 */
export interface TokenReceipt {
  /** The token it is for. */
  readonly iat: number;
  readonly exp: number;
  readonly sub: string | null;
  /** Local clock at receipt minus `iat`: the clock skew, plus the time in transit. */
  readonly offsetMs: number;
  /** Silent renewal answered `login_required` for this token: it is not tried again. */
  readonly renewalRefused: boolean;
}

/** A token's life on this browser's clock. */
export interface LocalLifetime {
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
}

const subOf = (claims: IdTokenClaims): string | null => (typeof claims.sub === 'string' ? claims.sub : null);

/** The receipt of a token received now, or null when its own claims cannot time it (no `iat`, or issued too long ago). */
export function receiptFor(claims: IdTokenClaims, receivedAtMs: number): TokenReceipt | null {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || !Number.isFinite(iat) || exp <= iat) {
    return null;
  }
  const offsetMs = receivedAtMs - iat * 1000;
  // Issued longer ago than any skew explains: a token kept somewhere, or replayed.
  return offsetMs <= MAX_CLOCK_SKEW_MS ? { iat, exp, sub: subOf(claims), offsetMs, renewalRefused: false } : null;
}

/** A stored receipt, if it is well formed and for this token; anything else reads as none. */
export function parseReceipt(raw: string | null, claims: IdTokenClaims): TokenReceipt | null {
  let value: unknown;
  try {
    value = raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const receipt = value as Partial<Record<keyof TokenReceipt, unknown>>;
  const forThisToken = receipt.iat === claims.iat && receipt.exp === claims.exp && receipt.sub === subOf(claims);
  const { offsetMs } = receipt;
  if (!forThisToken || typeof offsetMs !== 'number' || !Number.isFinite(offsetMs) || offsetMs > MAX_CLOCK_SKEW_MS) {
    return null;
  }
  return { iat: claims.iat as number, exp: claims.exp, sub: subOf(claims), offsetMs, renewalRefused: receipt.renewalRefused === true };
}

/** From the receipt when there is one; else the token's claims read on the local clock (a token found in storage). */
export function localLifetime(claims: IdTokenClaims, receipt: TokenReceipt | null): LocalLifetime {
  const offsetMs = receipt?.offsetMs ?? 0;
  const iat = typeof claims.iat === 'number' && Number.isFinite(claims.iat) ? claims.iat : claims.exp - ASSUMED_LIFETIME_S;
  return { issuedAtMs: iat * 1000 + offsetMs, expiresAtMs: claims.exp * 1000 + offsetMs };
}
