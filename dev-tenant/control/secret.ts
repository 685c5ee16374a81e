// The control secret: random, in <dataDir>/control-secret, readable by the tenant's user only (0600 in
// the 0700 data dir, like the signing key). POST /control/id-tokens, which signs with that key, needs
// it in the X-Control-Secret header: the loopback guard keeps web pages out; the secret keeps out the
// other users and processes of the machine, which reach loopback but cannot read the data dir.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { createFileOnce, readOptionalFile } from '../config/data-files';

export const CONTROL_SECRET_FILE = 'control-secret';
export const CONTROL_SECRET_HEADER = 'X-Control-Secret';
/** 32 random bytes, base64url. */
const SECRET_PATTERN = /^[\w-]{43}$/;

/** The data dir's secret, made at the first start and kept: a client that read it once stays right across restarts. */
export async function loadOrCreateControlSecret(dataDir: string): Promise<string> {
  const existing = await readControlSecret(dataDir);
  if (existing !== undefined) return existing;
  const secret = randomBytes(32).toString('base64url');
  if (await createFileOnce(dataDir, CONTROL_SECRET_FILE, `${secret}\n`)) return secret;
  // A tenant started at the same time on this data dir wrote it first.
  const winner = await readControlSecret(dataDir);
  if (winner === undefined) throw new Error(`${controlSecretFile(dataDir)} vanished while the tenant was starting; start it again`);
  return winner;
}

/** What a client sends (the tests, a script of the tenant's user); undefined before the tenant's first start. */
export async function readControlSecret(dataDir: string): Promise<string | undefined> {
  const text = await readOptionalFile(controlSecretFile(dataDir));
  if (text === undefined) return undefined;
  const secret = text.trim();
  if (!SECRET_PATTERN.test(secret)) throw new Error(`${controlSecretFile(dataDir)} is invalid; delete it and restart the tenant`);
  return secret;
}

export function controlSecretFile(dataDir: string): string {
  return path.join(dataDir, CONTROL_SECRET_FILE);
}
