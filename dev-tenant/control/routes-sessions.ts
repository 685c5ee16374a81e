// /control/sessions: the tenant's live SSO sessions, and ending them (expire: as if their lifetime ran
// out; revoke: also the user's login tickets and opaque access tokens).
import { type RequestHandler } from 'express';
import type { TenantContext } from '../routes/context';
import { queryParam } from '../http/helpers';
import type { SessionListing } from '../stores/sessions';
import { optionalString, readBody } from './input';
import { knownUser } from './routes-users';

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

export interface SessionJson {
  readonly id: string;
  readonly user_id: string | null;
  readonly email: string;
  readonly created_at: string;
  readonly last_interaction_at: string;
  readonly idle_expires_at: string;
  readonly expires_at: string;
}

function sessionJson(ctx: TenantContext, session: SessionListing): SessionJson {
  return {
    id: session.handle,
    user_id: ctx.users.findByEmail(session.email)?.userId ?? null,
    email: session.email,
    created_at: iso(session.createdAt),
    last_interaction_at: iso(session.lastInteractionAt),
    idle_expires_at: iso(session.idleExpiresAt),
    expires_at: iso(session.expiresAt)
  };
}

export function controlSessions(ctx: TenantContext): {
  readonly list: RequestHandler;
  readonly expire: RequestHandler;
  readonly revoke: RequestHandler;
} {
  const list: RequestHandler = (req, res) => {
    const userId = queryParam(req, 'user_id');
    const sessions = ctx.sessions.list().map((session) => sessionJson(ctx, session));
    res.json({ sessions: userId === undefined ? sessions : sessions.filter((session) => session.user_id === userId) });
  };

  const expire: RequestHandler = (req, res) => {
    const user = userOf(ctx, req.body);
    res.json({ expired: user === undefined ? ctx.sessions.destroyAll() : ctx.sessions.destroyFor(user.email) });
  };

  const revoke: RequestHandler = (req, res) => {
    const user = userOf(ctx, req.body);
    if (user === undefined) {
      ctx.tickets.clear();
      ctx.accessTokens.clear();
      res.json({ revoked: ctx.sessions.destroyAll() });
      return;
    }
    ctx.tickets.revokeFor(user.email);
    ctx.accessTokens.revokeFor(user.userId);
    res.json({ revoked: ctx.sessions.destroyFor(user.email) });
  };
  return { list, expire, revoke };
}

/** The body's user_id as a known user (404 otherwise); undefined: all users. */
function userOf(ctx: TenantContext, body: unknown): ReturnType<typeof knownUser> | undefined {
  const userId = optionalString(readBody(body, ['user_id']), 'user_id');
  return userId === undefined ? undefined : knownUser(ctx, userId);
}
