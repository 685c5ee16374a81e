// id_tokens (RS256 JWTs that auth0-js verifies) and opaque access tokens (kept for a future /userinfo).
import { SignJWT } from 'jose';
import { ExpiringMap, type Clock } from './expiring-map';
import { randomId } from './sessions';
import type { SigningKey } from './signing-key';
import type { UserProfile } from './users';

export interface TokenIssuerOptions {
  /** The `iss` claim: the tenant's public URL WITH trailing slash, as auth0-js expects. */
  readonly issuer: string;
  readonly idTokenTtlSeconds: number;
  readonly accessTokenTtlSeconds: number;
  readonly signingKey: SigningKey;
  readonly now: Clock;
}

export interface IdTokenRequest {
  readonly clientId: string;
  readonly nonce: string | undefined;
  readonly scope: string;
}

/** What an access token stands for, looked up by a future /userinfo. */
export interface AccessTokenGrant {
  readonly userId: string;
  readonly email: string;
  readonly clientId: string;
  readonly scope: string;
}

export class TokenIssuer {
  private readonly accessTokens: ExpiringMap<AccessTokenGrant>;

  constructor(private readonly options: TokenIssuerOptions) {
    this.accessTokens = new ExpiringMap<AccessTokenGrant>(options.now);
  }

  async issueIdToken(user: UserProfile, request: IdTokenRequest): Promise<string> {
    const { issuer, idTokenTtlSeconds, signingKey, now } = this.options;
    const issuedAt = Math.floor(now() / 1000);
    const claims: Record<string, unknown> = { ...profileClaims(user, scopeSet(request.scope)) };
    if (request.nonce !== undefined) claims.nonce = request.nonce;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signingKey.kid })
      .setIssuer(issuer)
      .setSubject(user.userId)
      .setAudience(request.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + idTokenTtlSeconds)
      .sign(signingKey.privateKey);
  }

  /** An opaque bearer token (Auth0 issues opaque tokens when no API audience is requested). */
  issueAccessToken(user: UserProfile, clientId: string, scope: string): { accessToken: string; expiresIn: number } {
    const accessToken = randomId();
    const expiresIn = this.options.accessTokenTtlSeconds;
    this.accessTokens.set(accessToken, { userId: user.userId, email: user.email, clientId, scope }, expiresIn * 1000);
    return { accessToken, expiresIn };
  }

  lookupAccessToken(accessToken: string): AccessTokenGrant | undefined {
    return this.accessTokens.get(accessToken);
  }

  purgeExpired(): void {
    this.accessTokens.purgeExpired();
  }
}

export function scopeSet(scope: string): ReadonlySet<string> {
  return new Set(scope.split(' ').filter((item) => item !== ''));
}

// Like Auth0: profile claims only with the `profile` scope, email claims only with `email`.
function profileClaims(user: UserProfile, scopes: ReadonlySet<string>): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  if (scopes.has('profile')) {
    claims.name = user.name;
    // Auth0 derives the nickname of database users from the email's local part.
    claims.nickname = user.email.split('@')[0];
  }
  if (scopes.has('email')) {
    claims.email = user.email;
    claims.email_verified = true;
  }
  return claims;
}
