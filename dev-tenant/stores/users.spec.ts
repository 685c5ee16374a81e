// UserStore's changes for the control API: created, blocked, verified and deleted users survive a
// restart when stored; config users' changes last until the restart; reset goes back to the config.
import { DEFAULT_USER } from '../config/config-users';
import { useTempDir } from '../testing/test-support';
import { UserStore } from './users';

describe('UserStore', () => {
  const dir = useTempDir();
  const open = () => UserStore.open([DEFAULT_USER], dir.path);

  it('keeps a control-created user, its block and its verification across a restart', async () => {
    const store = await open();
    const user = await store.create('Made@Example.com', 'Some-Pass-1', { emailVerified: false, source: 'control' });
    if (typeof user === 'string') throw new Error(`not created: ${user}`);
    expect(await store.setBlocked(user.userId, true)).toEqual(expect.objectContaining({ blocked: true }));
    expect(await store.setEmailVerified(user.userId, true)).toEqual(expect.objectContaining({ emailVerified: true, blocked: true }));
    const reopened = await open();
    expect(reopened.list().map(({ profile, source }) => [profile.email, source, profile.blocked, profile.emailVerified])).toEqual([
      [DEFAULT_USER.email, 'config', false, true],
      ['made@example.com', 'control', true, true]
    ]);
    expect(await reopened.verifyPassword('made@example.com', 'Some-Pass-1')).toEqual(expect.objectContaining({ userId: user.userId }));
  });

  it('lists signed-up users as "signup" with their creation time', async () => {
    const store = await open();
    await store.signUp('joined@example.com', 'Some-Pass-1', undefined);
    const listing = (await open()).list().find(({ profile }) => profile.email === 'joined@example.com');
    expect(listing).toEqual({
      profile: expect.objectContaining({ emailVerified: false }) as unknown,
      source: 'signup',
      createdAt: expect.any(String) as unknown
    });
  });

  it('changes a config user until the restart only, and deletes it until then', async () => {
    const store = await open();
    const dev = store.findByEmail(DEFAULT_USER.email);
    if (dev === undefined) throw new Error('no dev user');
    await store.setBlocked(dev.userId, true);
    expect((await open()).findById(dev.userId)?.blocked).toBe(false);
    expect(await store.delete(dev.userId)).toBe(true);
    expect(store.findByEmail(DEFAULT_USER.email)).toBeUndefined();
    expect(await store.delete(dev.userId)).toBe(false);
    expect((await open()).findByEmail(DEFAULT_USER.email)).toBeDefined();
  });

  it('deletes a stored user from users.json, and answers undefined for an unknown id', async () => {
    const store = await open();
    const user = await store.create('gone@example.com', 'Some-Pass-1', { source: 'control' });
    if (typeof user === 'string') throw new Error(`not created: ${user}`);
    expect(await store.delete(user.userId)).toBe(true);
    expect((await open()).findByEmail('gone@example.com')).toBeUndefined();
    expect(await store.setBlocked('auth0|unknown', true)).toBeUndefined();
  });

  it('resets to the config users, as they were at start, and empties users.json', async () => {
    const store = await open();
    await store.create('extra@example.com', 'Some-Pass-1', { source: 'control' });
    const dev = store.findByEmail(DEFAULT_USER.email);
    if (dev === undefined) throw new Error('no dev user');
    await store.setPassword(DEFAULT_USER.email, 'Changed-Pass-1');
    await store.setEmailVerified(dev.userId, false);
    await store.reset();
    expect(store.list().map(({ profile }) => profile)).toEqual([
      expect.objectContaining({ email: DEFAULT_USER.email, emailVerified: true, blocked: false })
    ]);
    expect(await store.verifyPassword(DEFAULT_USER.email, DEFAULT_USER.password)).toBeDefined();
    expect((await open()).list()).toHaveLength(1);
  });
});
