// /control/refresh-tokens: the tenant's refresh-token families, and ending them now (one, one user's,
// or all), so a test can see what an app does when its refresh token expires or is revoked.
import { createHash } from 'node:crypto';
import { type RequestHandler } from 'express';
import type { TenantContext } from '../routes/context';
import { queryParam } from '../http/helpers';
import type { FamilyListing } from '../stores/refresh-tokens';
import { ControlError, optionalString, readBody } from './input';
import { knownUser } from './routes-users';

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

export interface RefreshTokenFamilyJson {
  /** Names the family without being (part of) a usable refresh token. */
  readonly id: string;
  readonly user_id: string;
  readonly client_id: string;
  readonly scope: string;
  readonly audience: string | null;
  readonly created_at: string;
  /** When its newest token expires unused (idle_token_lifetime). */
  readonly idle_expires_at: string;
  /** The family's absolute limit (token_lifetime). */
  readonly expires_at: string;
  readonly rotations: number;
}

function handleOf(familyId: string): string {
  return createHash('sha256').update(familyId, 'utf8').digest('base64url').slice(0, 22);
}

function familyJson(family: FamilyListing): RefreshTokenFamilyJson {
  return {
    id: handleOf(family.familyId),
    user_id: family.userId,
    client_id: family.clientId,
    scope: family.scope,
    audience: family.audience ?? null,
    created_at: iso(family.createdAt),
    idle_expires_at: iso(family.idleExpiresAt),
    expires_at: iso(family.expiresAt),
    rotations: family.rotations
  };
}

/**
 * Ends families: `id` one, `user_id` that user's, neither all. Expired and revoked look the same to
 * the app, as on Auth0: its next exchange gets invalid_grant "Unknown or invalid refresh token.".
 */
function endFamilies(ctx: TenantContext, body: unknown): number {
  const fields = readBody(body, ['user_id', 'id']);
  const userId = optionalString(fields, 'user_id');
  const id = optionalString(fields, 'id');
  if (id !== undefined) {
    const family = ctx.refreshTokens.list(userId).find((candidate) => handleOf(candidate.familyId) === id);
    if (family === undefined) throw new ControlError(404, 'not_found', `No live refresh-token family with id ${id}.`);
    return ctx.refreshTokens.revokeFamily(family.familyId) ? 1 : 0;
  }
  if (userId === undefined) return ctx.refreshTokens.revokeAll();
  return ctx.refreshTokens.revokeFor(knownUser(ctx, userId).userId);
}

export function controlRefreshTokens(ctx: TenantContext): {
  readonly list: RequestHandler;
  readonly expire: RequestHandler;
  readonly revoke: RequestHandler;
} {
  return {
    list: (req, res) => {
      res.json({ refresh_tokens: ctx.refreshTokens.list(queryParam(req, 'user_id')).map(familyJson) });
    },
    expire: (req, res) => {
      res.json({ expired: endFamilies(ctx, req.body) });
    },
    revoke: (req, res) => {
      res.json({ revoked: endFamilies(ctx, req.body) });
    }
  };
}
