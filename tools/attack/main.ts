// `npx tsx tools/attack/main.ts`: replays the attacks of issues 9 and 17 against the dev tenant, the demo
// API and the static server, each a child process on loopback (ports from ATTACK_PORT_BASE, default
// 5150, clear of the e2e ports: app origin +0, tenant +1, API +2, static +3), and prints what held, the request count, the
// 5xx seen, the processes lost and the acknowledged writes lost (checked after a tenant restart).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import { BRUTE_FORCE_THRESHOLD } from '../../dev-tenant/config/config';
import { loadOrCreateSigningKey } from '../../dev-tenant/crypto/signing-key';
import { FALLBACK_HEADERS_FILE, HEADERS_FILE } from '../../servers/static-server';
import { CRAFTED_TOKENS, craftedRequests } from '../crafted-requests';
import { cookieTossing } from './cookie-tossing';
import { answers, pool, replayRaw, request, setCookies, startServer, stopServer, tally, type Reply, type ServerProcess } from './harness';
import { accountSpray, loginFlood, targetedLockout, type LoginAttackClient } from './login-attacks';

const base = Number(process.env.ATTACK_PORT_BASE ?? 5150);
const APP_ORIGIN = `http://localhost:${base}`;
const TENANT = `http://127.0.0.1:${base + 1}`;
const API = `http://127.0.0.1:${base + 2}`;
const STATIC = `http://127.0.0.1:${base + 3}`;
const CLIENT_ID = 'dev-tenant-client';
const CONNECTION = 'Username-Password-Authentication';
const PASSWORD = 'Attack-pass-1';

interface Outcome {
  readonly attack: string;
  readonly held: boolean;
  readonly detail: string;
}
const outcomes: Outcome[] = [];
/** Writes answered 2xx: each user must log in with the password last acknowledged, after a restart. */
const acknowledged = new Map<string, string>();

function record(attack: string, held: boolean, detail: string): void {
  outcomes.push({ attack, held, detail });
  console.log(`${held ? 'held  ' : 'BROKEN'} ${attack}: ${detail}`);
}

const json = (body: unknown, from?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
  body: JSON.stringify(body),
  from
});
const coAuthenticate = (email: string, password: string, from?: string) =>
  request(
    `${TENANT}/co/authenticate`,
    json(
      {
        client_id: CLIENT_ID,
        username: email,
        password,
        realm: CONNECTION,
        credential_type: 'http://auth0.com/oauth/grant-type/password-realm'
      },
      from
    )
  );

async function signUp(email: string, password = PASSWORD, from?: string): Promise<Reply> {
  const reply = await request(
    `${TENANT}/dbconnections/signup`,
    json({ client_id: CLIENT_ID, email, password, connection: CONNECTION }, from)
  );
  if (reply.status === 200) acknowledged.set(email, password);
  return reply;
}

function authorizeQuery(params: Record<string, string>): string {
  return new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'token id_token',
    redirect_uri: `${APP_ORIGIN}/`,
    scope: 'openid profile email',
    nonce: 'n',
    state: 's',
    ...params
  }).toString();
}

/** Opened by the app's page (which sends its origin as the Referer) unless `referer` says otherwise; null: none. */
function authorize(params: Record<string, string>, cookies: string[], referer: string | null = `${APP_ORIGIN}/`): Promise<Reply> {
  const headers = { ...(cookies.length > 0 ? { cookie: cookies.join('; ') } : {}), ...(referer === null ? {} : { referer }) };
  return request(`${TENANT}/authorize?${authorizeQuery(params)}`, { headers });
}

/** A post to /co/verify (the verification page's form, or a forged one without its secret), then the 303 back to /authorize. */
async function coVerify(params: Record<string, string>, verifier: string, cookies: string[], pageSecret?: string): Promise<Reply> {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') };
  const body = new URLSearchParams({ verifier, ...(pageSecret === undefined ? {} : { page: pageSecret }) }).toString();
  const verify = await request(`${TENANT}/co/verify?${authorizeQuery(params)}`, { method: 'POST', headers, body });
  return request(`${TENANT}${verify.headers.location ?? '/authorize'}`, { headers: { cookie: cookies.join('; ') } });
}

function fragment(reply: Reply): URLSearchParams {
  const location = reply.headers.location ?? '';
  return new URLSearchParams(location.slice(location.indexOf('#') + 1));
}

/** A browser's full login: its cookie jar afterwards, and the tokens. */
async function login(email: string, password = PASSWORD, from?: string): Promise<{ jar: string[]; tokens: URLSearchParams }> {
  const co = await coAuthenticate(email, password, from);
  const ticket = (JSON.parse(co.body) as { login_ticket?: string }).login_ticket ?? '';
  const jar = setCookies(co);
  const res = await authorize({ login_ticket: ticket }, jar);
  return { jar: setCookies(res), tokens: fragment(res) };
}

async function craftedHeaders(servers: readonly ServerProcess[]): Promise<void> {
  const targets: [ServerProcess | undefined, string, string][] = [
    [servers[0], '/authorize', '/co/authenticate'],
    [servers[0], '/userinfo', '/dbconnections/signup'],
    [servers[0], '/v2/logout', '/lo/reset'],
    [servers[1], '/api/ping', '/api/ping'],
    [servers[2], '/index.html', '/']
  ];
  let sent = 0;
  for (const [server, getPath, postPath] of targets) {
    if (server === undefined) continue;
    const requests = craftedRequests(getPath, postPath);
    await replayRaw(Number(new URL(server.url).port), requests);
    sent += requests.length;
  }
  const alive = await Promise.all(servers.map((server) => answers(`${server.url}/`)));
  record(
    '1 crafted headers (non-Latin-1, CR/LF, NUL, long, crafted JOSE headers)',
    alive.every(Boolean),
    `${sent} raw requests; every server still answering: ${String(alive.every(Boolean))}`
  );
}

async function bruteForceBursts(): Promise<void> {
  for (const failures of [0, 5, 9]) {
    const email = `burst${failures}@example.com`;
    await signUp(email);
    for (let i = 0; i < failures; i++) await coAuthenticate(email, 'wrong');
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => coAuthenticate(email, i === 20 ? PASSWORD : `guess-${i}`)));
    const checked = burst.filter((reply) => reply.status === 200 || reply.status === 403).length;
    const rightGotTicket = burst[20]?.status === 200;
    record(
      `2 burst of 30 concurrent guesses after ${failures} failures`,
      checked <= BRUTE_FORCE_THRESHOLD - failures,
      `${checked} passwords checked (limit ${BRUTE_FORCE_THRESHOLD - failures}); the right one (21st sent) ${rightGotTicket ? 'got a ticket, within the limit' : 'got no ticket'}`
    );
  }
}

async function storeFill(): Promise<void> {
  await signUp('victim@example.com');
  for (let i = 0; i < BRUTE_FORCE_THRESHOLD; i++) await coAuthenticate('victim@example.com', 'wrong');
  // 10,500 failures for other emails from 105 source addresses, 100 each, taking turns: the tenant checks
  // one password at a time per address, so requests in flight from one address would only queue.
  const tasks = Array.from({ length: 10_500 }, (_, i) => () => coAuthenticate(`flood${i}@example.com`, 'wrong', `127.1.${i % 105}.1`));
  const replies = await pool(tasks, 16);
  const throttled = replies.filter((reply) => reply.status === 429).length;
  const victim = await coAuthenticate('victim@example.com', PASSWORD);
  const stillBlocked = victim.status === 429 && victim.body.includes('too_many_attempts');
  // A full store must not refuse a pair it has not seen (issue 17).
  const unseen = await coAuthenticate('dev@example.com', 'dev-password', '127.1.200.1');
  record(
    '3 10,500 failures from other (email, IP) pairs to evict a live block',
    stillBlocked && unseen.status === 200,
    `victim's right password: ${victim.status} ${stillBlocked ? 'too_many_attempts (block kept)' : victim.body.slice(0, 80)}; ${throttled} flood attempts refused (429); a right login from an unseen pair: ${unseen.status}`
  );
}

async function ticketReplay(): Promise<void> {
  await signUp('attacker@example.com');
  const victim = await login('dev@example.com', 'dev-password', '127.0.0.2');
  const mint = async () =>
    JSON.parse((await coAuthenticate('attacker@example.com', PASSWORD)).body) as { login_ticket: string; co_verifier: string };
  // The victim's browser is sent to /authorize with the attacker's ticket: no binding cookie, so the verification
  // page, whose fallback frame in this browser has no verifier to give.
  const first = await mint();
  const page = await authorize({ login_ticket: first.login_ticket }, victim.jar);
  const secret = /name="page" value="([\w-]+)"/.exec(page.body)?.[1];
  const honest = await coVerify({ login_ticket: first.login_ticket }, '', [...victim.jar, ...setCookies(page)], secret);
  // The attacker's own page posts the attacker's co_verifier from the victim's browser, without the page's secret.
  const second = await mint();
  const shown = await authorize({ login_ticket: second.login_ticket }, victim.jar);
  const forged = await coVerify({ login_ticket: second.login_ticket }, second.co_verifier, [...victim.jar, ...setCookies(shown)]);
  const refused = [honest, forged].every((reply) => !fragment(reply).has('id_token') && fragment(reply).get('error') === 'invalid_request');
  const renewal = await authorize({ prompt: 'none', response_mode: 'web_message' }, victim.jar);
  const victimKept = renewal.body.includes('id_token') && !renewal.body.includes('attacker');
  const outcome = (reply: Reply) => fragment(reply).get('error_description') ?? 'TOKENS ISSUED';
  record(
    '4 login_ticket minted in one browser, redeemed in another (its fallback answering, and a forged verifier post)',
    page.status === 200 && refused && victimKept,
    `redeemed elsewhere: ${outcome(honest)}; forged post: ${outcome(forged)}; victim's renewal still its own account: ${String(victimKept)}`
  );
}

async function resetReuse(tenant: ServerProcess): Promise<void> {
  const email = 'reset@example.com';
  await signUp(email);
  const session = await login(email);
  const opaque = session.tokens.get('access_token') ?? '';
  const links: string[] = [];
  for (let i = 0; i < 2; i++) {
    await request(`${TENANT}/dbconnections/change_password`, json({ client_id: CLIENT_ID, email, connection: CONNECTION }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const printed = [...tenant.output().matchAll(/\/lo\/reset\?ticket=([\w-]+)/g)].map((match) => match[1]);
    links.push(printed.at(-1) ?? '');
  }
  const submit = (ticket: string, password: string) =>
    request(`${TENANT}/lo/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ticket, newPassword: password, confirmNewPassword: password }).toString()
    });
  const first = await submit(links[0] ?? '', 'Changed-pass-1');
  if (first.status === 200) acknowledged.set(email, 'Changed-pass-1');
  const second = await submit(links[1] ?? '', 'Changed-pass-2');
  if (second.status === 200) acknowledged.set(email, 'Changed-pass-2');
  const renewal = await authorize({ prompt: 'none', response_mode: 'web_message' }, session.jar);
  const userinfo = await request(`${TENANT}/userinfo`, { headers: { authorization: `Bearer ${opaque}` } });
  const held = first.status === 200 && second.status === 400 && renewal.body.includes('login_required') && userinfo.status === 401;
  record(
    '6 reset link reuse after another link was used',
    held,
    `first link ${first.status}, second ${second.status}, old session renews: ${String(!renewal.body.includes('login_required'))}, old opaque token at /userinfo: ${userinfo.status}`
  );
}

async function rateLimits(): Promise<void> {
  const statuses = async (count: number, send: (i: number) => Promise<Reply>) => {
    const seen: number[] = [];
    for (let i = 0; i < count; i++) seen.push((await send(i)).status);
    return seen.filter((status) => status === 429).length;
  };
  const change = await statuses(15, () =>
    request(
      `${TENANT}/dbconnections/change_password`,
      json({ client_id: CLIENT_ID, email: 'dev@example.com', connection: CONNECTION }, '127.0.0.3')
    )
  );
  const signup = await statuses(60, (i) => signUp(`rate${i}@example.com`, 'weak', '127.0.0.4'));
  const { tokens } = await login('dev@example.com', 'dev-password', '127.0.0.5');
  const userinfo = await statuses(15, () =>
    request(`${TENANT}/userinfo`, { headers: { authorization: `Bearer ${tokens.get('access_token') ?? ''}` } })
  );
  record(
    '6 rate limits (change_password 15x, sign-up 60x, /userinfo 15x)',
    change > 0 && signup > 0 && userinfo > 0,
    `429 too_many_requests: change_password ${change}, sign-up ${signup}, /userinfo ${userinfo}`
  );
}

async function demoApiClaims(dataDir: string): Promise<void> {
  const key = await loadOrCreateSigningKey(dataDir);
  const now = Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
  const claims = { iss: `http://localhost:${base + 1}/`, aud: CLIENT_ID, sub: 'auth0|x', iat: now, exp: now + 600 };
  const without = (name: string) => Object.fromEntries(Object.entries(claims).filter(([claim]) => claim !== name));
  const [noExp, noSub] = [without('exp'), without('sub')];
  const tokens = [await sign(noExp), await sign(noSub), await sign({ ...claims, iat: now + 3600 }), ...CRAFTED_TOKENS];
  const replies = await Promise.all(tokens.map((token) => request(`${API}/api/ping`, { headers: { authorization: `Bearer ${token}` } })));
  const good = await request(`${API}/api/ping`, { headers: { authorization: `Bearer ${await sign(claims)}` } });
  const refused = replies.every((reply) => reply.status === 401 || reply.status === 431);
  const headers = [...replies, good].every((reply) => reply.headers['cache-control'] === 'no-store' || reply.status === 431);
  record(
    '7 demo API: no exp, no sub, future iat, crafted JOSE headers',
    refused && good.status === 200 && headers,
    `${replies.filter((r) => r.status === 401).length}/${replies.length} refused with 401, a valid token ${good.status}, no-store on all: ${String(headers)}`
  );
}

async function symlinkEscape(): Promise<void> {
  const replies = await Promise.all(['/leak.txt', '/linked-dir/secret.txt'].map((urlPath) => request(`${STATIC}${urlPath}`)));
  const held = replies.every((reply) => reply.status === 404 && !reply.body.includes('outside dist'));
  record('8 symlinks out of dist/', held, replies.map((reply) => reply.status).join(', '));
}

function makeDist(root: string): string {
  const dist = path.join(root, 'dist');
  fs.mkdirSync(dist, { recursive: true });
  fs.mkdirSync(path.join(root, 'outside'));
  fs.writeFileSync(path.join(dist, HEADERS_FILE), '{}');
  fs.writeFileSync(path.join(dist, FALLBACK_HEADERS_FILE), '{}');
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>attack</title>');
  fs.writeFileSync(path.join(root, 'outside', 'secret.txt'), 'outside dist');
  fs.symlinkSync(path.join(root, 'outside', 'secret.txt'), path.join(dist, 'leak.txt'));
  fs.symlinkSync(path.join(root, 'outside'), path.join(dist, 'linked-dir'));
  return dist;
}

async function lostWrites(): Promise<number> {
  let lost = 0;
  let i = 0;
  for (const [email, password] of acknowledged) {
    // A fresh source address each: the throttles of the attacks above must not hide a user.
    const reply = await coAuthenticate(email, password, `127.2.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    if (reply.status !== 200) lost++;
    i++;
  }
  return lost;
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attack-'));
  const dataDir = path.join(root, 'tenant-data');
  const tenantEnv = {
    PORT: String(base),
    DEV_TENANT_PORT: String(base + 1),
    DEMO_API_PORT: String(base + 2),
    DEV_TENANT_DATA_DIR: dataDir
  };
  const started = Date.now();
  let tenant = await startServer('dev tenant', 'dev-tenant/main.ts', [], tenantEnv, TENANT, '/.well-known/jwks.json');
  const api = await startServer('demo API', 'demo-api/main.ts', [], tenantEnv, API, '/api/ping');
  const statics = await startServer('static server', 'scripts/serve.ts', [makeDist(root)], { PORT: String(base + 3) }, STATIC, '/');
  try {
    await craftedHeaders([tenant, api, statics]);
    await bruteForceBursts();
    await ticketReplay();
    await cookieTossing({ tenant: TENANT, appOrigin: APP_ORIGIN, password: PASSWORD, signUp, coAuthenticate, authorize, login, record });
    await resetReuse(tenant);
    await rateLimits();
    await demoApiClaims(dataDir);
    await symlinkEscape();
    const loginClient: LoginAttackClient = { coAuthenticate, signUp, record };
    await targetedLockout(loginClient);
    await accountSpray(loginClient);
    await loginFlood(loginClient);
    if (process.argv.includes('--quick')) console.log('(--quick: the 10,500-request store fill skipped)');
    else await storeFill();
    const servers = [tenant, api, statics];
    const alive = await Promise.all(servers.map(async (server) => server.child.exitCode === null && (await answers(`${server.url}/`))));
    const lostProcesses = alive.filter((up) => !up).length;
    await stopServer(tenant);
    tenant = await startServer('dev tenant', 'dev-tenant/main.ts', [], tenantEnv, TENANT, '/.well-known/jwks.json');
    const lost = await lostWrites();
    const held = outcomes.filter((outcome) => outcome.held).length;
    console.log(
      [
        '',
        `attacks:                    ${outcomes.length} (${held} held, ${outcomes.length - held} broken)`,
        `requests:                   ${tally.requests}`,
        `5xx seen:                   ${tally.serverErrors}${tally.serverErrorSamples.length > 0 ? ` (${tally.serverErrorSamples.join('; ')})` : ''}`,
        `processes lost:             ${lostProcesses} of ${servers.length}`,
        `acknowledged writes lost:   ${lost} of ${acknowledged.size} (sign-ups and password changes, checked after a tenant restart)`,
        `time:                       ${Math.round((Date.now() - started) / 1000)} s`
      ].join('\n')
    );
    process.exitCode = held === outcomes.length && tally.serverErrors === 0 && lostProcesses === 0 && lost === 0 ? 0 : 1;
  } finally {
    await Promise.all([tenant, api, statics].map(stopServer));
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
