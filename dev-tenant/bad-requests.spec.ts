// Hostile and broken requests: each gets a 4xx (an Auth0-shaped JSON body where JSON is spoken),
// never a 5xx or a crash, and the tenant still logs users in afterwards.
import * as http from 'node:http';
import { craftedRequests, replayCrafted } from '../tools/crafted-requests';
import { APP_ORIGIN, CLIENT_ID, CONNECTION, credentials, fragmentOf, fullLogin, signUpBody, useTestTenant } from './testing/test-support';

interface BadRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /**
   * 'json': {error, error_description} strings; 'db': /dbconnections' {name, code, description, statusCode};
   * 'bearer': /userinfo's plain "Unauthorized" with a WWW-Authenticate challenge; 'page': HTML or script, any 4xx.
   */
  readonly expect: 'json' | 'db' | 'bearer' | 'page';
}

interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly challenge: string | undefined;
}

/** node:http, not fetch: it sends paths, encodings and lengths exactly as written. */
function send(url: string, request: BadRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method: request.method, path: request.path, headers: request.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          body,
          challenge: res.headers['www-authenticate']
        });
      });
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json', origin: APP_ORIGIN };
const post = (path: string, body: string, headers: Record<string, string> = JSON_TYPE): BadRequest => ({
  method: 'POST',
  path,
  headers,
  body,
  expect: 'json'
});
const get = (path: string, headers?: Record<string, string>): BadRequest => ({ method: 'GET', path, headers, expect: 'json' });
const page = (request: BadRequest): BadRequest => ({ ...request, expect: 'page' });
const db = (request: BadRequest): BadRequest => ({ ...request, expect: 'db' });
const bearer = (request: BadRequest): BadRequest => ({ ...request, expect: 'bearer' });
const json = (value: unknown) => JSON.stringify(value);
const authorizeQuery = (params: Record<string, string>) => `/authorize?${new URLSearchParams(params).toString()}`;
const good = { client_id: CLIENT_ID, response_type: 'token', redirect_uri: `${APP_ORIGIN}/`, nonce: 'n' };

const CASES: readonly (readonly [string, BadRequest])[] = [
  ['an unknown path', get('/no/such/endpoint')],
  ['POST to a GET endpoint', post('/authorize', '{}')],
  ['PUT to /co/authenticate', { method: 'PUT', path: '/co/authenticate', headers: JSON_TYPE, body: '{}', expect: 'json' }],
  ['DELETE on discovery', { method: 'DELETE', path: '/.well-known/openid-configuration', expect: 'json' }],
  ['malformed JSON', post('/co/authenticate', '{"client_id": ')],
  ['a JSON string instead of an object', post('/co/authenticate', '"credentials"')],
  ['a JSON array', post('/co/authenticate', '[1, 2]')],
  ['a text/plain body', post('/co/authenticate', json(credentials()), { 'content-type': 'text/plain', origin: APP_ORIGIN })],
  ['no content type', post('/co/authenticate', json(credentials()), { origin: APP_ORIGIN })],
  ['an unsupported charset', post('/co/authenticate', '{}', { 'content-type': 'application/json; charset=latin-9' })],
  ['an unsupported content encoding', post('/co/authenticate', '{}', { 'content-type': 'application/json', 'content-encoding': 'x-zip' })],
  [
    'a body that is not really gzip',
    post('/co/authenticate', 'not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' })
  ],
  ['a too large body', post('/co/authenticate', json({ ...credentials(), password: 'x'.repeat(50_000) }))],
  // Node's HTTP parser itself refuses the stray byte after the declared length: a bare 400.
  [
    'a body longer than its Content-Length',
    page(post('/co/authenticate', '{}', { 'content-type': 'application/json', 'content-length': '1' }))
  ],
  ['fields of the wrong type', post('/co/authenticate', json({ ...credentials(), username: ['dev@example.com'] }))],
  ['a __proto__ payload', post('/co/authenticate', '{"__proto__": {"client_id": "x"}, "constructor": {}}')],
  ['a sign-up with malformed JSON', post('/dbconnections/signup', '{')],
  [
    'a sign-up without email',
    db(post('/dbconnections/signup', json({ client_id: CLIENT_ID, password: 'Str0ng-pass', connection: CONNECTION })))
  ],
  ['a sign-up with a numeric password', db(post('/dbconnections/signup', json(signUpBody('a@example.com', 'x', { password: 12345678 }))))],
  [
    'a sign-up for an unknown client',
    db(post('/dbconnections/signup', json(signUpBody('a@example.com', 'Str0ng-pass', { client_id: 'other' }))))
  ],
  [
    'a sign-up to another connection',
    db(post('/dbconnections/signup', json(signUpBody('a@example.com', 'Str0ng-pass', { connection: 'google' }))))
  ],
  ['a password change as an array', db(post('/dbconnections/change_password', '[]'))],
  ['a password change without email', db(post('/dbconnections/change_password', json({ client_id: CLIENT_ID, connection: CONNECTION })))],
  ['/authorize without parameters', get('/authorize')],
  ['/authorize with client_id given twice', get(`${authorizeQuery(good)}&client_id=${CLIENT_ID}`)],
  ['/authorize with client_id as an array', get('/authorize?client_id[]=dev-tenant-client')],
  ['/authorize with broken percent-encoding', get('/authorize?client_id=%E0%A4%A&redirect_uri=%')],
  ['/authorize to a foreign redirect_uri', page(get(authorizeQuery({ ...good, redirect_uri: 'http://evil.example/' })))],
  [
    '/authorize web_message to a foreign origin',
    page(get(authorizeQuery({ ...good, redirect_uri: 'http://localhost:3000.evil.example/', response_mode: 'web_message' })))
  ],
  ['/v2/logout to a foreign returnTo', page(get(`/v2/logout?returnTo=${encodeURIComponent('https://evil.example/')}`))],
  ['/v2/logout for an unknown client', get('/v2/logout?client_id=other')],
  ['/userinfo without a token', bearer(get('/userinfo'))],
  ['/userinfo with Basic credentials', bearer(get('/userinfo', { authorization: 'Basic ZGV2OmRldg==' }))],
  ['/userinfo with a forged JWT', bearer(get('/userinfo', { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }))],
  [
    'a preflight from a foreign origin',
    {
      method: 'OPTIONS',
      path: '/co/authenticate',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
      expect: 'json'
    }
  ],
  ['a path with broken percent-encoding', get('/client/%E0%A4%A.js')],
  ["another client's configuration script", page(get('/client/other-client.js'))],
  ['a dictionary path traversal', page(get('/js/lock/14.3.0/..%2f..%2fpackage.json'))],
  ['the reset page without a ticket', page(get('/lo/reset'))],
  ['the reset page with a forged ticket', page(get('/lo/reset?ticket=forged'))],
  ['a reset form without a ticket', page(post('/lo/reset', 'newPassword=x', { 'content-type': 'application/x-www-form-urlencoded' }))],
  [
    'a reset form with too many fields',
    page(
      post('/lo/reset', Array.from({ length: 50 }, (_, i) => `f${i}=1`).join('&'), { 'content-type': 'application/x-www-form-urlencoded' })
    )
  ],
  ['headers too large for the server', page(get('/authorize', { 'x-padding': 'x'.repeat(20_000) }))]
];

describe('bad requests', () => {
  const t = useTestTenant();

  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('answers %s with a 4xx', async (_case, request) => {
    const res = await send(t.tenant.url, request);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (request.expect === 'json') {
      expect(res.contentType).toMatch(/^application\/json/);
      const body = JSON.parse(res.body) as Record<string, unknown>;
      expect(typeof body.error).toBe('string');
      expect(typeof body.error_description).toBe('string');
    }
    if (request.expect === 'db') {
      expect(res.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(res.body)).toEqual({
        name: expect.any(String) as unknown,
        code: expect.any(String) as unknown,
        description: expect.any(String) as unknown,
        statusCode: res.status
      });
    }
    if (request.expect === 'bearer') {
      expect([res.status, res.contentType, res.body]).toEqual([401, expect.stringMatching(/^text\/plain/), 'Unauthorized']);
      expect(res.challenge).toMatch(/^Bearer/);
    }
  });

  it('still logs users in after all of them', async () => {
    await Promise.all(CASES.map(([, request]) => send(t.tenant.url, request)));
    const res = await fullLogin(t.tenant);
    expect(res.status).toBe(302);
    expect(fragmentOf(res).get('id_token')).toEqual(expect.any(String));
  });
});

describe('crafted headers (issue 9, finding 1)', () => {
  const t = useTestTenant();
  const port = () => Number(new URL(t.tenant.url).port);

  it.each([
    ['/authorize', '/co/authenticate'],
    ['/userinfo', '/dbconnections/signup'],
    ['/v2/logout', '/dbconnections/change_password'],
    ['/lo/reset', '/lo/reset'],
    ['/nowhere', '/nowhere']
  ])(
    'finding 1: no crafted request to GET %s or POST %s ends the tenant or gets a 5xx',
    async (getPath, postPath) => {
      const results = await replayCrafted(port(), craftedRequests(getPath, postPath), '/.well-known/openid-configuration');
      expect(results.filter((result) => !result.stillAnswering)).toEqual([]);
      expect(results.filter((result) => result.status !== undefined && result.status >= 500)).toEqual([]);
    },
    60_000
  );
});
