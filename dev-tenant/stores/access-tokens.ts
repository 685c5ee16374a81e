// The opaque access tokens (issued without an audience), kept for /userinfo; JWT access tokens need no store.
import { randomId } from '../crypto/random-id';
import type { AccessTokenGrant, AccessTokenProblem, OpaqueTokenKeeper } from '../crypto/tokens';
import { ExpiringStore, type Clock } from './expiring-map';

/** An opaque token is remembered this long past its exp, so /userinfo can still say it expired. */
const EXPIRED_TOKEN_MEMORY_MS = 24 * 60 * 60 * 1000;

interface OpaqueGrant extends AccessTokenGrant {
  readonly expiresAt: number;
}

export class AccessTokenStore extends ExpiringStore<OpaqueGrant> implements OpaqueTokenKeeper {
  constructor(private readonly clock: Clock = Date.now) {
    super(clock);
  }

  /** A new opaque token for the grant, valid for expiresInSeconds. */
  issue(grant: AccessTokenGrant, expiresInSeconds: number): string {
    const accessToken = randomId();
    const expiresAt = this.clock() + expiresInSeconds * 1000;
    this.entries.set(accessToken, { ...grant, expiresAt }, expiresInSeconds * 1000 + EXPIRED_TOKEN_MEMORY_MS);
    return accessToken;
  }

  /** Revokes the user's opaque access tokens (after a password reset). */
  revokeFor(userId: string): void {
    this.entries.deleteWhere((_token, grant) => grant.userId === userId);
  }

  /** The grant of a live opaque token, else why not. */
  verify(accessToken: string): AccessTokenGrant | AccessTokenProblem {
    const opaque = this.entries.get(accessToken);
    if (opaque === undefined) return 'invalid';
    if (opaque.expiresAt <= this.clock()) return 'expired';
    return { userId: opaque.userId, clientId: opaque.clientId, scope: opaque.scope };
  }
}
