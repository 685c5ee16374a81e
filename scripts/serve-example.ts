// `tsx scripts/serve-example.ts <name>`: the server of examples/<name> alone, on
// http://localhost:$EXAMPLE_PORT (3003 or 3004), for a dev tenant already running on
// DEV_TENANT_PORT (3001) that allows the example's origin. `npm run example:<name>`
// (scripts/example.ts) starts it with such a tenant; the e2e tests start it beside theirs, also with
// EXAMPLE_LOGIN_MODE=universal (app.js served with its `loginMode: 'universal'` line uncommented).
import { DEFAULTS } from '../config/defaults';
import { listen, runServerCli } from '../servers/lifecycle';
import { createExampleServer, exampleSettings } from './example-server';

async function main(): Promise<void> {
  const name = process.argv[2] as string | undefined;
  const server = await runServerCli({
    name: `Example ${name ?? ''}`,
    portVariable: 'EXAMPLE_PORT',
    start: () => {
      const settings = exampleSettings(name, process.env);
      return listen(DEFAULTS.host, settings.port, createExampleServer(settings));
    }
  });
  console.log(`Example ${name ?? ''} (${process.env.EXAMPLE_LOGIN_MODE || 'lock'} mode) on ${server.url}`);
}

void main();
