// Injected faults: latency, 5xx, 429 and outage, per path, for a count and/or a duration, optionally
// only for requests with given query values (prompt=none: renewals only).
import { APP_ORIGIN, authorize, authorizeParams, fullLogin, sessionCookieOf, silentRenewal } from '../testing/test-support';
import { control, useClockedTenant } from '../testing/control-test-support';
import { exchangeCode, refresh, startCodeFlow, tokensOf } from '../testing/token-support';

const DISCOVERY = '/.well-known/openid-configuration';

describe('control API: faults', () => {
  const { t, advance } = useClockedTenant((tenant) => control(tenant, 'DELETE', '/control/faults'));

  const addFault = (body: Record<string, unknown>) =>
    control<{ fault: Record<string, unknown> }>(t.tenant, 'POST', '/control/faults', body);
  const discovery = () => fetch(`${t.tenant.url}${DISCOVERY}`);

  it('delays the next request by latency_ms, then answers for real', async () => {
    const added = await addFault({ path: DISCOVERY, kind: 'latency', latency_ms: 400, count: 1 });
    expect(added.status).toBe(201);
    expect(added.body.fault).toEqual({
      id: expect.stringMatching(/^fault_\d+$/) as unknown,
      path: DISCOVERY,
      match: {},
      kind: 'latency',
      latency_ms: 400,
      remaining: 1,
      ends_at: null
    });
    const started = Date.now();
    const res = await discovery();
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { issuer: string }).issuer).toBe(`${t.tenant.url}/`);
    expect((await control(t.tenant, 'GET', '/control/faults')).body).toEqual({ faults: [] });
  });

  it.each([500, 502, 503])('answers %i with an Auth0-shaped JSON error for the next count requests', async (status) => {
    await addFault({ path: DISCOVERY, kind: 'status', status, count: 2 });
    for (let i = 0; i < 2; i += 1) {
      const res = await discovery();
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: string; error_description: string };
      expect(body.error).toBe(status === 503 ? 'temporarily_unavailable' : 'server_error');
      expect(body.error_description).toMatch(/fault injected by the control API/);
    }
    expect((await discovery()).status).toBe(200);
  });

  it("answers 429 with Auth0's rate-limit headers, readable by the app's origin", async () => {
    await addFault({ path: '/co/authenticate', kind: 'status', status: 429, count: 1 });
    const res = await fetch(`${t.tenant.url}/co/authenticate`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json' },
      body: '{}'
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(res.headers.get('x-ratelimit-limit')).toBe('0');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(await res.json()).toEqual({
      error: 'too_many_requests',
      error_description: 'Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers.'
    });
  });

  it('drops the connection without an answer for an outage', async () => {
    await addFault({ path: DISCOVERY, kind: 'outage', count: 1 });
    await expect(discovery()).rejects.toThrow();
    expect((await discovery()).status).toBe(200);
  });

  it('lasts for duration_ms without a count, then ends', async () => {
    await addFault({ path: DISCOVERY, kind: 'status', status: 500, duration_ms: 60_000 });
    const listed = (await control<{ faults: { remaining: unknown; ends_at: string }[] }>(t.tenant, 'GET', '/control/faults')).body.faults;
    expect(listed).toEqual([expect.objectContaining({ remaining: null, ends_at: expect.any(String) as unknown })]);
    for (let i = 0; i < 3; i += 1) expect((await discovery()).status).toBe(500);
    advance(60_000);
    expect((await discovery()).status).toBe(200);
    expect((await control(t.tenant, 'GET', '/control/faults')).body).toEqual({ faults: [] });
  });

  it('ends at whichever of count and duration comes first', async () => {
    await addFault({ path: DISCOVERY, kind: 'status', status: 500, count: 5, duration_ms: 1000 });
    expect((await discovery()).status).toBe(500);
    advance(1000);
    expect((await discovery()).status).toBe(200);
  });

  it('with match {prompt: "none"} fails silent renewals only', async () => {
    const cookie = sessionCookieOf(await fullLogin(t.tenant));
    await addFault({ path: '/authorize', match: { prompt: 'none' }, kind: 'status', status: 500, count: 1 });
    const login = await fullLogin(t.tenant);
    expect(login.status).toBe(302);
    const renewal = await authorize(t.tenant, authorizeParams({ prompt: 'none', response_mode: 'web_message' }), cookie);
    expect(renewal.status).toBe(500);
    expect((await silentRenewal(t.tenant, cookie)).response.id_token).toBeDefined();
  });

  it('targets /oauth/token: an injected 503 reaches the app, and leaves the refresh token unused for the retry', async () => {
    const { refresh_token: refreshToken } = await tokensOf(await exchangeCode(t.tenant, await startCodeFlow(t.tenant)));
    await addFault({ path: '/oauth/token', kind: 'status', status: 503, count: 1 });
    const failed = await refresh(t.tenant, refreshToken);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect((await refresh(t.tenant, refreshToken)).status).toBe(200);
  });

  it('never applies to the control API, nor to CORS preflights', async () => {
    expect((await addFault({ path: '/control/users', kind: 'outage', count: 1 })).status).toBe(400);
    await addFault({ path: '/co/authenticate', kind: 'outage', count: 1 });
    const preflight = await fetch(`${t.tenant.url}/co/authenticate`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' }
    });
    expect(preflight.status).toBe(204);
    expect((await control(t.tenant, 'GET', '/control/faults')).body.faults).toHaveLength(1);
  });

  it('lists, deletes one and deletes all', async () => {
    const first = (await addFault({ path: DISCOVERY, kind: 'outage', count: 3 })).body.fault;
    await addFault({ path: '/userinfo', kind: 'status', status: 503, duration_ms: 5000 });
    expect((await control<{ faults: unknown[] }>(t.tenant, 'GET', '/control/faults')).body.faults).toHaveLength(2);
    expect((await control(t.tenant, 'DELETE', `/control/faults/${String(first.id)}`)).status).toBe(204);
    expect((await control(t.tenant, 'DELETE', `/control/faults/${String(first.id)}`)).status).toBe(404);
    expect((await discovery()).status).toBe(200);
    expect((await control(t.tenant, 'DELETE', '/control/faults')).status).toBe(204);
    expect((await control(t.tenant, 'GET', '/control/faults')).body).toEqual({ faults: [] });
  });

  it.each([
    [{ kind: 'outage', count: 1 }, /path is required/],
    [{ path: 'authorize', kind: 'outage', count: 1 }, /path must be a tenant path/],
    [{ path: '/authorize', kind: 'crash', count: 1 }, /kind must be one of latency, status, outage/],
    [{ path: '/authorize', kind: 'outage' }, /count or duration_ms/],
    [{ path: '/authorize', kind: 'outage', count: 0 }, /count must be a whole number from 1/],
    [{ path: '/authorize', kind: 'outage', duration_ms: 1.5 }, /duration_ms must be a whole number/],
    [{ path: '/authorize', kind: 'latency', count: 1 }, /latency_ms is required/],
    [{ path: '/authorize', kind: 'latency', latency_ms: 60_001, count: 1 }, /latency_ms must be a whole number from 1 to 60000/],
    [{ path: '/authorize', kind: 'status', count: 1 }, /status is required/],
    [{ path: '/authorize', kind: 'status', status: 404, count: 1 }, /429 or 500 to 599/],
    [{ path: '/authorize', kind: 'status', status: 600, count: 1 }, /429 or 500 to 599/],
    [{ path: '/authorize', kind: 'status', status: '500', count: 1 }, /status must be a whole number/],
    [{ path: '/authorize', kind: 'outage', status: 500, count: 1 }, /status applies to kind "status" only/],
    [{ path: '/authorize', kind: 'outage', count: 1, match: { prompt: 1 } }, /match must map/],
    [{ path: '/authorize', kind: 'outage', count: 1, times: 2 }, /Unknown field: times/]
  ])('refuses %j with 400', async (body, description) => {
    const answer = await addFault(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'invalid_request', error_description: expect.stringMatching(description) as unknown });
    expect((await control(t.tenant, 'GET', '/control/faults')).body).toEqual({ faults: [] });
  });
});
