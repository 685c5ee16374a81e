import { decodeIdToken } from './id-token';
import { HOSTILE_TOKENS } from '../testing/hostile-tokens';
import { unsignedJwt } from '../testing/jwt';

describe('decodeIdToken', () => {
  it('returns the claims of a well-formed token with a numeric exp', () => {
    expect(decodeIdToken(unsignedJwt({ sub: 'auth0|1', exp: 2000000000, email: 'a@b.c' }))).toMatchObject({
      sub: 'auth0|1',
      exp: 2000000000,
      email: 'a@b.c'
    });
  });

  it.each(Object.entries(HOSTILE_TOKENS).filter(([name]) => name !== 'exp in the past'))('rejects %s without throwing', (_name, token) => {
    expect(decodeIdToken(token)).toBeNull();
  });

  it("decodes an expired token (expiry is the caller's check)", () => {
    expect(decodeIdToken(HOSTILE_TOKENS['exp in the past'])?.exp).toBe(1000);
  });

  it.each([undefined, null, 42, {}, []])('rejects the non-string %p', (value) => {
    expect(decodeIdToken(value)).toBeNull();
  });
});
