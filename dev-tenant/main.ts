// CLI: `npx tsx dev-tenant/main.ts` (or `npm run dev-tenant`). Settings come from DEV_TENANT_* variables.
import { runServerCli } from '../servers/lifecycle';
import { DEFAULT_USER, loadConfigFromEnv } from './config/config';
import { CONTROL_SECRET_HEADER, controlSecretFile } from './control/secret';
import { tlsCertificateFile } from './crypto/tls-certificate';
import { startDevTenant } from './server';

async function main(): Promise<void> {
  const tenant = await runServerCli({
    name: 'Dev tenant',
    portVariable: 'DEV_TENANT_PORT',
    start: () => startDevTenant(loadConfigFromEnv(process.env))
  });
  const { config } = tenant;
  console.log(`Dev tenant on ${tenant.url} (client ${config.clientId}; user ${DEFAULT_USER.email} / ${DEFAULT_USER.password})`);
  if (config.crossSite) {
    console.log(
      `Dev tenant: over https with a self-signed certificate for 127.0.0.1 and localhost, kept in ${tlsCertificateFile(config.dataDir)} ` +
        `(a browser asks once to accept it; a client can trust that file alone, e.g. curl --cacert)`
    );
  }
  const onOff = (enabled: boolean): string => (enabled ? 'on' : 'off');
  console.log(
    `Dev tenant: sign-up ${onOff(config.signup)} (DEV_TENANT_SIGNUP), forgot password ${onOff(config.forgotPassword)} ` +
      `(DEV_TENANT_FORGOT_PASSWORD; reset links are printed here), password policy "${config.passwordPolicy}", API audience ${config.apiAudience}`
  );
  if (config.control) {
    console.log(
      `Dev tenant: users, sessions and emails on ${tenant.url}/, control API under ${tenant.url}/control/ (loopback only; DEV_TENANT_CONTROL=off); ` +
        `POST /control/id-tokens needs the ${CONTROL_SECRET_HEADER} header, from ${controlSecretFile(config.dataDir)}`
    );
  }
}

void main();
