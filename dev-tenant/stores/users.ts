// The users of the tenant's one database connection: those from the config (memory only) and those
// who signed up or were created by the control API (persisted in <dataDir>/users.json).
import { createHash } from 'node:crypto';
import { avatarIdFor } from '../accounts/avatar';
import type { UserProfile } from '../accounts/user-profile';
import { MAX_STORED_USERS } from '../config/config';
import { normalizeEmail, type TenantUser } from '../config/config-users';
import type { Clock } from './expiring-map';
import { DEFAULT_PASSWORD_HASH_COST, fastHash, hashPassword, verifyPasswordHash, type PasswordHashCost } from '../crypto/password-hash';
import { randomId } from '../crypto/random-id';
import { readUsersFile, UsersFileWriter, type StoredUserRecord } from './users-file';

/** Where a user came from: the config (memory only), Lock's sign-up, or the control API (both in users.json). */
export type UserSource = 'config' | 'signup' | 'control';

/** A user as the control API lists it. */
export interface UserListing {
  readonly profile: UserProfile;
  readonly source: UserSource;
  /** Known for stored users only. */
  readonly createdAt: string | undefined;
}

export interface NewUser {
  readonly name?: string | undefined;
  readonly emailVerified?: boolean;
  readonly source?: Exclude<UserSource, 'config'>;
}

export type UserChange = Partial<Pick<UserProfile, 'blocked' | 'emailVerified'>>;

/** Why create() made no user: the email is taken, or users.json holds MAX_STORED_USERS already. */
export type CreateRefusal = 'taken' | 'full';

/** The dev tenant's own error code for 'full' (Auth0 has no cap on a connection's users). */
export const TOO_MANY_USERS = 'too_many_users';

/** Why a new user is refused at the cap, and what to do about it. */
export function tooManyUsersText(what: string): string {
  return (
    `${what} refused: this dev tenant stores at most ${MAX_STORED_USERS} users (MAX_STORED_USERS in dev-tenant/config/config.ts). ` +
    'Delete users through the control API, or reset the tenant.'
  );
}

interface ActiveUser {
  profile: UserProfile;
  passwordHash: string;
  readonly source: UserSource;
}

export class UserStore {
  private readonly byEmail = new Map<string, ActiveUser>();
  private readonly byId = new Map<string, ActiveUser>();
  /** For /avatar/<id>.svg: derived from the user id, so users.json needs no new field. */
  private readonly byAvatarId = new Map<string, ActiveUser>();
  /** What users.json holds, by normalized email; written back whole on every change. */
  private readonly records = new Map<string, StoredUserRecord>();
  private readonly writer: UsersFileWriter;

  private constructor(
    dataDir: string,
    private readonly now: Clock,
    private readonly decoyHash: string,
    private readonly configUsers: readonly TenantUser[],
    private readonly hashCost: PasswordHashCost
  ) {
    this.writer = new UsersFileWriter(dataDir, () => [...this.records.values()]);
  }

  /**
   * Config users win over a stored user with the same email (whose record is kept, unused). `hashCost`:
   * scrypt's, for new passwords and for the check of an unknown email or a config user.
   */
  static async open(
    configUsers: readonly TenantUser[],
    dataDir: string,
    now: Clock = Date.now,
    hashCost: PasswordHashCost = DEFAULT_PASSWORD_HASH_COST
  ): Promise<UserStore> {
    // Compared against when the email is unknown, so that case costs as much as a signed-up user's.
    const store = new UserStore(dataDir, now, await hashPassword(randomId(), hashCost), configUsers, hashCost);
    store.activateConfigUsers();
    for (const record of await readUsersFile(dataDir)) {
      const key = normalizeEmail(record.email);
      store.records.set(key, record);
      if (!store.byEmail.has(key)) store.activate(profileOf(record), record.password_hash, record.source ?? 'signup');
    }
    return store;
  }

  /** Every user, config users first, then stored ones by creation. */
  list(): UserListing[] {
    return [...this.byId.values()].map((user) => ({
      profile: user.profile,
      source: user.source,
      createdAt: user.source === 'config' ? undefined : this.records.get(normalizeEmail(user.profile.email))?.created_at
    }));
  }

  /** The user when email and password match, else undefined; same answer for unknown email and wrong password. */
  async verifyPassword(email: string, password: string): Promise<UserProfile | undefined> {
    const user = this.byEmail.get(normalizeEmail(email));
    const matches = await verifyPasswordHash(user?.passwordHash ?? this.decoyHash, password, this.hashCost);
    return matches && user !== undefined ? user.profile : undefined;
  }

  findByEmail(email: string): UserProfile | undefined {
    return this.byEmail.get(normalizeEmail(email))?.profile;
  }

  findById(userId: string): UserProfile | undefined {
    return this.byId.get(userId)?.profile;
  }

  findByAvatarId(avatarId: string): UserProfile | undefined {
    return this.byAvatarId.get(avatarId)?.profile;
  }

  /** Lock's sign-up: a new user whose email is not verified yet. */
  signUp(email: string, password: string, name: string | undefined): Promise<UserProfile | CreateRefusal> {
    return this.create(email, password, { name });
  }

  /** Creates and persists a user, resolving once users.json holds it. */
  async create(email: string, password: string, options: NewUser = {}): Promise<UserProfile | CreateRefusal> {
    const { name } = options;
    const key = normalizeEmail(email);
    // Hashed before the email is looked up, so a taken email answers as slowly as a new one.
    const passwordHash = await hashPassword(password, this.hashCost);
    if (this.byEmail.has(key)) return 'taken';
    // Checked in the same synchronous step that adds the record: concurrent creates cannot overshoot.
    if (this.records.size >= MAX_STORED_USERS) return 'full';
    const stamp = new Date(this.now()).toISOString();
    // Stored lower-cased, as Auth0 stores database users' emails; the name defaults to the email, as in Auth0.
    const displayName = name === undefined || name.trim() === '' ? key : name.trim();
    const record: StoredUserRecord = {
      user_id: userIdFor(email),
      email: key,
      name: displayName,
      email_verified: options.emailVerified ?? false,
      password_hash: passwordHash,
      created_at: stamp,
      updated_at: stamp,
      ...(options.source === 'control' ? { source: 'control' as const } : {})
    };
    this.records.set(key, record);
    const profile = this.activate(profileOf(record), passwordHash, options.source ?? 'signup');
    try {
      await this.save();
    } catch (error) {
      this.records.delete(key);
      this.deactivate(profile);
      throw error;
    }
    return profile;
  }

  /** Removes the user; a config user comes back at the next start or reset. False when the id is unknown. */
  async delete(userId: string): Promise<boolean> {
    const user = this.byId.get(userId);
    if (user === undefined) return false;
    this.deactivate(user.profile);
    if (user.source !== 'config' && this.records.delete(normalizeEmail(user.profile.email))) await this.save();
    return true;
  }

  setBlocked(userId: string, blocked: boolean): Promise<UserProfile | undefined> {
    return this.change(userId, { blocked });
  }

  setEmailVerified(userId: string, emailVerified: boolean): Promise<UserProfile | undefined> {
    return this.change(userId, { emailVerified });
  }

  /** Applies the change (persisted for stored users; a config user's lasts until restart); undefined when the id is unknown. */
  async change(userId: string, change: UserChange): Promise<UserProfile | undefined> {
    const user = this.byId.get(userId);
    if (user === undefined) return undefined;
    const updatedAt = new Date(this.now()).toISOString();
    user.profile = { ...user.profile, ...change, updatedAt };
    const key = normalizeEmail(user.profile.email);
    const record = this.records.get(key);
    if (user.source !== 'config' && record !== undefined) {
      const { blocked, emailVerified } = user.profile;
      this.records.set(key, { ...record, blocked, email_verified: emailVerified, updated_at: updatedAt });
      await this.save();
    }
    return user.profile;
  }

  /** Back to the config's users as they were at start; signed-up and control users are dropped, users.json emptied. */
  async reset(): Promise<void> {
    this.byEmail.clear();
    this.byId.clear();
    this.byAvatarId.clear();
    this.records.clear();
    this.activateConfigUsers();
    await this.save();
  }

  /** Sets a new password; a config user's lasts until restart (the config stays the source of truth). */
  async setPassword(email: string, password: string): Promise<boolean> {
    const key = normalizeEmail(email);
    const user = this.byEmail.get(key);
    if (user === undefined) return false;
    const record = this.records.get(key);
    if (user.source === 'config' || record === undefined) {
      user.passwordHash = fastHash(password);
      return true;
    }
    user.passwordHash = await hashPassword(password, this.hashCost);
    this.records.set(key, { ...record, password_hash: user.passwordHash, updated_at: new Date(this.now()).toISOString() });
    await this.save();
    return true;
  }

  private activateConfigUsers(): void {
    // Config users are (re)created at every start (and reset), as far as updated_at can tell.
    const updatedAt = new Date(this.now()).toISOString();
    for (const user of this.configUsers) {
      const profile = { userId: userIdFor(user.email), email: user.email, name: user.name, emailVerified: true, blocked: false, updatedAt };
      this.activate(profile, fastHash(user.password), 'config');
    }
  }

  private activate(profile: UserProfile, passwordHash: string, source: UserSource): UserProfile {
    const user: ActiveUser = { profile, passwordHash, source };
    this.byEmail.set(normalizeEmail(profile.email), user);
    this.byId.set(profile.userId, user);
    this.byAvatarId.set(avatarIdFor(profile.userId), user);
    return profile;
  }

  private deactivate(profile: UserProfile): void {
    this.byEmail.delete(normalizeEmail(profile.email));
    this.byId.delete(profile.userId);
    this.byAvatarId.delete(avatarIdFor(profile.userId));
  }

  private save(): Promise<void> {
    return this.writer.save();
  }
}

/** 24 hex digits like Auth0's own database user ids, derived from the email so `sub` is stable. */
function userIdFor(email: string): string {
  return `auth0|${createHash('sha256').update(normalizeEmail(email), 'utf8').digest('hex').slice(0, 24)}`;
}

function profileOf(record: StoredUserRecord): UserProfile {
  return {
    userId: record.user_id,
    email: record.email,
    name: record.name,
    emailVerified: record.email_verified,
    blocked: record.blocked ?? false,
    updatedAt: record.updated_at
  };
}
