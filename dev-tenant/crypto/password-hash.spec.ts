// Password hashes: scrypt at the cost given (Node's by default), read back at the cost each hash records,
// and one scrypt per check whatever the stored kind.
import crypto from 'node:crypto';
import { TEST_PASSWORD_HASH_COST as CHEAP } from '../testing/test-support';
import { DEFAULT_PASSWORD_HASH_COST, fastHash, hashPassword, isPasswordHash, verifyPasswordHash } from './password-hash';

describe('password hashes', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("hash at Node's default cost unless told otherwise, and record the cost in the hash", async () => {
    expect(DEFAULT_PASSWORD_HASH_COST).toEqual({ N: 16384, r: 8, p: 1 });
    expect(await hashPassword('Some-Pass-1')).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashPassword('Some-Pass-1', CHEAP)).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  });

  it('check a password against the cost its hash records, whatever the cost asked of unknown emails', async () => {
    const cheap = await hashPassword('Some-Pass-1', CHEAP);
    const full = await hashPassword('Some-Pass-1');
    expect(isPasswordHash(cheap) && isPasswordHash(full)).toBe(true);
    expect(await verifyPasswordHash(cheap, 'Some-Pass-1')).toBe(true);
    expect(await verifyPasswordHash(full, 'Some-Pass-1', CHEAP)).toBe(true);
    expect(await verifyPasswordHash(cheap, 'some-pass-1', CHEAP)).toBe(false);
  });

  it("run exactly one scrypt per check, a config user's digest at the cost given", async () => {
    const scrypt = jest.spyOn(crypto, 'scrypt');
    expect(await verifyPasswordHash(fastHash('dev-password'), 'dev-password', CHEAP)).toBe(true);
    expect(await verifyPasswordHash(fastHash('dev-password'), 'wrong', CHEAP)).toBe(false);
    expect(scrypt.mock.calls.map((call) => (call[3] as { N: number }).N)).toEqual([1024, 1024]);
    scrypt.mockClear();
    expect(await verifyPasswordHash(await hashPassword('Some-Pass-1', CHEAP), 'Some-Pass-1')).toBe(true);
    // One to hash, one to check.
    expect(scrypt).toHaveBeenCalledTimes(2);
  });
});
