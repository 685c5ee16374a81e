// The tenant's SSO session as /authorize and the login page see it: the one Lock's flow and the
// Universal Login page both open, in the `auth0` cookie (http/session-cookie.ts).
import type { Request, Response } from 'express';
import { clearSessionCookie, sessionIdFrom, setSessionCookie } from '../http/session-cookie';
import type { TenantContext } from './context';

export interface SessionUser {
  readonly email: string;
  /** The session's public id: the id_token's `sid`. */
  readonly sid: string;
}

/** The user of this browser's live SSO session (extending its idle limit); a stale cookie is cleared. */
export function currentSession(ctx: TenantContext, req: Request, res: Response): SessionUser | undefined {
  const sessionId = sessionIdFrom(req);
  if (sessionId === undefined) return undefined;
  const session = ctx.sessions.touch(sessionId);
  if (session === undefined) {
    clearSessionCookie(res, ctx.config);
    return undefined;
  }
  return { email: session.email, sid: session.sid };
}

/** A new SSO session for the user who just logged in, replacing this browser's previous one. */
export function startSession(ctx: TenantContext, req: Request, res: Response, email: string): SessionUser {
  const oldSessionId = sessionIdFrom(req);
  if (oldSessionId !== undefined) ctx.sessions.destroy(oldSessionId);
  const created = ctx.sessions.create(email);
  setSessionCookie(res, ctx.config, created.id, created.session.expiresAt - created.session.createdAt);
  return { email, sid: created.session.sid };
}
