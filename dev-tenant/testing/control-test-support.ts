// Helpers for the control API's specs: requests as a test (or the tenant's own page) sends them.
import type { RunningDevTenant } from '../server';
import { fullLogin, sessionCookieOf, useTestTenant, type TestTenant } from './test-support';
import type { UserJson } from '../control/routes-users';

/** Passes the tenant's default policy ("good"). */
export const CONTROL_PASSWORD = 'Control-Pass-1';

export interface ControlAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** A control API call; mutations carry the JSON content type (and `{}` when there is no body), as the contract asks. */
export async function control<T = Record<string, unknown>>(
  tenant: RunningDevTenant,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<ControlAnswer<T>> {
  const mutation = method !== 'GET';
  const res = await fetch(`${tenant.url}${path}`, {
    method,
    headers: mutation ? { 'content-type': 'application/json', ...headers } : headers,
    ...(mutation ? { body: JSON.stringify(body ?? {}) } : {})
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === '' ? {} : JSON.parse(text)) as T };
}

export async function listUsers(tenant: RunningDevTenant, query = ''): Promise<UserJson[]> {
  return (await control<{ users: UserJson[] }>(tenant, 'GET', `/control/users${query}`)).body.users;
}

export async function createUser(tenant: RunningDevTenant, email: string, extra: Record<string, unknown> = {}): Promise<UserJson> {
  const answer = await control<{ user: UserJson }>(tenant, 'POST', '/control/users', {
    email,
    password: CONTROL_PASSWORD,
    ...extra
  });
  if (answer.status !== 201) throw new Error(`POST /control/users answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.user;
}

/** Logs in like Lock and returns the tenant session cookie. */
export async function loginCookie(tenant: RunningDevTenant, user?: Parameters<typeof fullLogin>[3]): Promise<string> {
  const cookie = sessionCookieOf(await fullLogin(tenant, {}, undefined, user));
  if (cookie === undefined) throw new Error('login set no session cookie');
  return cookie;
}

export function userPath(userId: string): string {
  return `/control/users/${encodeURIComponent(userId)}`;
}

/** A tenant whose clock a test can move forward; the clock is back to real time, and `cleanUp` has run, before each test. */
export function useClockedTenant(cleanUp: (tenant: RunningDevTenant) => Promise<unknown>): {
  readonly t: TestTenant;
  readonly advance: (ms: number) => void;
} {
  let offsetMs = 0;
  const t = useTestTenant({ now: () => Date.now() + offsetMs });
  beforeEach(async () => {
    offsetMs = 0;
    await cleanUp(t.tenant);
  });
  return {
    t,
    advance: (ms: number): void => {
      offsetMs += ms;
    }
  };
}
