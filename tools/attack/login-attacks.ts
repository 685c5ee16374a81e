// The login attacks of issue 17's audit: a targeted lockout from many loopback addresses, one address
// spraying many accounts (Auth0's suspicious IP throttling), and a flood of failed logins timed
// against one right login. main.ts hands in its client, so this file needs nothing else from it.
import { BRUTE_FORCE_THRESHOLD } from '../../dev-tenant/config/config';
import { RATE_LIMITS } from '../../dev-tenant/limits/rate-limit';
import type { Reply } from './harness';

export interface LoginAttackClient {
  /** POST /co/authenticate, from a chosen source address (another "IP"). */
  coAuthenticate(email: string, password: string, from?: string): Promise<Reply>;
  /** A sign-up with `password`, counted as an acknowledged write. */
  signUp(email: string, password: string): Promise<Reply>;
  record(attack: string, held: boolean, detail: string): void;
}

const PASSWORD = 'Lockout-pass-1';
const errorOf = (reply: Reply): string => /"error":"(\w+)"/.exec(reply.body)?.[1] ?? String(reply.status);

/** 10 wrong passwords from each of 10 addresses; the user must still log in from an 11th. */
export async function targetedLockout(client: LoginAttackClient): Promise<void> {
  const victim = 'lockout-victim@example.com';
  await client.signUp(victim, PASSWORD);
  const attackers = Array.from({ length: 10 }, (_, i) => `127.3.0.${i + 1}`);
  await Promise.all(
    attackers.map(async (from) => {
      for (let i = 0; i < BRUTE_FORCE_THRESHOLD; i++) await client.coAuthenticate(victim, `wrong-${i}`, from);
    })
  );
  const attacked = await Promise.all(attackers.map((from) => client.coAuthenticate(victim, PASSWORD, from)));
  const pairsBlocked = attacked.filter((reply) => reply.status === 429 && errorOf(reply) === 'too_many_attempts').length;
  const clean = await client.coAuthenticate(victim, PASSWORD, '127.3.0.11');
  client.record(
    'lockout: 100 wrong passwords from 10 addresses',
    clean.status === 200 && pairsBlocked === attackers.length,
    `right password from a clean address: ${clean.status}; from the attacked addresses: ${pairsBlocked}/${attackers.length} too_many_attempts`
  );
}

/** One address tries a wrong password on more accounts than suspicious IP throttling allows. */
export async function accountSpray(client: LoginAttackClient): Promise<void> {
  const from = '127.3.1.1';
  const { burst } = RATE_LIMITS.loginFailuresPerIp;
  const replies: Reply[] = [];
  for (let i = 0; i <= burst; i++) replies.push(await client.coAuthenticate(`spray${i}@example.com`, 'wrong', from));
  const checked = replies.filter((reply) => reply.status === 403).length;
  const last = replies.at(-1);
  const throttled = last?.status === 429 && last.body.includes('suspicious login behavior');
  const elsewhere = await client.coAuthenticate('dev@example.com', 'dev-password', '127.3.1.2');
  client.record(
    `IP throttle: one address spraying ${burst + 1} accounts`,
    checked === burst && throttled && elsewhere.status === 200,
    `${checked} passwords checked, then ${last?.status ?? '-'} ${last === undefined ? '' : errorOf(last)}; a login from another address: ${elsewhere.status}`
  );
}

/**
 * 50 concurrent wrong logins from each of 10 addresses; once the tenant answers the first of them, a
 * right login from an 11th. Counts the flood answers that come before the right one's.
 */
export async function loginFlood(client: LoginAttackClient): Promise<void> {
  const flooders = Array.from({ length: 10 }, (_, i) => `127.4.0.${i + 1}`);
  let answered = 0;
  let firstAnswer: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (firstAnswer = resolve));
  const flood = flooders.flatMap((from) =>
    Array.from({ length: 50 }, (_, i) =>
      client.coAuthenticate(`flood-${from}-${i}@example.com`, 'wrong', from).then((reply) => {
        answered++;
        firstAnswer();
        return reply;
      })
    )
  );
  await started;
  const before = answered;
  const sentAt = performance.now();
  const right = await client.coAuthenticate('dev@example.com', 'dev-password', '127.4.0.99');
  const waitedMs = Math.round(performance.now() - sentAt);
  const meanwhile = answered - before;
  const replies = await Promise.all(flood);
  client.record(
    `login flood: ${flood.length} failed logins from ${flooders.length} addresses against one right login`,
    right.status === 200 && meanwhile <= 3 * flooders.length,
    `right login: ${right.status} after ${waitedMs} ms, ${meanwhile} flood answers meanwhile (of ${flood.length - before} pending); flood: ${replies.filter((reply) => reply.status === 403).length} × 403`
  );
}
