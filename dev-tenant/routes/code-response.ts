// The code flow's answers to the app: a redirect to redirect_uri with ?code=…&state=… (response_mode
// query, auth0-spa-js's), the same in the fragment or by web_message, or with error and error_description.
import type { Response } from 'express';
import type { UserProfile } from '../accounts/user-profile';
import { sendWebMessage } from '../http/web-message';
import type { PendingAuthorization } from '../stores/login-transactions';
import type { TenantContext } from './context';

type Params = Record<string, string>;

export function redirectToApp(res: Response, authorization: PendingAuthorization, params: Params): void {
  const { redirectUri, state, responseMode } = authorization;
  const answer = new URLSearchParams(state === undefined ? params : { ...params, state });
  const url = new URL(redirectUri);
  if (responseMode === 'web_message') {
    // /authorize let web_message through only for a redirect_uri of an allowed web origin.
    sendWebMessage(res, url.origin, Object.fromEntries(answer));
    return;
  }
  if (responseMode === 'fragment') {
    url.hash = answer.toString();
  } else {
    for (const [key, value] of answer) url.searchParams.append(key, value);
  }
  res.redirect(302, url.toString());
}

export function redirectWithError(res: Response, authorization: PendingAuthorization, error: string, description: string): void {
  redirectToApp(res, authorization, { error, error_description: description });
}

/** A single-use code for what /authorize was asked, for this user and SSO session, sent to the app. */
export function redirectWithCode(
  ctx: TenantContext,
  res: Response,
  authorization: PendingAuthorization,
  user: UserProfile,
  sid: string
): void {
  const { clientId, redirectUri, codeChallenge, nonce, scope, audience } = authorization;
  const code = ctx.authorizationCodes.issue({ clientId, redirectUri, codeChallenge, nonce, scope, audience, userId: user.userId, sid });
  redirectToApp(res, authorization, { code });
}
