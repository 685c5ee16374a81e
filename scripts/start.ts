// `npm start`: the app on webpack-dev-server and, unless AUTH0_DOMAIN points at a real tenant, the
// local dev tenant beside it. Either process ending ends both.
import { DEFAULTS, devTenantOrigin, localOrigin } from '../config/defaults';
import { runChild, runMain, runTsx, startDevTenant, stopChildrenOnSignals } from '../tools/dev-processes';

const appPort = process.env.PORT ?? String(DEFAULTS.appPort);
const tenantPort = process.env.DEV_TENANT_PORT ?? String(DEFAULTS.devTenantPort);
const apiPort = process.env.DEMO_API_PORT ?? String(DEFAULTS.demoApiPort);
const useDevTenant = !process.env.AUTH0_DOMAIN;
// DEV_TENANT_BROWSER_HOST=127.0.0.1: the tenant on another site than the app, as a real tenant is, over
// https with a self-signed certificate (see README).
const tenantOrigin = devTenantOrigin(process.env.DEV_TENANT_BROWSER_HOST || DEFAULTS.browserHost, tenantPort);
const env = { ...process.env, PORT: appPort, DEV_TENANT_PORT: tenantPort, DEMO_API_PORT: apiPort };

function printContract(): void {
  const ttl = process.env.DEV_TENANT_TOKEN_TTL ?? String(DEFAULTS.idTokenTtlSeconds);
  const { email, password } = DEFAULTS.devUser;
  console.log(
    [
      '',
      `  App          ${localOrigin(appPort)}   (PORT)`,
      `  Dev tenant   ${tenantOrigin}   (DEV_TENANT_PORT; DEV_TENANT_BROWSER_HOST=127.0.0.1 puts it on another site, over https)`,
      ...(tenantOrigin.startsWith('https:')
        ? [`               its certificate is self-signed: open ${tenantOrigin}/ once to accept it`]
        : []),
      `  Demo API     ${localOrigin(apiPort)}/api/ping   (DEMO_API_PORT)`,
      `  Log in as    ${email} / ${password}   (more users: DEV_TENANT_USERS=users.json)`,
      `  id_token     ${ttl} s lifetime   (DEV_TENANT_TOKEN_TTL)`,
      '  Real tenant  set AUTH0_DOMAIN and AUTH0_CLIENT_ID instead (see README)',
      ''
    ].join('\n')
  );
}

async function main(): Promise<void> {
  stopChildrenOnSignals();
  if (useDevTenant) {
    printContract();
    await startDevTenant(tenantOrigin, env);
    runTsx('demo-api/main.ts', [], env);
  } else {
    console.log(`\n  App  ${localOrigin(appPort)}  against ${process.env.AUTH0_DOMAIN ?? ''}\n`);
  }
  runChild(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'], env);
}

runMain(main);
