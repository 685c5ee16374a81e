// The signing key outlives restarts, so tokens the app already holds keep verifying.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { SIGNING_KEY_FILE, loadOrCreateSigningKey } from './signing-key';
import { CLIENT_ID, fragmentOf, fullLogin, startTestTenant, useTempDir } from '../testing/test-support';

describe('signing key', () => {
  const dir = useTempDir();
  let dataDir: string;
  beforeEach(() => {
    dataDir = dir.path;
  });

  it('verifies a token issued before a restart against the JWKS served after it', async () => {
    const before = await startTestTenant(dataDir);
    const idToken = fragmentOf(await fullLogin(before)).get('id_token') ?? '';
    await before.close();
    // Same port again, so the issuer (which contains it) is the same too.
    const after = await startTestTenant(dataDir, { DEV_TENANT_PORT: String(before.config.port) });
    try {
      expect(after.url).toBe(before.url);
      const jwks = (await (await fetch(`${after.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
      const { payload } = await jwtVerify(idToken, createLocalJWKSet(jwks), { issuer: `${after.url}/`, audience: CLIENT_ID });
      expect(payload.email).toBe('dev@example.com');
    } finally {
      await after.close();
    }
  });

  it('stores the key readable by its owner only', async () => {
    await loadOrCreateSigningKey(dataDir);
    const file = path.join(dataDir, SIGNING_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual([SIGNING_KEY_FILE]);
  });

  it('agrees on one key when two starts race to create it', async () => {
    const [a, b] = await Promise.all([loadOrCreateSigningKey(dataDir), loadOrCreateSigningKey(dataDir)]);
    const stored = await loadOrCreateSigningKey(dataDir);
    expect(a.kid).toBe(stored.kid);
    expect(b.kid).toBe(stored.kid);
  });

  it('reports a broken key file instead of replacing it', async () => {
    const file = path.join(dataDir, SIGNING_KEY_FILE);
    fs.writeFileSync(file, '{"kty": "RSA"}');
    await expect(loadOrCreateSigningKey(dataDir)).rejects.toThrow(`Signing key file ${file} is invalid`);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"kty": "RSA"}');
  });
});
