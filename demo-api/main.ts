// `npm run demo-api` (and `npm start` in dev-tenant mode): the API the Ping page calls.
import { loadDemoApiConfig } from './config';
import { startDemoApi } from './server';

async function main(): Promise<void> {
  const config = loadDemoApiConfig(process.env);
  const api = await startDemoApi(config);
  console.log(`Demo API on ${api.url}/api/ping (tokens from ${config.issuer}, aud ${config.audiences.join(' or ')})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void api.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  console.error(code === 'EADDRINUSE'
    ? `Demo API: port ${process.env.DEMO_API_PORT ?? '3002'} is in use: stop the other process or set DEMO_API_PORT.`
    : `Demo API: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(code === 'EADDRINUSE' ? 2 : 1);
});
