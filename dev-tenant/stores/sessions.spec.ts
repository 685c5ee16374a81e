// Tickets, sessions, tokens and block entries expire, and expired entries do not pile up in memory.
import { ExpiringMap } from './expiring-map';
import { LOGIN_TICKET_TTL_MS, LoginTicketStore } from './login-tickets';
import { RESET_TICKET_TTL_MS, ResetTicketStore } from './reset-tickets';
import { SESSION_IDLE_TTL_MS, sessionLifetimesOf, SessionStore } from './sessions';
import { BLOCK_MS } from '../limits/brute-force';
import {
  CLIENT_ID,
  CONNECTION,
  coAuthenticate,
  credentials,
  fullLogin,
  postJson,
  sessionCookieOf,
  useTestTenant
} from '../testing/test-support';

const HOUR_MS = 60 * 60 * 1000;

describe('expiring stores', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('hands a login ticket out once, to its own client, within a minute', () => {
    const tickets = new LoginTicketStore(now);
    const first = tickets.issue('client-a', 'dev@example.com');
    expect(tickets.consume(first.response.login_ticket, 'client-a')).toMatchObject({ email: 'dev@example.com' });
    expect(tickets.consume(first.response.login_ticket, 'client-a')).toBeUndefined();

    const stolen = tickets.issue('client-a', 'dev@example.com');
    expect(tickets.consume(stolen.response.login_ticket, 'client-b')).toBeUndefined();
    expect(tickets.consume(stolen.response.login_ticket, 'client-a')).toBeUndefined();

    const late = tickets.issue('client-a', 'dev@example.com');
    clock += LOGIN_TICKET_TTL_MS;
    expect(tickets.consume(late.response.login_ticket, 'client-a')).toBeUndefined();
  });

  it('row 6: keeps a session alive while it is used and drops it after the idle time (Auth0: 72 h)', () => {
    const sessions = new SessionStore(now);
    const { id } = sessions.create('dev@example.com');
    expect(SESSION_IDLE_TTL_MS).toBe(72 * HOUR_MS);
    clock += SESSION_IDLE_TTL_MS - 1;
    expect(sessions.touch(id)).toEqual(expect.objectContaining({ email: 'dev@example.com', lastInteractionAt: clock }));
    clock += SESSION_IDLE_TTL_MS - 1;
    expect(sessions.touch(id)).toEqual(expect.objectContaining({ email: 'dev@example.com', lastInteractionAt: clock }));
    clock += SESSION_IDLE_TTL_MS;
    expect(sessions.touch(id)).toBeUndefined();
    expect(sessions.size).toBe(0);
  });

  it('row 6: a session idles out exactly the idle time after its creation or last use, however the clock moves between reads', () => {
    // A clock that a loaded machine moves on between two reads: 1 ms per read.
    let ticking = 1_000_000;
    const sessions = new SessionStore(() => ticking++);
    const { id, session } = sessions.create('dev@example.com');
    expect(sessions.list()[0]?.idleExpiresAt).toBe(session.createdAt + SESSION_IDLE_TTL_MS);
    const touched = sessions.touch(id);
    expect(sessions.list()[0]?.idleExpiresAt).toBe((touched?.lastInteractionAt ?? 0) + SESSION_IDLE_TTL_MS);
  });

  it('row 6: ends a session at the absolute lifetime however often it is used (Auth0: 168 h)', () => {
    const sessions = new SessionStore(now);
    const { id, session } = sessions.create('dev@example.com');
    expect(session.expiresAt - session.createdAt).toBe(168 * HOUR_MS);
    for (let used = 0; used < 167; used++) {
      clock += HOUR_MS;
      expect(sessions.touch(id)).toEqual({ ...session, lastInteractionAt: clock });
    }
    clock += HOUR_MS - 1;
    expect(sessions.touch(id)).toEqual({ ...session, lastInteractionAt: clock });
    clock += 1;
    expect(sessions.touch(id)).toBeUndefined();
    expect(sessions.list()).toEqual([]);
  });

  it('row 6: follows configured lifetimes, and gives each session its own sid', () => {
    const sessions = new SessionStore(now, sessionLifetimesOf({ idleSessionLifetimeHours: 1, sessionLifetimeHours: 2 }));
    const first = sessions.create('dev@example.com');
    const second = sessions.create('dev@example.com');
    expect(first.session.sid).not.toBe(second.session.sid);
    expect(first.session.sid).not.toBe(first.id);
    clock += HOUR_MS - 1;
    expect(sessions.touch(first.id)).toBeDefined();
    clock += HOUR_MS - 1;
    expect(sessions.touch(first.id)).toBeDefined();
    expect(sessions.touch(second.id)).toBeUndefined();
    clock += 2;
    expect(sessions.touch(first.id)).toBeUndefined();
  });

  it('purges expired entries that are never touched again', () => {
    const map = new ExpiringMap<number>(now);
    for (let i = 0; i < 1000; i++) map.set(`short-${i}`, i, 10);
    map.set('long', 1, 1000);
    clock += 10;
    map.purgeExpired();
    expect(map.size).toBe(1);
    expect(map.get('long')).toBe(1);
  });

  it('shows a reset ticket until it is used once, for an hour at most', () => {
    const tickets = new ResetTicketStore(now);
    const used = tickets.issue('dev@example.com');
    expect(tickets.peek(used)).toBe('dev@example.com');
    expect(tickets.consume(used)).toBe('dev@example.com');
    expect(tickets.peek(used)).toBeUndefined();
    tickets.issue('dev@example.com');
    clock += RESET_TICKET_TTL_MS;
    tickets.purgeExpired();
    expect(tickets.size).toBe(0);
  });

  it('never holds more than its cap, dropping the oldest entry first', () => {
    const map = new ExpiringMap<number>(now, 3);
    for (let i = 0; i < 10; i++) map.set(`key-${i}`, i, 1000);
    expect(map.size).toBe(3);
    expect([map.get('key-6'), map.get('key-7'), map.get('key-9')]).toEqual([undefined, 7, 9]);
  });
});

describe('a running tenant under a moving clock', () => {
  let clock = Date.now();
  const t = useTestTenant({ now: () => clock });

  it('purges every expired ticket, session, token and block entry', async () => {
    const cookie = sessionCookieOf(await fullLogin(t.tenant));
    expect(cookie).toBeDefined();
    await coAuthenticate(t.tenant, credentials());
    await coAuthenticate(t.tenant, credentials('dev@example.com', 'wrong'));
    await postJson(t.tenant, '/dbconnections/change_password', { client_id: CLIENT_ID, email: 'dev@example.com', connection: CONNECTION });
    expect(t.tenant.storeSizes()).toEqual({
      loginTickets: 1,
      resetTickets: 1,
      unblockTickets: 0,
      sessions: 1,
      accessTokens: 1,
      bruteForce: 1
    });

    // A failure counts for as long as a block would last: Auth0's 30 days.
    clock += BLOCK_MS;
    t.tenant.sweep();
    expect(t.tenant.storeSizes()).toEqual({
      loginTickets: 0,
      resetTickets: 0,
      unblockTickets: 0,
      sessions: 0,
      accessTokens: 0,
      bruteForce: 0
    });
  });
});
