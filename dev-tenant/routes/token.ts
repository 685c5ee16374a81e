// POST /oauth/token for a public SPA client (auth0-spa-js): the authorization code with PKCE, and
// rotating refresh tokens. Form-encoded and JSON bodies alike, as Auth0 accepts both.
import type { RequestHandler, Response } from 'express';
import { scopeSet } from '../crypto/tokens';
import { sendError } from '../http/errors';
import { bodyField } from '../http/helpers';
import type { UserProfile } from '../accounts/user-profile';
import { USER_BLOCKED } from './password-login';
import type { TenantContext } from './context';
import { INVALID_CODE, INVALID_REFRESH_TOKEN, knownClient, PKCE_FAILED, requiredField, sendInvalidGrant } from './oauth-errors';
import type { RefreshGrant } from '../stores/refresh-tokens';

const AUTHORIZATION_CODE = 'authorization_code';
const REFRESH_TOKEN = 'refresh_token';

/** What the tokens are issued for: a redeemed code's grant, or a refresh-token family's. */
interface TokenGrant extends RefreshGrant {
  readonly nonce: string | undefined;
}

export function token(ctx: TenantContext): RequestHandler {
  return async (req, res) => {
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    const body: unknown = req.body;
    const grantType = requiredField(body, 'grant_type', res);
    if (grantType === undefined) return;
    const clientId = knownClient(ctx, body, res);
    if (clientId === undefined) return;
    if (grantType === AUTHORIZATION_CODE) await exchangeCode(ctx, body, clientId, res);
    else if (grantType === REFRESH_TOKEN) await exchangeRefreshToken(ctx, body, clientId, res);
    else sendError(res, 403, 'unauthorized_client', `Grant type '${grantType}' not allowed for the client.`);
  };
}

async function exchangeCode(ctx: TenantContext, body: unknown, clientId: string, res: Response): Promise<void> {
  const code = requiredField(body, 'code', res);
  if (code === undefined) return;
  const redeemed = ctx.authorizationCodes.redeem(code, {
    clientId,
    redirectUri: bodyField(body, 'redirect_uri'),
    codeVerifier: bodyField(body, 'code_verifier')
  });
  if ('refused' in redeemed) {
    sendInvalidGrant(res, redeemed.refused === 'pkce_failed' ? PKCE_FAILED : INVALID_CODE);
    return;
  }
  const { grant } = redeemed;
  const user = userFor(ctx, grant.userId, res, INVALID_CODE);
  if (user === undefined) return;
  // Auth0 issues a refresh token only when the app asked for offline_access.
  const refreshToken = scopeSet(grant.scope).has('offline_access') ? ctx.refreshTokens.issue(grant) : undefined;
  await sendTokens(ctx, res, user, grant, refreshToken);
}

async function exchangeRefreshToken(ctx: TenantContext, body: unknown, clientId: string, res: Response): Promise<void> {
  const refreshToken = requiredField(body, 'refresh_token', res);
  if (refreshToken === undefined) return;
  const rotation = ctx.refreshTokens.rotate(refreshToken, clientId);
  if ('refused' in rotation) {
    sendInvalidGrant(res, INVALID_REFRESH_TOKEN);
    return;
  }
  const user = userFor(ctx, rotation.grant.userId, res, INVALID_REFRESH_TOKEN);
  if (user === undefined) return;
  // The id_token of a refresh carries no nonce: no authorization request stands behind it (OIDC Core §12.2).
  await sendTokens(ctx, res, user, { ...rotation.grant, nonce: undefined }, rotation.refreshToken);
}

/** The live, unblocked user the grant is for; otherwise answers (a deleted user: the grant is gone with them). */
function userFor(ctx: TenantContext, userId: string, res: Response, goneDescription: string): UserProfile | undefined {
  const user = ctx.users.findById(userId);
  if (user === undefined) {
    ctx.refreshTokens.revokeFor(userId);
    sendInvalidGrant(res, goneDescription);
  } else if (user.blocked) {
    sendError(res, 401, 'unauthorized', USER_BLOCKED);
  } else {
    return user;
  }
  return undefined;
}

async function sendTokens(
  ctx: TenantContext,
  res: Response,
  user: UserProfile,
  grant: TokenGrant,
  refreshToken: string | undefined
): Promise<void> {
  const { userId, clientId, scope, audience, nonce, sid } = grant;
  const access = await ctx.tokens.issueAccessToken({ userId, clientId, scope }, audience);
  const idToken = scopeSet(scope).has('openid') ? await ctx.tokens.issueIdToken(user, { clientId, nonce, scope, sid }) : undefined;
  res.json({
    access_token: access.accessToken,
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
    ...(idToken === undefined ? {} : { id_token: idToken }),
    scope,
    expires_in: access.expiresIn,
    token_type: 'Bearer'
  });
}
