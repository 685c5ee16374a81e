// `npm start`: the app on webpack-dev-server and, unless AUTH0_DOMAIN points at a real tenant, the
// local dev tenant beside it. Either process ending ends both.
import { spawn, type ChildProcess } from 'node:child_process';
import { DEFAULTS, localOrigin } from '../config/defaults';

const appPort = process.env.PORT ?? String(DEFAULTS.appPort);
const tenantPort = process.env.DEV_TENANT_PORT ?? String(DEFAULTS.devTenantPort);
const apiPort = process.env.DEMO_API_PORT ?? String(DEFAULTS.demoApiPort);
const useDevTenant = !process.env.AUTH0_DOMAIN;
const children: ChildProcess[] = [];

function run(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, PORT: appPort, DEV_TENANT_PORT: tenantPort, DEMO_API_PORT: apiPort } });
  children.push(child);
  child.on('exit', (code, signal) => {
    stopAll();
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  return child;
}

function stopAll(): void {
  for (const child of children) {
    if (child.exitCode === null && !child.killed) {
      child.kill('SIGTERM');
    }
  }
}

async function waitForTenant(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/.well-known/openid-configuration`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The dev tenant did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

function printContract(): void {
  const ttl = process.env.DEV_TENANT_TOKEN_TTL ?? String(DEFAULTS.idTokenTtlSeconds);
  const { email, password } = DEFAULTS.devUser;
  console.log([
    '',
    `  App          ${localOrigin(appPort)}   (PORT)`,
    `  Dev tenant   ${localOrigin(tenantPort)}   (DEV_TENANT_PORT)`,
    `  Demo API     ${localOrigin(apiPort)}/api/ping   (DEMO_API_PORT)`,
    `  Log in as    ${email} / ${password}   (more users: DEV_TENANT_USERS=users.json)`,
    `  id_token     ${ttl} s lifetime   (DEV_TENANT_TOKEN_TTL)`,
    '  Real tenant  set AUTH0_DOMAIN and AUTH0_CLIENT_ID instead (see README)',
    ''
  ].join('\n'));
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, stopAll);
  }
  if (useDevTenant) {
    printContract();
    run(process.execPath, ['--import', 'tsx', 'dev-tenant/main.ts']);
    await waitForTenant(localOrigin(tenantPort), 20_000);
    run(process.execPath, ['--import', 'tsx', 'demo-api/main.ts']);
  } else {
    console.log(`\n  App  ${localOrigin(appPort)}  against ${process.env.AUTH0_DOMAIN ?? ''}\n`);
  }
  run(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development']);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll();
  process.exitCode = 1;
});
