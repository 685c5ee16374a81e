// The tenant's RS256 signing key, persisted in the data dir so id_tokens issued before a restart
// still verify after it (the app keeps them in localStorage).
import * as path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { createFileOnce, readOptionalFile } from '../config/data-files';

export interface PublicSigningJwk {
  readonly kty: 'RSA';
  readonly n: string;
  readonly e: string;
  readonly kid: string;
  readonly alg: 'RS256';
  readonly use: 'sig';
}

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: PublicSigningJwk;
}

export const SIGNING_KEY_FILE = 'signing-key.json';
const PRIVATE_RSA_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

export async function loadOrCreateSigningKey(dataDir: string): Promise<SigningKey> {
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing !== undefined) return existing;
  return createKeyFile(dataDir, file);
}

/** The JSON Web Key Set served at /.well-known/jwks.json: public members only. */
export function publicJwks(key: SigningKey): { keys: PublicSigningJwk[] } {
  return { keys: [key.publicJwk] };
}

async function readKeyFile(file: string): Promise<SigningKey | undefined> {
  const text = await readOptionalFile(file);
  if (text === undefined) return undefined;
  // A broken key file is reported, never silently replaced: replacing it would invalidate live tokens.
  const broken = (why: string) => new Error(`Signing key file ${file} is invalid (${why}); delete it to generate a new key`);
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw broken('not JSON');
  }
  if (!isPrivateRsaJwk(jwk)) throw broken('not a private RSA JWK with a kid');
  try {
    return await toSigningKey(jwk);
  } catch (error) {
    throw broken(error instanceof Error ? error.message : String(error));
  }
}

async function createKeyFile(dataDir: string, file: string): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const exported = await exportJWK(privateKey);
  const jwk = { ...exported, kid: await calculateJwkThumbprint(exported), alg: 'RS256', use: 'sig' };
  // Never overwrites a key that a concurrently started tenant has just written: the loser reads the winner's key instead.
  if (!(await createFileOnce(dataDir, SIGNING_KEY_FILE, `${JSON.stringify(jwk, null, 2)}\n`))) {
    const winner = await readKeyFile(file);
    if (winner === undefined) throw new Error(`Signing key file ${file} vanished while the tenant was starting; start it again`);
    return winner;
  }
  if (!isPrivateRsaJwk(jwk)) throw new Error('Generated signing key has an unexpected shape');
  return toSigningKey(jwk);
}

type PrivateRsaJwk = JWK & Record<(typeof PRIVATE_RSA_MEMBERS)[number] | 'kid', string>;

function isPrivateRsaJwk(value: unknown): value is PrivateRsaJwk {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.kty === 'RSA' &&
    typeof record.kid === 'string' &&
    record.kid !== '' &&
    PRIVATE_RSA_MEMBERS.every((member) => typeof record[member] === 'string')
  );
}

async function toSigningKey(jwk: PrivateRsaJwk): Promise<SigningKey> {
  const privateKey = await importJWK(jwk, 'RS256');
  if (privateKey instanceof Uint8Array) throw new Error('expected an RSA key, got a symmetric secret');
  return {
    kid: jwk.kid,
    privateKey,
    // Picked member by member so no private member (d, p, q, ...) can ever leak into the JWKS.
    publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid: jwk.kid, alg: 'RS256', use: 'sig' }
  };
}
