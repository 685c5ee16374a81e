// `npm run example:<name>`: examples/<name> on http://localhost:$EXAMPLE_PORT (3003 or 3004) and,
// as `npm start` does, the dev tenant on DEV_TENANT_PORT (3001), allowing that origin to log in
// and out. Builds dist-lib/ first when it is missing. Either process ending ends both.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULTS, localOrigin } from '../config/defaults';
import { runMain, runTsx, startDevTenant, stopChildrenOnSignals } from '../tools/dev-processes';
import { LIBRARY_FILE, exampleSettings } from './example-server';

function buildLibraryIfMissing(): void {
  if (existsSync(LIBRARY_FILE)) {
    return;
  }
  console.log('dist-lib/ is missing: npm run build:lib');
  const build = spawnSync('npm', ['run', 'build:lib'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0 || !existsSync(LIBRARY_FILE)) {
    throw new Error('Building dist-lib/ failed: run `npm run build:lib` and see why.');
  }
}

async function main(): Promise<void> {
  const settings = exampleSettings(process.argv[2], process.env);
  buildLibraryIfMissing();
  stopChildrenOnSignals();
  const origin = localOrigin(settings.port);
  const env = {
    ...process.env,
    EXAMPLE_PORT: String(settings.port),
    DEV_TENANT_PORT: new URL(settings.tenantUrl).port,
    DEV_TENANT_CALLBACK_URLS: `${origin}/`,
    DEV_TENANT_WEB_ORIGINS: origin,
    DEV_TENANT_LOGOUT_URLS: `${origin}/`
  };
  await startDevTenant(settings.tenantUrl, env);
  runTsx('scripts/serve-example.ts', [settings.name], env);
  const { email, password } = DEFAULTS.devUser;
  console.log(
    [
      '',
      `  Example      ${origin}   (EXAMPLE_PORT)   examples/${settings.name}`,
      `  Dev tenant   ${settings.tenantUrl}   (DEV_TENANT_PORT)`,
      `  Log in as    ${email} / ${password}`,
      ''
    ].join('\n')
  );
}

runMain(main);
