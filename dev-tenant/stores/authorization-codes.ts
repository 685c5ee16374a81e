// Authorization codes (code flow with PKCE): issued by /authorize, redeemed once at /oauth/token.
import { createHash, timingSafeEqual } from 'node:crypto';
import { randomId } from '../crypto/random-id';
import { ExpiringStore } from './expiring-map';

/**
 * Auth0 publishes no code lifetime (community.auth0.com/t/30987); RFC 6749 §4.1.2 asks for a short one,
 * 10 minutes at most. A code crosses one redirect, so a minute is plenty, as for the login tickets.
 */
export const AUTHORIZATION_CODE_TTL_MS = 60_000;

/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** What /authorize checked and the code stands for; only S256 challenges exist (plain PKCE is refused there). */
export interface AuthorizationCodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  /** BASE64URL(SHA-256(code_verifier)), as sent with code_challenge_method=S256. */
  readonly codeChallenge: string;
  readonly userId: string;
  readonly nonce: string | undefined;
  readonly scope: string;
  /** The API audience for a JWT access token; undefined: an opaque one. */
  readonly audience: string | undefined;
  /** The SSO session's id, for the id_token's `sid`. */
  readonly sid: string | undefined;
}

/** What the token request brings to redeem a code. */
export interface CodeRedemption {
  readonly clientId: string;
  readonly redirectUri: string | undefined;
  readonly codeVerifier: string | undefined;
}

export type RedeemedCode = { readonly grant: AuthorizationCodeGrant } | { readonly refused: 'invalid_code' | 'pkce_failed' };

/** The S256 code challenge of a verifier. */
export function s256Challenge(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

export class AuthorizationCodeStore extends ExpiringStore<AuthorizationCodeGrant> {
  /** A new single-use code for the grant. */
  issue(grant: AuthorizationCodeGrant): string {
    const code = randomId();
    this.entries.set(code, grant, AUTHORIZATION_CODE_TTL_MS);
    return code;
  }

  /**
   * The grant if the code is live, was issued to this client for this redirect_uri, and the verifier
   * matches its challenge. Any attempt uses the code up: a verifier cannot be guessed over retries,
   * and a replayed code never works (RFC 6749 §4.1.2).
   */
  redeem(code: string, redemption: CodeRedemption): RedeemedCode {
    const grant = this.entries.take(code);
    if (grant === undefined || grant.clientId !== redemption.clientId || grant.redirectUri !== redemption.redirectUri) {
      return { refused: 'invalid_code' };
    }
    const verifier = redemption.codeVerifier;
    if (verifier === undefined || !CODE_VERIFIER.test(verifier) || !sameText(s256Challenge(verifier), grant.codeChallenge)) {
      return { refused: 'pkce_failed' };
    }
    return { grant };
  }

  /** Drops the user's unredeemed codes (a password reset or a deleted user). */
  revokeFor(userId: string): void {
    this.entries.deleteWhere((_code, grant) => grant.userId === userId);
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
