import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { SYSTEM_PROGRAMS } from '../config/system-programs';
import { readSpawnRecords, recordingEnv, scriptPrograms, unlistedPrograms } from './spawned-programs';

const ROOT = path.join(__dirname, '..');
const TRUE = realpathSync('/bin/true');

/** Runs `code` in a Node.js process that records what it starts; returns the records. */
function recordRun(code: string): ReturnType<typeof readSpawnRecords> {
  const recording = recordingEnv();
  try {
    execFileSync(process.execPath, ['-e', code], { env: recording.env });
    return readSpawnRecords(recording.dir);
  } finally {
    rmSync(recording.dir, { recursive: true, force: true });
  }
}

describe('the programs a test run starts, against config/system-programs.js', () => {
  it('finds each command of a shell script', () => {
    expect(scriptPrograms('A=1 npx tsx scripts/e2e-builds.ts x && npx tsx scripts/serve.ts x')).toEqual(['npx', 'npx']);
    expect(scriptPrograms('eslint . && prettier --check .; nginx -t | cat')).toEqual(['eslint', 'prettier', 'nginx', 'cat']);
    expect(scriptPrograms(`playwright test --grep 'nginx|tutorial flow' --x "a && b"`)).toEqual(['playwright']);
    expect(scriptPrograms(`"/usr/bin/node" "/x y/cli.js" && 'nginx' -t`)).toEqual(['/usr/bin/node', 'nginx']);
  });

  it('records spawn, execFile and shell scripts, and names the one program the list does not', () => {
    const records = recordRun(`
      const cp = require('node:child_process');
      cp.spawnSync(process.execPath, ['-e', '']);
      cp.spawnSync('sh', ['-c', 'true']);
      cp.execFileSync(${JSON.stringify(TRUE)});
      cp.execSync('true && ${TRUE}');
    `);
    expect(records.map((record) => record.command)).toEqual(expect.arrayContaining([process.execPath, TRUE]));
    const unlisted = unlistedPrograms(records, { ...process.env, NGINX_BIN: '/nonexistent' });
    expect([...unlisted.keys()]).toEqual([TRUE]);
    expect(unlisted.get(TRUE)).toBe(2);
  });

  it('accepts a program once config/system-programs.js names it (here through its environment variable)', () => {
    const records = recordRun(`require('node:child_process').execFileSync(${JSON.stringify(TRUE)});`);
    expect(unlistedPrograms(records, { ...process.env, NGINX_BIN: TRUE }).size).toBe(0);
  });

  it('leaves promisify(execFile) as Node.js has it, { stdout, stderr }, and records it', () => {
    const records = recordRun(`
      const { execFile } = require('node:child_process');
      require('node:util').promisify(execFile)(process.execPath, ['-e', 'process.stdout.write("out")']).then(({ stdout }) => {
        if (stdout !== 'out') process.exit(3);
      });
    `);
    expect(records.map((record) => record.command)).toEqual([process.execPath]);
  });

  it('records the launches of the libraries the e2e tests use, through node:child_process', () => {
    const records = recordRun(`
      const { spawn } = require('node:child_process');
      spawn(${JSON.stringify(TRUE)}, [], { stdio: 'ignore' });
    `);
    expect(records).toHaveLength(1);
  });
});

describe('.ci/run', () => {
  it('installs every program of config/system-programs.js that is missing, from that list', () => {
    expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/node config\/system-programs\.js apt-install-args/);
    const nothingInstalled = Object.fromEntries(SYSTEM_PROGRAMS.map((program) => [program.env, '/nonexistent']));
    const printed = execFileSync(process.execPath, ['config/system-programs.js', 'apt-install-args'], {
      cwd: ROOT,
      env: { PATH: '/nonexistent', ...nothingInstalled },
      encoding: 'utf8'
    });
    const packages = printed.split(/\s+/).filter((word) => word !== '' && !word.startsWith('-'));
    expect(new Set(packages)).toEqual(new Set(SYSTEM_PROGRAMS.map((program) => program.aptPackage)));
  });
});
