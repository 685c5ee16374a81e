// `npm run bench:tenant`: 1,000 full Lock logins (/co/authenticate, then /authorize with the ticket)
// with 20 in flight, against a tenant of its own on a loopback port with a temp data dir (the load
// and the tenant share this one Node process). Prints logins/s, latency, the raw RS256 signing rate
// for comparison, and heap and store sizes over a second round to show memory stays flat. Exits 0
// only when every login succeeded; gives up after two minutes.
import { SignJWT } from 'jose';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { DEFAULTS, localOrigin } from '../../config/defaults';
import { SESSION_IDLE_TTL_MS } from '../stores/sessions';
import type { StoreSizes } from '../routes/context';
import type { RunningDevTenant } from '../server';
import { loadOrCreateSigningKey } from '../crypto/signing-key';
import { fragmentOf, fullLogin, makeTempDir, removeDir, sessionCookieOf, startTestTenant } from '../testing/test-support';

const LOGINS = 1000;
const CONCURRENCY = 20;
const WARM_UP_LOGINS = 100;
const ROUNDS = 2;
const DEADLINE_MS = 120_000;
const SIGNING_SAMPLE_MS = 2000;

interface Round {
  readonly seconds: number;
  readonly latenciesMs: number[];
  readonly errors: string[];
}

/** One browser's login: the session cookie of its previous login goes along, as a browser sends it. */
async function login(tenant: RunningDevTenant, cookie: string | undefined): Promise<string | undefined> {
  const res = await fullLogin(tenant, {}, cookie);
  const fragment = fragmentOf(res);
  if (res.status !== 302 || !fragment.has('id_token') || !fragment.has('access_token')) {
    throw new Error(`/authorize: ${res.status} ${res.headers.get('location') ?? ''}`);
  }
  return sessionCookieOf(res);
}

async function runLogins(tenant: RunningDevTenant, total: number): Promise<Round> {
  const latenciesMs: number[] = [];
  const errors: string[] = [];
  let started = 0;
  const browser = async (): Promise<void> => {
    let cookie: string | undefined;
    while (started < total) {
      started++;
      const begin = performance.now();
      try {
        cookie = await login(tenant, cookie);
        latenciesMs.push(performance.now() - begin);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, browser));
  return { seconds: (performance.now() - begin) / 1000, latenciesMs, errors };
}

/** How many RS256 id_tokens one thread signs per second with the tenant's key. */
async function rs256SignsPerSecond(dataDir: string): Promise<number> {
  const key = await loadOrCreateSigningKey(dataDir);
  const claims = { email: 'dev@example.com', email_verified: true, name: 'Dev User', nickname: 'dev', nonce: 'nonce-1' };
  let signed = 0;
  const begin = performance.now();
  while (performance.now() - begin < SIGNING_SAMPLE_MS) {
    await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .setIssuer(`${localOrigin(DEFAULTS.devTenantPort)}/`)
      .setSubject('auth0|0123456789abcdef01234567')
      .setAudience(DEFAULTS.devTenantClientId)
      .setIssuedAt()
      .setExpirationTime('10h')
      .sign(key.privateKey);
    signed++;
  }
  return signed / ((performance.now() - begin) / 1000);
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

// Lets the bench collect garbage before reading the heap, without a node flag in the npm script.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapMb(): string {
  collectGarbage();
  return (process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1);
}

const sizes = (s: StoreSizes): string =>
  Object.entries(s)
    .map(([name, size]) => `${name} ${size}`)
    .join(', ');

async function main(): Promise<number> {
  const dataDir = makeTempDir();
  let clockOffset = 0;
  const tenant = await startTestTenant(dataDir, {}, { now: () => Date.now() + clockOffset, sendEmail: () => undefined });
  try {
    console.log(`Dev tenant login load: ${ROUNDS} rounds of ${LOGINS} logins, ${CONCURRENCY} at a time, tenant ${tenant.url} (loopback)`);
    await runLogins(tenant, WARM_UP_LOGINS);
    console.log(`  after ${WARM_UP_LOGINS} warm-up logins: heap ${heapMb()} MB; ${sizes(tenant.storeSizes())}`);
    let failed = false;
    for (let round = 1; round <= ROUNDS; round++) {
      const result = await runLogins(tenant, LOGINS);
      const sorted = [...result.latenciesMs].sort((a, b) => a - b);
      failed ||= result.errors.length > 0 || result.latenciesMs.length !== LOGINS;
      console.log(
        `  round ${round}: ${result.latenciesMs.length} logins in ${result.seconds.toFixed(2)} s = ` +
          `${(result.latenciesMs.length / result.seconds).toFixed(1)} logins/s; latency p50 ${percentile(sorted, 0.5).toFixed(1)} ms, ` +
          `p99 ${percentile(sorted, 0.99).toFixed(1)} ms; errors ${result.errors.length}${result.errors.length > 0 ? ` (first: ${result.errors[0] ?? ''})` : ''}`
      );
      console.log(`    after the logins: heap ${heapMb()} MB; ${sizes(tenant.storeSizes())}`);
      // Jump past every lifetime (the longest is the 3-day idle session) and sweep, as the minute timer would.
      clockOffset += SESSION_IDLE_TTL_MS;
      tenant.sweep();
      console.log(`    3 days later, swept: heap ${heapMb()} MB; ${sizes(tenant.storeSizes())}`);
    }
    console.log(
      `  RS256 signs/s: ${(await rs256SignsPerSecond(dataDir)).toFixed(0)} (one thread, the tenant's key; each login signs one id_token)`
    );
    return failed ? 1 : 0;
  } finally {
    await tenant.close();
    removeDir(dataDir);
  }
}

// Bounds the whole run, so the bench always stops by itself, even if the tenant stops answering.
const deadline = setTimeout(() => {
  console.error(`Dev tenant login load: gave up after ${DEADLINE_MS / 1000} s`);
  process.exit(1);
}, DEADLINE_MS);
main().then(
  (code) => {
    clearTimeout(deadline);
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('Dev tenant login load failed:', error);
    process.exit(1);
  }
);
