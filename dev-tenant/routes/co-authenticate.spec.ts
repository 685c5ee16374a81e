// Cross-origin authentication: the preflight and the credentials POST that Lock makes.
import { APP_ORIGIN, coAuthenticate, credentials, useTestTenant } from '../testing/test-support';

describe('/co/authenticate', () => {
  const t = useTestTenant();

  const preflight = (origin: string) =>
    fetch(`${t.tenant.url}/co/authenticate`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'auth0-client, content-type' }
    });

  it('answers the preflight of an allowed origin with that origin, never "*"', async () => {
    const res = await preflight(APP_ORIGIN);
    expect(res.status).toBe(204);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'access-control-allow-origin': APP_ORIGIN,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'auth0-client, content-type',
      'access-control-max-age': '7200',
      vary: 'Origin'
    });
  });

  it('refuses the preflight of another origin without CORS headers', async () => {
    const res = await preflight('http://localhost:4000');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(await res.json()).toMatchObject({ error: 'unauthorized_client' });
  });

  it('returns a login ticket for the right password, readable by the app', async () => {
    const res = await coAuthenticate(t.tenant, credentials());
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['co_id', 'co_verifier', 'login_ticket']);
    expect(body.login_ticket).toMatch(/^[\w-]{40,}$/);
  });

  it('accepts the email in any case', async () => {
    expect((await coAuthenticate(t.tenant, credentials('Dev@Example.COM'))).status).toBe(200);
  });

  it.each([
    ['a wrong password', credentials('dev@example.com', 'nope')],
    ['an unknown email', credentials('nobody@example.com', 'dev-password')]
  ])('answers %s with Lock\'s "Wrong email or password."', async (_case, body) => {
    const res = await coAuthenticate(t.tenant, body);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(await res.json()).toEqual({ error: 'access_denied', error_description: 'Wrong email or password.' });
  });

  it.each(['client_id', 'username', 'password', 'realm', 'credential_type'])('needs %s', async (field) => {
    const body: Record<string, unknown> = { ...credentials(), [field]: undefined };
    const res = await coAuthenticate(t.tenant, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: `Missing required parameter: ${field}` });
  });

  it.each([
    ['realm', 'Other-Connection'],
    ['credential_type', 'password']
  ])('refuses an unsupported %s', async (field, value) => {
    const res = await coAuthenticate(t.tenant, { ...credentials(), [field]: value });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses an unknown client', async () => {
    const res = await coAuthenticate(t.tenant, { ...credentials(), client_id: 'other' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'unauthorized_client' });
  });

  it('refuses a page outside the allowed web origins', async () => {
    const res = await coAuthenticate(t.tenant, credentials(), 'http://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toEqual({ error: 'unauthorized_client', error_description: 'Cross origin login not allowed.' });
  });

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${t.tenant.url}/co/authenticate`, {
      method: 'POST',
      headers: { 'content-type': contentType, origin: APP_ORIGIN },
      body
    });

  it.each([
    ['malformed JSON', '{"client_id": ', 400, 'The request body is not valid JSON.'],
    ['a JSON array', '[]', 400, 'The request body must be a JSON object.'],
    ['a too large body', JSON.stringify({ ...credentials(), password: 'x'.repeat(20_000) }), 413, 'The request body is too large.']
  ])('answers %s with %i invalid_request and CORS headers', async (_case, body, status, description) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: description });
  });

  it('treats a non-JSON body as missing fields', async () => {
    const res = await post('username=dev', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });
});
