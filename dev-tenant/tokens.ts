// id_tokens (RS256 JWTs that auth0-js verifies) and access tokens: opaque (kept here for /userinfo)
// without an audience, RS256 JWTs for the configured API audience, as Auth0 issues them.
import { createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { avatarUrl } from './avatar';
import { ExpiringStore, type Clock } from './expiring-map';
import { randomId } from './sessions';
import { publicJwks, type SigningKey } from './signing-key';
import type { UserProfile } from './users';

/** What the control API's settings change: applies to tokens issued from then on. */
export interface TokenLifetimes {
  readonly idTokenTtlSeconds: number;
  readonly accessTokenTtlSeconds: number;
}

export interface TokenIssuerOptions extends TokenLifetimes {
  /** The `iss` claim: the tenant's public URL WITH trailing slash, as auth0-js expects. */
  readonly issuer: string;
  readonly signingKey: SigningKey;
  readonly now: Clock;
}

export interface IdTokenRequest {
  readonly clientId: string;
  readonly nonce: string | undefined;
  readonly scope: string;
}

/** What an access token stands for, as /userinfo needs it. */
export interface AccessTokenGrant {
  readonly userId: string;
  readonly clientId: string;
  readonly scope: string;
}

export class TokenIssuer extends ExpiringStore<AccessTokenGrant> {
  /** Auth0 adds this audience to API access tokens with `openid`, so they also work at /userinfo. */
  readonly userinfoAudience: string;
  private readonly jwks: ReturnType<typeof createLocalJWKSet>;
  private current: TokenLifetimes;

  constructor(private readonly options: TokenIssuerOptions) {
    super(options.now);
    this.userinfoAudience = `${options.issuer}userinfo`;
    this.jwks = createLocalJWKSet(publicJwks(options.signingKey));
    this.current = { idTokenTtlSeconds: options.idTokenTtlSeconds, accessTokenTtlSeconds: options.accessTokenTtlSeconds };
  }

  get lifetimes(): TokenLifetimes {
    return this.current;
  }

  /** New lifetimes for the tokens issued from now on; omitted ones stay as they are. */
  setLifetimes(change: Partial<TokenLifetimes>): TokenLifetimes {
    this.current = { ...this.current, ...change };
    return this.current;
  }

  /** Back to the lifetimes the tenant started with. */
  resetLifetimes(): void {
    this.current = { idTokenTtlSeconds: this.options.idTokenTtlSeconds, accessTokenTtlSeconds: this.options.accessTokenTtlSeconds };
  }

  issueIdToken(user: UserProfile, request: IdTokenRequest): Promise<string> {
    const claims: JWTPayload = { ...profileClaims(user, scopeSet(request.scope), this.options.issuer), aud: request.clientId };
    if (request.nonce !== undefined) claims.nonce = request.nonce;
    return this.sign(user, claims, this.current.idTokenTtlSeconds);
  }

  /** An opaque token without audience (Auth0 does the same); a JWT for an API audience. */
  async issueAccessToken(grant: AccessTokenGrant, audience?: string): Promise<{ accessToken: string; expiresIn: number }> {
    const expiresIn = this.current.accessTokenTtlSeconds;
    if (audience === undefined) {
      const accessToken = randomId();
      this.entries.set(accessToken, grant, expiresIn * 1000);
      return { accessToken, expiresIn };
    }
    const aud = scopeSet(grant.scope).has('openid') ? [audience, this.userinfoAudience] : audience;
    const accessToken = await this.sign({ userId: grant.userId }, { aud, azp: grant.clientId, scope: grant.scope }, expiresIn);
    return { accessToken, expiresIn };
  }

  /** Revokes the user's opaque access tokens (after a password reset); JWT access tokens live until their exp, as in Auth0. */
  revokeFor(userId: string): void {
    this.entries.deleteWhere((_token, grant) => grant.userId === userId);
  }

  /** The grant of a live access token that may call /userinfo, else undefined. */
  async verifyAccessToken(accessToken: string): Promise<AccessTokenGrant | undefined> {
    if (accessToken.split('.').length !== 3) return this.entries.get(accessToken);
    try {
      const { payload } = await jwtVerify(accessToken, this.jwks, {
        issuer: this.options.issuer,
        audience: this.userinfoAudience,
        algorithms: ['RS256'],
        currentDate: new Date(this.options.now())
      });
      const { sub, azp, scope } = payload;
      if (typeof sub !== 'string' || typeof azp !== 'string' || typeof scope !== 'string') return undefined;
      return { userId: sub, clientId: azp, scope };
    } catch {
      return undefined;
    }
  }

  private sign(user: Pick<UserProfile, 'userId'>, claims: JWTPayload, ttlSeconds: number): Promise<string> {
    const { issuer, signingKey, now } = this.options;
    const issuedAt = Math.floor(now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signingKey.kid })
      .setIssuer(issuer)
      .setSubject(user.userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(signingKey.privateKey);
  }
}

export function scopeSet(scope: string): ReadonlySet<string> {
  return new Set(scope.split(' ').filter((item) => item !== ''));
}

/** Like Auth0: profile claims only with the `profile` scope, email claims only with `email`. */
export function profileClaims(user: UserProfile, scopes: ReadonlySet<string>, issuer: string): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  if (scopes.has('profile')) {
    claims.name = user.name;
    // Auth0 derives the nickname of database users from the email's local part.
    claims.nickname = user.email.split('@')[0];
    // Auth0's is a gravatar URL; this tenant serves its own (GET /avatar/<id>.svg).
    claims.picture = avatarUrl(issuer, user.userId);
  }
  if (scopes.has('email')) {
    claims.email = user.email;
    claims.email_verified = user.emailVerified;
  }
  return claims;
}
