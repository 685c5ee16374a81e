// The users of the tenant's one database connection: those from the config (memory only) and those
// who signed up (persisted in <dataDir>/users.json).
import { createHash } from 'node:crypto';
import { avatarIdFor } from './avatar';
import { normalizeEmail, type TenantUser } from './config-users';
import type { Clock } from './expiring-map';
import { fastHash, hashPassword, verifyPasswordHash } from './password-hash';
import { randomId } from './sessions';
import { readUsersFile, UsersFileWriter, type StoredUserRecord } from './users-file';

/** What the rest of the tenant sees of a user: never the password. */
export interface UserProfile {
  /** Auth0-style user id, e.g. "auth0|5f1c…": stable for an email across restarts. */
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly emailVerified: boolean;
  /** Blocked by an admin (Auth0's `blocked` user field): no login until unblocked. */
  readonly blocked: boolean;
  /** Auth0's `updated_at` (ISO 8601): the id_token's claim with the profile scope. */
  readonly updatedAt?: string;
}

interface ActiveUser {
  readonly profile: UserProfile;
  passwordHash: string;
  /** True for users of users.json; config users are never written to disk. */
  readonly stored: boolean;
}

export class UserStore {
  private readonly byEmail = new Map<string, ActiveUser>();
  private readonly byId = new Map<string, ActiveUser>();
  /** For /avatar/<id>.svg: derived from the user id, so users.json needs no new field. */
  private readonly byAvatarId = new Map<string, ActiveUser>();
  /** What users.json holds, by normalized email; written back whole on every change. */
  private readonly records = new Map<string, StoredUserRecord>();

  private constructor(
    private readonly writer: UsersFileWriter,
    private readonly now: Clock,
    private readonly decoyHash: string
  ) {}

  /** Config users win over a stored user with the same email (whose record is kept, unused). */
  static async open(configUsers: readonly TenantUser[], dataDir: string, now: Clock = Date.now): Promise<UserStore> {
    // Compared against when the email is unknown, so that case costs as much as a signed-up user's.
    const store = new UserStore(new UsersFileWriter(dataDir), now, await hashPassword(randomId()));
    // Config users are (re)created at every start, as far as updated_at can tell.
    const openedAt = new Date(now()).toISOString();
    for (const user of configUsers) {
      const profile = {
        userId: userIdFor(user.email),
        email: user.email,
        name: user.name,
        emailVerified: true,
        blocked: false,
        updatedAt: openedAt
      };
      store.activate(profile, fastHash(user.password), false);
    }
    for (const record of await readUsersFile(dataDir)) {
      const key = normalizeEmail(record.email);
      store.records.set(key, record);
      if (!store.byEmail.has(key)) store.activate(profileOf(record), record.password_hash, true);
    }
    return store;
  }

  /** The user when email and password match, else undefined; same answer for unknown email and wrong password. */
  async verifyPassword(email: string, password: string): Promise<UserProfile | undefined> {
    const user = this.byEmail.get(normalizeEmail(email));
    const matches = await verifyPasswordHash(user?.passwordHash ?? this.decoyHash, password);
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

  /** Creates and persists a user; undefined when the email is taken. */
  async signUp(email: string, password: string, name: string | undefined): Promise<UserProfile | undefined> {
    const key = normalizeEmail(email);
    // Hashed before the email is looked up, so a taken email answers as slowly as a new one.
    const passwordHash = await hashPassword(password);
    if (this.byEmail.has(key)) return undefined;
    const stamp = new Date(this.now()).toISOString();
    // Stored lower-cased, as Auth0 stores database users' emails; the name defaults to the email, as in Auth0.
    const displayName = name === undefined || name.trim() === '' ? key : name.trim();
    const record: StoredUserRecord = {
      user_id: userIdFor(email),
      email: key,
      name: displayName,
      email_verified: false,
      password_hash: passwordHash,
      created_at: stamp,
      updated_at: stamp
    };
    this.records.set(key, record);
    const profile = this.activate(profileOf(record), passwordHash, true);
    try {
      await this.save();
    } catch (error) {
      this.records.delete(key);
      this.byEmail.delete(key);
      this.byId.delete(profile.userId);
      this.byAvatarId.delete(avatarIdFor(profile.userId));
      throw error;
    }
    return profile;
  }

  /** Sets a new password; a config user's lasts until restart (the config stays the source of truth). */
  async setPassword(email: string, password: string): Promise<boolean> {
    const key = normalizeEmail(email);
    const user = this.byEmail.get(key);
    if (user === undefined) return false;
    const record = this.records.get(key);
    if (!user.stored || record === undefined) {
      user.passwordHash = fastHash(password);
      return true;
    }
    user.passwordHash = await hashPassword(password);
    this.records.set(key, { ...record, password_hash: user.passwordHash, updated_at: new Date(this.now()).toISOString() });
    await this.save();
    return true;
  }

  private activate(profile: UserProfile, passwordHash: string, stored: boolean): UserProfile {
    const user: ActiveUser = { profile, passwordHash, stored };
    this.byEmail.set(normalizeEmail(profile.email), user);
    this.byId.set(profile.userId, user);
    this.byAvatarId.set(avatarIdFor(profile.userId), user);
    return profile;
  }

  private save(): Promise<void> {
    return this.writer.save(() => [...this.records.values()]);
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
