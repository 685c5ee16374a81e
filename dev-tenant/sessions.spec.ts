// Tickets and sessions expire, and expired entries do not pile up in memory.
import { ExpiringMap } from './expiring-map';
import { LOGIN_TICKET_TTL_MS, LoginTicketStore, SESSION_IDLE_TTL_MS, SessionStore } from './sessions';

describe('expiring stores', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('hands a login ticket out once, to its own client, within a minute', () => {
    const tickets = new LoginTicketStore(now);
    const first = tickets.issue('client-a', 'dev@example.com');
    expect(tickets.consume(first.login_ticket, 'client-a')).toBe('dev@example.com');
    expect(tickets.consume(first.login_ticket, 'client-a')).toBeUndefined();

    const stolen = tickets.issue('client-a', 'dev@example.com');
    expect(tickets.consume(stolen.login_ticket, 'client-b')).toBeUndefined();
    expect(tickets.consume(stolen.login_ticket, 'client-a')).toBeUndefined();

    const late = tickets.issue('client-a', 'dev@example.com');
    clock += LOGIN_TICKET_TTL_MS;
    expect(tickets.consume(late.login_ticket, 'client-a')).toBeUndefined();
  });

  it('keeps a session alive while it is used and drops it after the idle time', () => {
    const sessions = new SessionStore(now);
    const id = sessions.create('dev@example.com');
    clock += SESSION_IDLE_TTL_MS - 1;
    expect(sessions.touch(id)).toEqual({ email: 'dev@example.com' });
    clock += SESSION_IDLE_TTL_MS - 1;
    expect(sessions.touch(id)).toEqual({ email: 'dev@example.com' });
    clock += SESSION_IDLE_TTL_MS;
    expect(sessions.touch(id)).toBeUndefined();
    expect(sessions.size).toBe(0);
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
});
