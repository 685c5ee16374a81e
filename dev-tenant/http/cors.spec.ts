// servers/cors.ts, the allow-list CORS that the dev tenant and the demo API share: the dev tenant's
// strict policy (dev-tenant/http/cors.ts) and the demo API's options (demo-api/server.ts).
import express, { type RequestHandler } from 'express';
import { allowListCors } from '../../servers/cors';
import { listen, type ListeningServer } from '../../servers/lifecycle';
import { tenantCors } from './cors';

const APP = 'http://localhost:3000';
const STRANGER = 'http://localhost:4999';

function useServerWith(middleware: RequestHandler): { readonly url: string } {
  let server: ListeningServer | undefined;
  beforeAll(async () => {
    const app = express();
    app.use(middleware);
    app.all('/x', (_req, res) => {
      res.json({ ok: true });
    });
    server = await listen('127.0.0.1', 0, app);
  });
  afterAll(() => server?.close());
  return {
    get url() {
      return `${server?.url ?? ''}/x`;
    }
  };
}

const preflight = (url: string, origin: string, requestHeaders = 'auth0-client, content-type') =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders }
  });

const corsHeaders = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));

const tenant = useServerWith(tenantCors([APP], 'POST'));
const demoApi = useServerWith(
  allowListCors({
    allowedOrigins: [APP],
    methods: 'GET',
    allowHeaders: 'Authorization, Content-Type',
    maxAgeSeconds: 600,
    preflightHeadersOnEveryResponse: true
  })
);
/** What the demo API sends an allowed origin, on preflights and actual responses alike. */
const DEMO_API_GRANT = {
  'access-control-allow-origin': APP,
  'access-control-allow-methods': 'GET',
  'access-control-allow-headers': 'Authorization, Content-Type',
  'access-control-max-age': '600'
};

it.each([
  [
    'the dev tenant echoes the requested headers and allows credentials',
    tenant,
    'auth0-client, content-type',
    {
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'auth0-client, content-type',
      'access-control-max-age': '7200'
    }
  ],
  ['the demo API sends its fixed header list, without credentials', demoApi, 'x-other', DEMO_API_GRANT]
])('an allowed preflight gets 204 with that origin: %s', async (_name, server, requestHeaders, expected) => {
  const res = await preflight(server.url, APP, requestHeaders);
  expect(res.status).toBe(204);
  expect(res.headers.get('vary')).toBe('Origin');
  expect(corsHeaders(res)).toEqual(expected);
});

describe("the dev tenant's CORS", () => {
  it('does not echo a requested header list that is not a list of header names', async () => {
    const res = await preflight(tenant.url, APP, 'auth0-client; x=1');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
  });

  it("refuses another origin's preflight with 403 naming DEV_TENANT_WEB_ORIGINS, without CORS headers", async () => {
    const res = await preflight(tenant.url, STRANGER);
    expect(res.status).toBe(403);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('vary')).toBe('Origin');
    expect(corsHeaders(res)).toEqual({});
    expect(await res.json()).toEqual({
      error: 'unauthorized_client',
      error_description: 'Origin not allowed: add it to DEV_TENANT_WEB_ORIGINS.'
    });
  });

  it('lets the actual request through: with the origin and credentials for the app, bare for another origin', async () => {
    const app = await fetch(tenant.url, { method: 'POST', headers: { origin: APP } });
    expect(app.status).toBe(200);
    expect(corsHeaders(app)).toEqual({ 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true' });
    const stranger = await fetch(tenant.url, { method: 'POST', headers: { origin: STRANGER } });
    expect(stranger.status).toBe(200);
    expect(corsHeaders(stranger)).toEqual({});
  });
});

describe("the demo API's CORS options", () => {
  it('send the same headers on the actual response', async () => {
    const res = await fetch(demoApi.url, { headers: { origin: APP } });
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual(DEMO_API_GRANT);
  });

  it("answer another origin's preflight with a bare 204", async () => {
    const res = await preflight(demoApi.url, STRANGER);
    expect(res.status).toBe(204);
    expect(res.headers.get('vary')).toBe('Origin');
    expect(corsHeaders(res)).toEqual({});
  });
});
