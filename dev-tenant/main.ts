// CLI: `npx tsx dev-tenant/main.ts` (or `npm run dev-tenant`). Settings come from DEV_TENANT_* variables.
import { DEFAULT_USER, loadConfigFromEnv, type TenantConfig } from './config';
import { startDevTenant, type RunningDevTenant } from './server';

function fail(message: string, exitCode: number): never {
  console.error(`Dev tenant: ${message}`);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  let config: TenantConfig;
  try {
    config = loadConfigFromEnv(process.env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 1);
  }
  let tenant: RunningDevTenant;
  try {
    tenant = await startDevTenant(config);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`Port ${config.port} is in use: stop the other process or set DEV_TENANT_PORT`, 2);
    if (code === 'EACCES') fail(`Not allowed to listen on ${config.host}:${config.port}: set DEV_TENANT_PORT`, 2);
    fail(error instanceof Error ? error.message : String(error), 1);
  }
  console.log(`Dev tenant on ${tenant.url} (client ${config.clientId}; user ${DEFAULT_USER.email} / ${DEFAULT_USER.password})`);
  const onOff = (enabled: boolean): string => (enabled ? 'on' : 'off');
  console.log(`Dev tenant: sign-up ${onOff(config.signup)} (DEV_TENANT_SIGNUP), forgot password ${onOff(config.forgotPassword)} ` +
    `(DEV_TENANT_FORGOT_PASSWORD; reset links are printed here), password policy "${config.passwordPolicy}", API audience ${config.apiAudience}`);

  let stopping = false;
  const stop = (): void => {
    // A second Ctrl-C exits at once instead of waiting for the close.
    if (stopping) process.exit(130);
    stopping = true;
    tenant.close().then(() => process.exit(0), (error: unknown) => {
      fail(`error while closing: ${String(error)}`, 1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
