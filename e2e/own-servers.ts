// Servers an e2e file starts for itself, apart from playwright.config.ts's: a production build made
// into its own directory, a dev tenant that allows that build's origin, and Debian's real nginx.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULTS } from '../config/defaults';
import { waitForUrl } from '../scripts/dev-processes';

const ROOT = path.join(__dirname, '..');
export const NGINX = '/usr/sbin/nginx';

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

/** `webpack --mode production` into `outDir`, with the build settings of `env` (AUTH0_*, DEV_TENANT_*). */
export async function buildInto(outDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const log: string[] = [];
  const webpack = run(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', outDir],
    env,
    log
  );
  const code = await exited(webpack);
  if (code !== 0) throw new Error(`The production build failed (exit ${String(code)}):\n${log.join('')}`);
}

/** The dev tenant (dev-tenant/main.ts) on `port`, its data in `dataDir`, answering the app at `appPort`. */
export async function startTenant(port: number, appPort: number, dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  const log: string[] = [];
  const tenant = run(
    process.execPath,
    ['--import', 'tsx', 'dev-tenant/main.ts'],
    { DEV_TENANT_PORT: String(port), PORT: String(appPort), DEV_TENANT_DATA_DIR: dataDir, ...env },
    log
  );
  return untilAnswering(tenant, `http://127.0.0.1:${port}/.well-known/openid-configuration`, 'The dev tenant', log);
}

/** `npm run serve <dir>` (scripts/serve.ts) on `port`. */
export async function startServe(root: string, port: number): Promise<ChildProcess> {
  const log: string[] = [];
  const serve = run(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', root], { PORT: String(port) }, log);
  return untilAnswering(serve, `http://127.0.0.1:${port}/`, 'npm run serve', log);
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
  const nginx = run(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'logs', 'error.log')], {}, log);
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

/** The one setting, for the build and for the tenant, that serves the dev tenant from another site than the app. */
export const CROSS_SITE_ENV = { DEV_TENANT_BROWSER_HOST: DEFAULTS.crossSiteBrowserHost };

/** Where startCrossSite's tenant keeps its data (its signing key and control secret). */
export function crossSiteTenantDataDir(servers: OwnServers): string {
  return path.join(servers.dir, 'tenant');
}

/**
 * A production build in dev-tenant mode whose tenant is on another site (`http://127.0.0.1:<tenantPort>`,
 * the app on localhost:<appPort>), as your-tenant.auth0.com is to a deployed app: built into `distDir`,
 * both servers kept by `servers`, the tenant's data (its signing key, its control secret) in crossSiteTenantDataDir(servers).
 */
export async function startCrossSite(servers: OwnServers, distDir: string, appPort: number, tenantPort: number): Promise<void> {
  await buildInto(distDir, { ...CROSS_SITE_ENV, AUTH0_DOMAIN: '', AUTH0_CLIENT_ID: '', API_URL: '', DEV_TENANT_PORT: String(tenantPort) });
  servers.keep(await startTenant(tenantPort, appPort, crossSiteTenantDataDir(servers), CROSS_SITE_ENV));
  servers.keep(await startServe(distDir, appPort));
}
