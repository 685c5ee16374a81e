// A server an e2e file starts for itself, apart from playwright.config.ts's: Debian's real nginx
// (config/system-programs.js names it, so that .ci/run installs it).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireProgram } from '../config/system-programs';
import { waitForUrl } from '../tools/dev-processes';

const ROOT = path.join(__dirname, '..');

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: string[]): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer): void => {
    log.push(chunk.toString());
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => {
        child.once('exit', (code) => {
          resolve(code);
        });
      });
}

/** Resolves with `child` once `url` answers; else stops it and throws with what it printed. */
async function untilAnswering(child: ChildProcess, url: string, what: string, log: string[]): Promise<ChildProcess> {
  try {
    await waitForUrl(url, 30_000, what);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${(error as Error).message}\n${log.join('')}`, { cause: error });
  }
  return child;
}

/**
 * Debian's nginx, unprivileged: a main configuration of our own in a temporary prefix (pid, logs and
 * temp files there, `daemon off`), whose one server includes the build's generated nginx.conf.
 */
export async function startNginx(root: string, port: number, prefix: string): Promise<ChildProcess> {
  mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  const temp = (name: string): string => `${name}_temp_path ${path.join(prefix, name)};`;
  const config = [
    'daemon off;',
    'worker_processes 1;',
    `pid ${path.join(prefix, 'nginx.pid')};`,
    `error_log ${path.join(prefix, 'logs', 'error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    '    server_name localhost;',
    `    root ${root};`,
    `    include ${path.join(root, 'nginx.conf')};`,
    '  }',
    '}',
    ''
  ].join('\n');
  writeFileSync(path.join(prefix, 'nginx.conf'), config);
  const log: string[] = [];
  const nginx = run(
    requireProgram('nginx'),
    ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'logs', 'error.log')],
    {},
    log
  );
  return untilAnswering(nginx, `http://127.0.0.1:${port}/`, 'nginx', log);
}

/** The processes an e2e file started and the temporary directory they use; stop() ends them (by handle) and removes it. */
export class OwnServers {
  readonly dir: string;
  private readonly children: ChildProcess[] = [];

  constructor(name: string) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), `auth0-angularjs-${name}-`));
  }

  keep(child: ChildProcess): void {
    this.children.push(child);
  }

  async stop(): Promise<void> {
    for (const child of this.children) child.kill('SIGTERM');
    await Promise.all(this.children.map(exited));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
