// /control/id-tokens: tokens that verify against the tenant's published keys, with the caller's claims,
// for a caller that can read the tenant's data dir (the control secret) only.
import * as fs from 'node:fs';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { CLIENT_ID, startTestTenant, useTestTenant } from '../testing/test-support';
import { control } from '../testing/control-test-support';
import { CONTROL_SECRET_HEADER, controlSecretFile, readControlSecret } from './secret';

type Minted = { id_token?: string; error?: string; error_description?: string };

describe('control API: id-tokens', () => {
  const t = useTestTenant();

  const mintWith = (headers: Record<string, string>, body: unknown = { claims: { sub: 'auth0|minted' } }) =>
    control<Minted>(t.tenant, 'POST', '/control/id-tokens', body, headers);
  const mint = async (body: unknown) => mintWith({ [CONTROL_SECRET_HEADER]: (await readControlSecret(t.dataDir)) ?? '' }, body);

  it("signs with the tenant's own key: the token verifies against its JWKS, with the tenant's iss, aud and lifetime by default", async () => {
    const answer = await mint({ claims: { sub: 'auth0|minted', email: 'minted@example.com' } });
    expect(answer.status).toBe(201);
    const token = answer.body.id_token ?? '';
    const keys = createRemoteJWKSet(new URL(`${t.tenant.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(token, keys, { issuer: `${t.tenant.url}/`, audience: CLIENT_ID });
    expect(payload).toMatchObject({ sub: 'auth0|minted', email: 'minted@example.com' });
    const settings = await control<{ id_token_lifetime_s: number }>(t.tenant, 'GET', '/control/settings');
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(settings.body.id_token_lifetime_s);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
  });

  it('lets the claims override every default: an expired token for another audience is still signed by the tenant', async () => {
    const answer = await mint({ claims: { aud: 'another-client', iat: 1000, exp: 2000 } });
    const keys = createRemoteJWKSet(new URL(`${t.tenant.url}/.well-known/jwks.json`));
    await expect(jwtVerify(answer.body.id_token ?? '', keys, { audience: CLIENT_ID })).rejects.toThrow();
    const { payload } = await jwtVerify(answer.body.id_token ?? '', keys, { currentDate: new Date(1500 * 1000) });
    expect(payload).toMatchObject({ aud: 'another-client', iat: 1000, exp: 2000 });
  });

  it.each([
    ['claims that are not an object', { claims: ['sub'] }, 'claims must be a JSON object.'],
    ['a misspelt field', { claim: {} }, 'Unknown field: claim (allowed: claims).']
  ])('refuses %s with a 400 that says why', async (_name, body, description) => {
    const answer = await mint(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'invalid_request', error_description: description });
  });

  it('answers 401 without the X-Control-Secret header, and 403 with a wrong one, saying where the secret is', async () => {
    const where = `the contents of ${controlSecretFile(t.dataDir)}, which only the tenant's user can read`;
    const without = await mintWith({});
    expect(without.status).toBe(401);
    expect(without.body).toEqual({
      error: 'unauthorized',
      error_description: `POST /control/id-tokens needs the X-Control-Secret header: ${where}.`
    });
    const secret = (await readControlSecret(t.dataDir)) ?? '';
    for (const wrong of ['', 'guess', `${secret.slice(1)}x`, `${secret}x`]) {
      const answer = await mintWith({ [CONTROL_SECRET_HEADER]: wrong });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({
        error: 'forbidden',
        error_description: `The X-Control-Secret header is not the control secret (${where}).`
      });
    }
  });

  it("keeps the secret in the data dir, readable by the tenant's user only, and the same across restarts", async () => {
    expect(fs.statSync(controlSecretFile(t.dataDir)).mode & 0o777).toBe(0o600);
    const secret = await readControlSecret(t.dataDir);
    expect(secret).toMatch(/^[\w-]{43}$/);
    const again = await startTestTenant(t.dataDir);
    try {
      expect(await readControlSecret(t.dataDir)).toBe(secret);
      const answer = await control(again, 'POST', '/control/id-tokens', { claims: {} }, { [CONTROL_SECRET_HEADER]: secret ?? '' });
      expect(answer.status).toBe(201);
    } finally {
      await again.close();
    }
  });

  it('leaves the other control routes, which the page at / uses, without the secret', async () => {
    expect((await control(t.tenant, 'POST', '/control/sessions/expire')).status).toBe(200);
    expect((await control(t.tenant, 'DELETE', '/control/outbox')).status).toBe(204);
  });
});
