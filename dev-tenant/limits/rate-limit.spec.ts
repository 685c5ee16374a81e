// The token buckets behind the tenant's rate limits and login throttles: what a limiter decides, and
// what a full store keeps (issue 17: a full store neither lifts a limit that holds nor shuts out a newcomer).
import { GuardedMap } from '../stores/guarded-map';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  let clock = 1_000_000;
  const now = () => clock;

  it('decides without writing an answer: allowed, the burst, what is left and when it refills', () => {
    const limiter = new RateLimiter({ burst: 2, refillMs: 10_000 }, now);
    expect(limiter.request('ip')).toEqual({ allowed: true, limit: 2, remaining: 1, retryAfterSeconds: 0, resetAtSeconds: 1000 });
    expect(limiter.request('ip')).toMatchObject({ allowed: true, remaining: 0, retryAfterSeconds: 10, resetAtSeconds: 1010 });
    expect(limiter.request('ip')).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 10 });
    clock += 10_000;
    expect(limiter.request('ip')).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('full store: keeps every empty bucket through a flood of new keys, and still takes a new key', () => {
    const limiter = new RateLimiter({ burst: 1, refillMs: 60_000 }, now, 5);
    for (let i = 0; i < 5; i++) expect(limiter.take(`emptied${i}`)).toBe(true);
    const flood = Array.from({ length: 500 }, (_, i) => limiter.take(`flood${i}`));
    // Before issue 17 a full store refused every new key: 500 refusals here.
    expect(flood.filter((allowed) => !allowed)).toEqual([]);
    for (let i = 0; i < 5; i++) expect([i, limiter.take(`emptied${i}`)]).toEqual([i, false]);
    expect(limiter.size).toBeLessThanOrEqual(10);
  });
});

describe('GuardedMap', () => {
  const holds = (value: number) => value >= 10;

  it('evicts the oldest entry that holds no limit, never one that does', () => {
    const map = new GuardedMap<number>(holds, Date.now, 2);
    map.set('held', 10, 60_000);
    map.set('old', 1, 60_000);
    map.set('newer', 2, 60_000);
    map.set('newest', 3, 60_000);
    expect(['held', 'old', 'newer', 'newest'].map((key) => map.get(key))).toEqual([10, undefined, 2, 3]);
  });

  it('moves an entry between the parts as it starts and stops holding a limit', () => {
    const map = new GuardedMap<number>(holds, Date.now, 2);
    map.set('key', 9, 60_000);
    map.set('key', 10, 60_000);
    for (let i = 0; i < 5; i++) map.set(`other${i}`, 1, 60_000);
    expect(map.get('key')).toBe(10);
    map.set('key', 0, 60_000);
    for (let i = 5; i < 10; i++) map.set(`other${i}`, 1, 60_000);
    expect([map.get('key'), map.size]).toEqual([undefined, 2]);
  });

  it('past maxEntries held limits, keeps a new one among the others, where only newer keys can push it out', () => {
    const map = new GuardedMap<number>(holds, Date.now, 2);
    for (const key of ['a', 'b', 'c']) map.set(key, 10, 60_000);
    expect(['a', 'b', 'c'].map((key) => map.get(key))).toEqual([10, 10, 10]);
    map.set('d', 1, 60_000);
    map.set('e', 1, 60_000);
    expect(['a', 'b', 'c'].map((key) => map.get(key))).toEqual([10, 10, undefined]);
  });
});
