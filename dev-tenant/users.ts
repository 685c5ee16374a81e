// In-memory user store of the tenant's one database connection.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { TenantUser } from './config';

/** What the rest of the tenant sees of a user: never the password. */
export interface UserProfile {
  /** Auth0-style user id, e.g. "auth0|5f1c…": stable for an email across restarts. */
  readonly userId: string;
  readonly email: string;
  readonly name: string;
}

interface StoredUser {
  readonly profile: UserProfile;
  readonly passwordHash: Buffer;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export class UserStore {
  private readonly byEmail = new Map<string, StoredUser>();
  // Compared against when the email is unknown, so both cases cost the same time.
  private readonly decoyHash = sha256('decoy password for unknown users');

  constructor(users: readonly TenantUser[]) {
    for (const user of users) {
      const email = normalizeEmail(user.email);
      this.byEmail.set(email, {
        // 24 hex digits like Auth0's own database user ids, derived from the email so `sub` is stable.
        profile: { userId: `auth0|${sha256(email).toString('hex').slice(0, 24)}`, email: user.email, name: user.name },
        passwordHash: sha256(user.password)
      });
    }
  }

  /** The user when email and password match, else undefined; same answer for unknown email and wrong password. */
  verifyPassword(email: string, password: string): UserProfile | undefined {
    const user = this.byEmail.get(normalizeEmail(email));
    // Hashing first gives equal-length buffers, which timingSafeEqual requires.
    const matches = timingSafeEqual(sha256(password), user?.passwordHash ?? this.decoyHash);
    return matches && user !== undefined ? user.profile : undefined;
  }

  findByEmail(email: string): UserProfile | undefined {
    return this.byEmail.get(normalizeEmail(email))?.profile;
  }
}

// Auth0 database connections treat emails case-insensitively.
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
