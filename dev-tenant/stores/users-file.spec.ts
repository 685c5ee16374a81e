// users.json's writer: a burst of changes shares writes, and no acknowledged change is lost, even
// when the tenant is killed with SIGKILL in the middle of a burst of sign-ups.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { replaceFile } from '../config/data-files';
import { listUsers } from '../testing/control-test-support';
import { postJson, signUpBody, startTestTenant, useTempDir } from '../testing/test-support';
import { readUsersFile, UsersFileWriter, type StoredUserRecord } from './users-file';

const HASH = `scrypt$16384$8$1$${'s'.repeat(22)}$${'h'.repeat(43)}`;

function record(i: number): StoredUserRecord {
  const stamp = new Date().toISOString();
  const email = `burst${i}@example.com`;
  return {
    user_id: `auth0|${String(i).padStart(24, '0')}`,
    email,
    name: email,
    email_verified: false,
    password_hash: HASH,
    created_at: stamp,
    updated_at: stamp
  };
}

describe('UsersFileWriter', () => {
  const dir = useTempDir();

  it('gives the changes made during a write one write between them, and settles each save once the file holds its change', async () => {
    let openGate = (): void => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    // Every write waits at the gate: the changes below all arrive while the first one is under way.
    const writes = jest.fn(async (...args: Parameters<typeof replaceFile>) => {
      await gate;
      return replaceFile(...args);
    });
    const records: StoredUserRecord[] = [];
    const writer = new UsersFileWriter(dir.path, () => [...records], writes);
    const onDisk = async (email: string) => (await readUsersFile(dir.path)).some((stored) => stored.email === email);
    const saved: Promise<boolean>[] = [];
    for (let i = 0; i < 20; i++) {
      const change = record(i);
      records.push(change);
      saved.push(writer.save().then(() => onDisk(change.email)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    openGate();
    expect(await Promise.all(saved)).toEqual(Array.from({ length: 20 }, () => true));
    expect(writes).toHaveBeenCalledTimes(2);
    expect(await readUsersFile(dir.path)).toHaveLength(20);
  });

  it('rejects every save a failed write held; the next change gets a write of its own', async () => {
    const records = [record(0)];
    const writer = new UsersFileWriter(dir.path, () => [...records], jest.fn(replaceFile).mockRejectedValueOnce(new Error('disk full')));
    await expect(Promise.all([writer.save(), writer.save()])).rejects.toThrow('disk full');
    records.push(record(1));
    await writer.save();
    expect((await readUsersFile(dir.path)).map((stored) => stored.email)).toEqual(['burst0@example.com', 'burst1@example.com']);
  });
});

describe('sign-ups and SIGKILL', () => {
  const dir = useTempDir();

  it('keeps every sign-up answered 200 before the tenant was killed mid-burst', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'dev-tenant/main.ts'], {
      cwd: path.join(__dirname, '..', '..'),
      env: { ...process.env, DEV_TENANT_PORT: '0', DEV_TENANT_DATA_DIR: dir.path },
      stdio: ['ignore', 'pipe', 'inherit']
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        const match = /Dev tenant on (http:\/\/\S+)/.exec(output);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once('exit', () => {
        reject(new Error(`the tenant exited before listening: ${output}`));
      });
    });
    const acknowledged: string[] = [];
    const tenant = { url } as Parameters<typeof postJson>[0];
    const signUps = Array.from({ length: 40 }, async (_, i) => {
      const email = `killed${i}@example.com`;
      const res = await postJson(tenant, '/dbconnections/signup', signUpBody(email, 'Killed-pass-1'));
      if (res.status !== 200) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
      acknowledged.push(email);
      if (acknowledged.length === 10) child.kill('SIGKILL');
    });
    await Promise.allSettled(signUps);
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    const restarted = await startTestTenant(dir.path);
    try {
      const stored = new Set((await listUsers(restarted)).map((user) => user.email));
      expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
    } finally {
      await restarted.close();
    }
  }, 60_000);
});
