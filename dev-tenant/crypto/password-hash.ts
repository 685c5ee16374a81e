// Password hashes. Users who sign up are stored on disk with salted scrypt; users from the config
// (whose passwords are in the environment or a file anyway) get a fast in-memory SHA-256 digest.
// Every verification costs exactly one scrypt whatever the hash, so timing tells no account kind apart.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N (CPU and memory), r (block size), p (parallelism). */
export interface PasswordHashCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** Node's defaults: about 35 ms a hash here, off the event loop. */
export const DEFAULT_PASSWORD_HASH_COST: PasswordHashCost = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** "scrypt$N$r$p$salt$hash" (base64url), the format stored in users.json. */
export async function hashPassword(password: string, cost: PasswordHashCost = DEFAULT_PASSWORD_HASH_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** "sha256$digest": only for users whose password comes from the config, never written to disk. */
export function fastHash(password: string): string {
  return `sha256$${sha256(password).toString('base64url')}`;
}

export function isPasswordHash(value: string): boolean {
  return parseScrypt(value) !== undefined || /^sha256\$[\w-]{43}$/.test(value);
}

/** Salt of the scrypt a SHA-256 check runs and discards, so that it costs what a scrypt check costs. */
const EQUALIZING_SALT = randomBytes(16);

/**
 * True when password matches the stored hash; constant-time comparison, and always exactly one scrypt:
 * a SHA-256 digest's check runs one of `cost`, the cost the store hashes its users' passwords at.
 */
export async function verifyPasswordHash(
  stored: string,
  password: string,
  cost: PasswordHashCost = DEFAULT_PASSWORD_HASH_COST
): Promise<boolean> {
  const params = parseScrypt(stored);
  if (params !== undefined) {
    const actual = await scryptAsync(password, params.salt, params);
    return actual.length === params.hash.length && timingSafeEqual(actual, params.hash);
  }
  await scryptAsync(password, EQUALIZING_SALT, cost);
  const expected = Buffer.from(stored.slice('sha256$'.length), 'base64url');
  const actual = sha256(password);
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function parseScrypt(stored: string): ScryptParams | undefined {
  const match = /^scrypt\$(\d{1,7})\$(\d{1,2})\$(\d{1,2})\$([\w-]{16,})\$([\w-]{43})$/.exec(stored);
  if (match === null) return undefined;
  const [, n, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  return { N: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

function scryptAsync(password: string, salt: Buffer, cost: PasswordHashCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: 64 * 1024 * 1024 }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
