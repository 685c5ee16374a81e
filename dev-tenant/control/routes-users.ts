// /control/users: list, create, delete, block/unblock and verify users, with the Management API's field names.
import { type RequestHandler } from 'express';
import type { TenantContext } from '../routes/context';
import { emailProblem, emailTextProblem } from '../accounts/email-address';
import { sendVerificationEmail } from '../routes/email-verification';
import { queryParam } from '../http/helpers';
import type { UserProfile } from '../accounts/user-profile';
import { TOO_MANY_USERS, tooManyUsersText, type UserListing } from '../stores/users';
import {
  badInput,
  ControlError,
  MAX_LIFETIME_S,
  optionalBoolean,
  optionalInteger,
  optionalString,
  readBody,
  requiredString
} from './input';

const MAX_NAME_LENGTH = 300;

export interface UserJson {
  readonly user_id: string;
  readonly email: string;
  readonly name: string;
  readonly email_verified: boolean;
  readonly blocked: boolean;
  readonly created_at?: string;
  readonly source: UserListing['source'];
  /** This user's id_token lifetime, null when it is the tenant's (GET /control/settings). */
  readonly id_token_lifetime_s: number | null;
}

export function userJson({ profile, source, createdAt }: UserListing, tokens: TenantContext['tokens']): UserJson {
  return {
    user_id: profile.userId,
    email: profile.email,
    name: profile.name,
    email_verified: profile.emailVerified,
    blocked: profile.blocked,
    ...(createdAt === undefined ? {} : { created_at: createdAt }),
    source,
    id_token_lifetime_s: tokens.userIdTokenLifetime(profile.userId) ?? null
  };
}

/** The user of `userId`, or a 404 ControlError. */
export function knownUser(ctx: TenantContext, userId: string): UserProfile {
  const user = ctx.users.findById(userId);
  if (user === undefined) throw new ControlError(404, 'not_found', `No user with user_id ${userId}.`);
  return user;
}

function listingOf(ctx: TenantContext, user: UserProfile): UserJson {
  const listing = ctx.users.list().find((candidate) => candidate.profile.userId === user.userId);
  return userJson(listing ?? { profile: user, source: 'control', createdAt: undefined }, ctx.tokens);
}

export function controlUsers(ctx: TenantContext): {
  readonly list: RequestHandler;
  readonly create: RequestHandler;
  readonly remove: RequestHandler<{ userId: string }>;
  readonly change: RequestHandler<{ userId: string }>;
} {
  const { users, passwordPolicy } = ctx;

  const list: RequestHandler = (req, res) => {
    const email = queryParam(req, 'email');
    const emailRefusal = email === undefined ? undefined : emailTextProblem(email);
    if (emailRefusal !== undefined) throw badInput(`email ${emailRefusal}.`);
    const found =
      email === undefined ? users.list() : users.list().filter((user) => user.profile.email.toLowerCase() === email.trim().toLowerCase());
    res.json({ users: found.map((user) => userJson(user, ctx.tokens)) });
  };

  const create: RequestHandler = async (req, res) => {
    const fields = readBody(req.body, ['email', 'password', 'name', 'email_verified']);
    const email = requiredString(fields, 'email').trim();
    const emailRefusal = emailProblem(email);
    if (emailRefusal !== undefined) throw badInput(`email ${emailRefusal}.`);
    const password = requiredString(fields, 'password');
    const name = optionalString(fields, 'name');
    if (name !== undefined && name.length > MAX_NAME_LENGTH) throw badInput(`name must be at most ${MAX_NAME_LENGTH} characters.`);
    const emailVerified = optionalBoolean(fields, 'email_verified') ?? false;
    if (!passwordPolicy.accepts(password)) throw new ControlError(400, 'invalid_password', `password: ${passwordPolicy.describe()}`);
    const user = await users.create(email, password, { name, emailVerified, source: 'control' });
    if (user === 'full') throw new ControlError(403, TOO_MANY_USERS, tooManyUsersText('New user'));
    if (user === 'taken') throw new ControlError(409, 'user_exists', `A user with the email ${email} already exists.`);
    // As the Management API does by default (verify_email) for a user whose email is not verified yet.
    if (!emailVerified) sendVerificationEmail(ctx, user);
    res.status(201).json({ user: listingOf(ctx, user) });
  };

  const remove: RequestHandler<{ userId: string }> = async (req, res) => {
    const user = knownUser(ctx, req.params.userId);
    await users.delete(user.userId);
    endEverythingOf(ctx, user);
    res.status(204).end();
  };

  const change: RequestHandler<{ userId: string }> = async (req, res) => {
    const user = knownUser(ctx, req.params.userId);
    const fields = readBody(req.body, ['blocked', 'email_verified', 'id_token_lifetime_s']);
    const blocked = optionalBoolean(fields, 'blocked');
    const emailVerified = optionalBoolean(fields, 'email_verified');
    const lifetime = fields.id_token_lifetime_s === null ? null : optionalInteger(fields, 'id_token_lifetime_s', 1, MAX_LIFETIME_S);
    if (blocked === undefined && emailVerified === undefined && lifetime === undefined) {
      throw badInput('blocked, email_verified or id_token_lifetime_s is required.');
    }
    if (lifetime !== undefined) ctx.tokens.setUserIdTokenLifetime(user.userId, lifetime ?? undefined);
    const changed = await users.change(user.userId, {
      ...(blocked === undefined ? {} : { blocked }),
      ...(emailVerified === undefined ? {} : { emailVerified })
    });
    // Auth0's admin unblock also lifts the brute-force blocks.
    if (blocked === false) ctx.bruteForce.unblockUser(user.email);
    res.json({ user: listingOf(ctx, changed ?? user) });
  };
  return { list, create, remove, change };
}

/** What a deleted user leaves behind: sessions, login and email tickets, opaque access tokens. Returns the sessions ended. */
export function endEverythingOf(ctx: TenantContext, user: UserProfile): number {
  ctx.tickets.revokeFor(user.email);
  ctx.resetTickets.revokeFor(user.email);
  ctx.verificationTickets.revokeFor(user.email);
  ctx.unblockTickets.revokeFor(user.email);
  ctx.accessTokens.revokeFor(user.userId);
  ctx.tokens.setUserIdTokenLifetime(user.userId, undefined);
  return ctx.sessions.destroyFor(user.email);
}
