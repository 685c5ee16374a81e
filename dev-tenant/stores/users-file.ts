// <dataDir>/users.json: the users who signed up (and their password changes), so they can log in
// after a restart. Git-ignored with the rest of the data dir; replaced atomically on every change.
import * as path from 'node:path';
import { looksLikeEmail } from '../accounts/email-address';
import { readOptionalFile, replaceFile } from '../config/data-files';
import { isPasswordHash } from '../crypto/password-hash';

export const USERS_FILE = 'users.json';

/** One user as stored: Auth0's Management API field names, and a password hash, never the password. */
export interface StoredUserRecord {
  readonly user_id: string;
  readonly email: string;
  readonly name: string;
  readonly email_verified: boolean;
  /** Absent in files written before admins could block users. */
  readonly blocked?: boolean;
  /** "control" for users the control API created; absent for Lock's sign-ups. */
  readonly source?: 'control';
  readonly password_hash: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const STRING_FIELDS = ['user_id', 'email', 'name', 'password_hash', 'created_at', 'updated_at'] as const;

/** The stored users, [] when there is no file yet. A broken file is reported, never overwritten. */
export async function readUsersFile(dataDir: string): Promise<StoredUserRecord[]> {
  const file = path.join(dataDir, USERS_FILE);
  const text = await readOptionalFile(file);
  if (text === undefined) return [];
  const broken = (why: string) => new Error(`Users file ${file} is invalid (${why}); fix it or delete it to forget signed-up users`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw broken('not JSON');
  }
  const users = (parsed as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) throw broken('expected {"users": [...]}');
  return users.map((entry: unknown, index) => {
    if (!isRecord(entry)) throw broken(`entry ${index} is not a valid user`);
    return entry;
  });
}

function isRecord(value: unknown): value is StoredUserRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    STRING_FIELDS.every((field) => typeof record[field] === 'string') &&
    typeof record.email_verified === 'boolean' &&
    (record.blocked === undefined || typeof record.blocked === 'boolean') &&
    (record.source === undefined || record.source === 'control') &&
    looksLikeEmail(record.email as string) &&
    isPasswordHash(record.password_hash as string)
  );
}

/**
 * Writes users.json whole, one write at a time, so an older snapshot can never land after a newer one.
 * Changes made while a write is under way share the next write (its snapshot is taken when it starts):
 * a burst of sign-ups costs two writes, not one each, and each caller's promise settles only once a
 * write that holds its change is on disk (or has failed).
 */
export class UsersFileWriter {
  private queue: Promise<void> = Promise.resolve();
  /** The write not started yet: it will hold every change made before it starts. */
  private next: Promise<void> | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly snapshot: () => readonly StoredUserRecord[],
    /** How a file is replaced (config/data-files.ts); a spec holds or fails the writes here. */
    private readonly write: typeof replaceFile = replaceFile
  ) {}

  save(): Promise<void> {
    this.next ??= this.enqueue();
    return this.next;
  }

  private enqueue(): Promise<void> {
    const write = this.queue.then(() => {
      // From here on, a change needs a write of its own: this one's snapshot is taken now.
      this.next = undefined;
      return this.write(this.dataDir, USERS_FILE, `${JSON.stringify({ users: this.snapshot() }, null, 2)}\n`);
    });
    // A failed write is reported to its callers only; the next write starts afresh.
    this.queue = write.catch(() => undefined);
    return write;
  }
}
