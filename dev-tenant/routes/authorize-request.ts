// What both of /authorize's flows (implicit for Lock, code for Universal Login) check first: the
// client and its callback, before anything is sent back to redirect_uri (no open redirect), and the
// API audience asked for.
import type { Request, Response } from 'express';
import { sendError } from '../http/errors';
import { sendPage } from '../http/html-page';
import { originOf, queryParam } from '../http/helpers';
import type { TenantContext } from './context';

export interface AllowedCallback {
  readonly clientId: string;
  readonly redirectUri: string;
}

/** The client and a registered redirect_uri; otherwise answers (never redirecting) and returns undefined. */
export function allowedCallback({ config }: TenantContext, req: Request, res: Response): AllowedCallback | undefined {
  const clientId = queryParam(req, 'client_id');
  if (clientId !== config.clientId) {
    sendError(
      res,
      400,
      'invalid_request',
      clientId === undefined ? 'Missing required parameter: client_id' : `Unknown client: ${clientId}`
    );
    return undefined;
  }
  const redirectUri = queryParam(req, 'redirect_uri');
  if (redirectUri === undefined || !config.callbackUrls.includes(redirectUri)) {
    // Auth0's own page, in Auth0's fixed words; the request's redirect_uri is never echoed.
    sendPage(
      res,
      400,
      'Callback URL mismatch.',
      '<p>The provided redirect_uri is not in the list of allowed callback URLs.</p>\n' +
        '<p>Add it to the dev tenant&rsquo;s DEV_TENANT_CALLBACK_URLS (Auth0: the application&rsquo;s Allowed Callback URLs).</p>'
    );
    return undefined;
  }
  return { clientId, redirectUri };
}

/** web_message posts the answer to redirect_uri's origin: it must be an allowed web origin. The refusal's text, if it is not. */
export function webMessageRefusal({ config }: TenantContext, redirectUri: string): string | undefined {
  const origin = originOf(redirectUri);
  if (origin !== undefined && config.webOrigins.includes(origin)) return undefined;
  return `The origin of ${redirectUri} is not in the list of allowed web origins (DEV_TENANT_WEB_ORIGINS).`;
}

export type Audience = { kind: 'known'; api: string | undefined } | { kind: 'unknown'; audience: string };

/** The configured API gets a JWT access token; none (or /userinfo's own audience) an opaque one. */
export function apiAudience({ config, tokens }: TenantContext, audience: string | undefined): Audience {
  if (audience === undefined || audience === '' || audience === tokens.userinfoAudience) return { kind: 'known', api: undefined };
  if (audience === config.apiAudience) return { kind: 'known', api: audience };
  return { kind: 'unknown', audience };
}

/**
 * Auth0 never skips consent for a localhost callback: silently (prompt=none) an API audience gets
 * consent_required. The interactive login stands in for the consent screen this tenant does not have.
 */
export function needsConsent(req: Request, api: string | undefined, redirectUri: string): boolean {
  return api !== undefined && queryParam(req, 'prompt') === 'none' && isLocalhost(redirectUri);
}

/** Auth0's test for "localhost" callbacks (consent cannot be skipped for them). */
function isLocalhost(redirectUri: string): boolean {
  const host = originOf(redirectUri) === undefined ? undefined : new URL(redirectUri).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}
