// `npm run bench:signup [-- <users>...]`: Lock sign-ups (/dbconnections/signup) against a tenant of
// its own whose users.json already holds 100, 500 or 960 users (or the counts given): 20 one after
// another, then 20 at once, which bring 960 to the cap (MAX_STORED_USERS, 1,000); there, one more
// sign-up must get 403 too_many_users. Prints the latencies; exits 0 when every answer was the
// expected one. The stored users share one password hash, so filling takes no scrypt time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_STORED_USERS } from '../config/config';
import { hashPassword } from '../crypto/password-hash';
import type { RunningDevTenant } from '../server';
import { fillUsersFile, makeTempDir, postJson, removeDir, signUpBody, startTestTenant } from '../testing/test-support';
import { USERS_FILE } from '../stores/users-file';

const SIGN_UPS = 20;
const PASSWORD = 'Bench-pass-1';
/** Past the sign-up rate limit's refill: each batch starts with a full bucket. */
const RATE_LIMIT_REFILL_MS = 60 * 60 * 1000;

async function timedSignUp(tenant: RunningDevTenant, email: string, expected = 200): Promise<number> {
  const begin = performance.now();
  const res = await postJson(tenant, '/dbconnections/signup', signUpBody(email, PASSWORD));
  if (res.status !== expected) throw new Error(`sign-up of ${email}: ${res.status} ${await res.text()}`);
  return performance.now() - begin;
}

function summary(latenciesMs: readonly number[]): string {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (fraction: number): string => (sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN).toFixed(0);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}

async function measure(storedUsers: number, passwordHash: string): Promise<void> {
  const dataDir = makeTempDir();
  let clockOffset = 0;
  fillUsersFile(dataDir, storedUsers, passwordHash);
  const tenant = await startTestTenant(dataDir, {}, { now: () => Date.now() + clockOffset, sendEmail: () => undefined });
  try {
    const oneByOne: number[] = [];
    for (let i = 0; i < SIGN_UPS; i++) oneByOne.push(await timedSignUp(tenant, `serial${i}@example.com`));
    clockOffset += RATE_LIMIT_REFILL_MS;
    const atOnce = await Promise.all(Array.from({ length: SIGN_UPS }, (_, i) => timedSignUp(tenant, `burst${i}@example.com`)));
    const kb = Math.round(fs.statSync(path.join(dataDir, USERS_FILE)).size / 1024);
    console.log(`  ${storedUsers} stored users (users.json ${kb} KiB after):`);
    console.log(`    ${SIGN_UPS} one after another: ${summary(oneByOne)}`);
    console.log(`    ${SIGN_UPS} at once:           ${summary(atOnce)}`);
    if (storedUsers + 2 * SIGN_UPS === MAX_STORED_USERS) {
      const refusedMs = await timedSignUp(tenant, 'one-too-many@example.com', 403);
      console.log(`    at the cap, one more: 403 too_many_users in ${refusedMs.toFixed(0)} ms`);
    }
  } finally {
    await tenant.close();
    removeDir(dataDir);
  }
}

async function main(): Promise<void> {
  // Room for the bench's own sign-ups below the cap.
  const largest = MAX_STORED_USERS - 2 * SIGN_UPS;
  const given = process.argv.slice(2).map(Number);
  const counts = given.length > 0 ? given : [100, 500, largest];
  const wrong = counts.find((count) => !Number.isInteger(count) || count < 0 || count > largest);
  if (wrong !== undefined)
    throw new Error(`stored users must be whole numbers from 0 to ${largest} (the cap less ${2 * SIGN_UPS} sign-ups), got ${wrong}`);
  console.log(`Dev tenant sign-up latency (cap ${MAX_STORED_USERS} stored users):`);
  const passwordHash = await hashPassword(PASSWORD);
  for (const count of counts) await measure(count, passwordHash);
}

main().catch((error: unknown) => {
  console.error('Dev tenant sign-up bench failed:', error);
  process.exitCode = 1;
});
