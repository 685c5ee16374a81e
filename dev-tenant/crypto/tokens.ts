// id_tokens (RS256 JWTs that auth0-js verifies) and access tokens: opaque (kept in stores/access-tokens.ts
// for /userinfo) without an audience, RS256 JWTs for the configured API audience, as Auth0 issues them.
import { createHash } from 'node:crypto';
import { createLocalJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { avatarUrl } from '../accounts/avatar';
import { publicJwks, type SigningKey } from './signing-key';
import type { UserProfile } from '../accounts/user-profile';

/** What the control API's settings change: applies to tokens issued from then on. */
export interface TokenLifetimes {
  readonly idTokenTtlSeconds: number;
  readonly accessTokenTtlSeconds: number;
}

/** What an access token stands for, as /userinfo needs it. */
export interface AccessTokenGrant {
  readonly userId: string;
  readonly clientId: string;
  readonly scope: string;
}

/** Why /userinfo refuses a token: Auth0 tells an expired token from any other bad one. */
export type AccessTokenProblem = 'expired' | 'invalid';

/** Where the opaque access tokens are kept (stores/access-tokens.ts). */
export interface OpaqueTokenKeeper {
  issue(grant: AccessTokenGrant, expiresInSeconds: number): string;
  verify(accessToken: string): AccessTokenGrant | AccessTokenProblem;
}

export interface TokenIssuerOptions extends TokenLifetimes {
  /** The `iss` claim: the tenant's public URL WITH trailing slash, as auth0-js expects. */
  readonly issuer: string;
  readonly signingKey: SigningKey;
  /** Where the opaque access tokens are kept. */
  readonly accessTokens: OpaqueTokenKeeper;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

export interface IdTokenRequest {
  readonly clientId: string;
  readonly nonce: string | undefined;
  readonly scope: string;
  /** The SSO session's id for the `sid` claim. */
  readonly sid?: string;
  /** The access token issued beside it (response_type "token id_token"): its `at_hash` goes in. */
  readonly accessToken?: string;
}

export class TokenIssuer {
  /** Auth0 adds this audience to API access tokens with `openid`, so they also work at /userinfo. */
  readonly userinfoAudience: string;
  private readonly jwks: ReturnType<typeof createLocalJWKSet>;
  private current: TokenLifetimes;
  private readonly userIdTokenTtlSeconds = new Map<string, number>();

  constructor(private readonly options: TokenIssuerOptions) {
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

  /** One user's id_token lifetime, in place of the tenant's (undefined: the tenant's again); tests running side by side each shorten their own user's. */
  setUserIdTokenLifetime(userId: string, seconds: number | undefined): void {
    if (seconds === undefined) this.userIdTokenTtlSeconds.delete(userId);
    else this.userIdTokenTtlSeconds.set(userId, seconds);
  }

  userIdTokenLifetime(userId: string): number | undefined {
    return this.userIdTokenTtlSeconds.get(userId);
  }

  /** Back to the lifetimes the tenant started with, for every user. */
  resetLifetimes(): void {
    this.userIdTokenTtlSeconds.clear();
    this.current = { idTokenTtlSeconds: this.options.idTokenTtlSeconds, accessTokenTtlSeconds: this.options.accessTokenTtlSeconds };
  }

  issueIdToken(user: UserProfile, request: IdTokenRequest): Promise<string> {
    const claims: JWTPayload = { ...profileClaims(user, scopeSet(request.scope), this.options.issuer), aud: request.clientId };
    if (request.nonce !== undefined) claims.nonce = request.nonce;
    if (request.sid !== undefined) claims.sid = request.sid;
    if (request.accessToken !== undefined) claims.at_hash = atHash(request.accessToken);
    return this.sign(user, claims, this.userIdTokenTtlSeconds.get(user.userId) ?? this.current.idTokenTtlSeconds);
  }

  /** An opaque token without audience (Auth0 does the same); a JWT for an API audience. */
  async issueAccessToken(grant: AccessTokenGrant, audience?: string): Promise<{ accessToken: string; expiresIn: number }> {
    const expiresIn = this.current.accessTokenTtlSeconds;
    if (audience === undefined) return { accessToken: this.options.accessTokens.issue(grant, expiresIn), expiresIn };
    const aud = scopeSet(grant.scope).has('openid') ? [audience, this.userinfoAudience] : audience;
    const accessToken = await this.sign({ userId: grant.userId }, { aud, azp: grant.clientId, scope: grant.scope }, expiresIn);
    return { accessToken, expiresIn };
  }

  /** The grant of a live access token that may call /userinfo, else why not. */
  async verifyAccessToken(accessToken: string): Promise<AccessTokenGrant | AccessTokenProblem> {
    if (accessToken.split('.').length !== 3) return this.options.accessTokens.verify(accessToken);
    try {
      const { payload } = await jwtVerify(accessToken, this.jwks, {
        issuer: this.options.issuer,
        audience: this.userinfoAudience,
        algorithms: ['RS256'],
        currentDate: new Date(this.options.now())
      });
      const { sub, azp, scope } = payload;
      if (typeof sub !== 'string' || typeof azp !== 'string' || typeof scope !== 'string') return 'invalid';
      return { userId: sub, clientId: azp, scope };
    } catch (error) {
      return error instanceof errors.JWTExpired ? 'expired' : 'invalid';
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

/** OIDC's at_hash for RS256: the left half of the token's SHA-256, base64url (what auth0-js checks). */
export function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
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
    if (user.updatedAt !== undefined) claims.updated_at = user.updatedAt;
  }
  if (scopes.has('email')) {
    claims.email = user.email;
    claims.email_verified = user.emailVerified;
  }
  return claims;
}
