import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { CRAFTED_TOKENS, craftedRequests, replayCrafted } from '../tools/crafted-requests';
import { loadDemoApiConfig } from './config';
import { IAT_SKEW_SECONDS, startDemoApi, type RunningDemoApi } from './server';

const config = { ...loadDemoApiConfig({ DEMO_API_PORT: '0' }), port: 0 };
const APP_ORIGIN = 'http://localhost:3000';

describe('demo API /api/ping', () => {
  let api: RunningDemoApi;
  let tenantKey: KeyLike;
  let strangerKey: KeyLike;

  beforeAll(async () => {
    const tenant = await generateKeyPair('RS256');
    tenantKey = tenant.privateKey;
    ({ privateKey: strangerKey } = await generateKeyPair('RS256'));
    const publicJwk = { ...(await exportJWK(tenant.publicKey)), kid: 'tenant-key', alg: 'RS256' };
    api = await startDemoApi(config, createLocalJWKSet({ keys: [publicJwk] }));
  });
  afterAll(async () => {
    await api.close();
  });

  function sign(claims: JWTPayload, key: KeyLike = tenantKey, kid = 'tenant-key'): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: config.issuer, aud: 'dev-tenant-client', sub: 'auth0|abc', iat: now, exp: now + 600, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(key);
  }

  function ping(authorization?: string): Promise<Response> {
    return fetch(`${api.url}/api/ping`, { headers: authorization ? { authorization, origin: APP_ORIGIN } : { origin: APP_ORIGIN } });
  }

  it("answers 200 with the caller's sub for a valid id_token", async () => {
    const res = await ping(`Bearer ${await sign({})}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sub: 'auth0|abc' });
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('accepts an access token for the API audience', async () => {
    const res = await ping(`Bearer ${await sign({ aud: [config.audiences[1], `${config.issuer}userinfo`] })}`);
    expect(res.status).toBe(200);
  });

  it.each([
    ['no header', () => Promise.resolve(undefined), /No Authorization header/],
    ['not Bearer', () => Promise.resolve('Basic abc'), /not "Bearer <token>"/],
    ['malformed token', () => Promise.resolve('Bearer not.a.jwt'), /malformed/],
    ['expired', async () => `Bearer ${await sign({ exp: Math.floor(Date.now() / 1000) - 120 })}`, /expired/],
    ['wrong aud', async () => `Bearer ${await sign({ aud: 'someone-else' })}`, /"aud" claim/],
    ['wrong iss', async () => `Bearer ${await sign({ iss: 'http://evil.example/' })}`, /"iss" claim/],
    ['another key, same kid', async () => `Bearer ${await sign({}, strangerKey)}`, /signature is invalid/],
    ['unknown kid', async () => `Bearer ${await sign({}, strangerKey, 'other')}`, /not signed by a key of this tenant/]
  ])('answers 401 with a reason: %s', async (_name, header, reason) => {
    const res = await ping(await header());
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_token');
    expect(body.error_description).toMatch(reason);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('allows CORS only for the app origin', async () => {
    const preflight = await fetch(`${api.url}/api/ping`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-headers': 'authorization' }
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const stranger = await fetch(`${api.url}/api/ping`, { method: 'OPTIONS', headers: { origin: 'http://localhost:4999' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('demo API hardening (issue 9)', () => {
  let api: RunningDemoApi;
  let key: KeyLike;
  const port = () => Number(new URL(api.url).port);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'tenant-key', alg: 'RS256' };
    api = await startDemoApi(config, createLocalJWKSet({ keys: [publicJwk] }));
  });
  afterAll(async () => {
    await api.close();
  });

  function token(claims: JWTPayload, omit: readonly string[] = []): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const all: JWTPayload = { iss: config.issuer, aud: 'dev-tenant-client', sub: 'auth0|abc', iat: now, exp: now + 600, ...claims };
    const kept = Object.fromEntries(Object.entries(all).filter(([name]) => !omit.includes(name)));
    return new SignJWT(kept).setProtectedHeader({ alg: 'RS256', kid: 'tenant-key' }).sign(key);
  }

  it('finding 1: no crafted header or JOSE header ends the API, and every answer stays under 500', async () => {
    const results = await replayCrafted(port(), craftedRequests('/api/ping'), '/api/ping');
    expect(results.filter((result) => !result.stillAnswering)).toEqual([]);
    expect(results.filter((result) => result.status !== undefined && result.status >= 500)).toEqual([]);
  }, 60_000);

  it.each(CRAFTED_TOKENS.map((crafted, index) => [index + 1, crafted] as const))(
    'finding 1: a crafted JOSE header #%d gets a 401 whose WWW-Authenticate is fixed text',
    async (_index, crafted) => {
      const res = await fetch(`${api.url}/api/ping`, { headers: { authorization: `Bearer ${crafted}` } });
      // The longest one is over Node's header limit (431); the others reach jose.
      if (res.status === 431) return;
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token", error_description="[\w "().,'<>-]+"$/);
    }
  );

  it.each([
    ['exp', /"exp"/],
    ['sub', /subject/]
  ])('finding 7: refuses a token without %s', async (claim, reason) => {
    const res = await fetch(`${api.url}/api/ping`, { headers: { authorization: `Bearer ${await token({}, [claim])}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_description: string }).error_description).toMatch(reason);
  });

  it('finding 7: refuses an iat in the future beyond the skew, accepts one within it', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await fetch(`${api.url}/api/ping`, {
      headers: { authorization: `Bearer ${await token({ iat: now + IAT_SKEW_SECONDS + 30 })}` }
    });
    expect(future.status).toBe(401);
    expect(((await future.json()) as { error_description: string }).error_description).toMatch(/future/);
    const within = await fetch(`${api.url}/api/ping`, { headers: { authorization: `Bearer ${await token({ iat: now + 5 })}` } });
    expect(within.status).toBe(200);
  });

  it.each(['/api/ping', '/nowhere'])('finding 7: %s answers with Cache-Control: no-store and nosniff', async (path) => {
    const headerSets: Record<string, string>[] = [{}, { authorization: `Bearer ${await token({})}` }];
    for (const headers of headerSets) {
      const res = await fetch(`${api.url}${path}`, { headers });
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
