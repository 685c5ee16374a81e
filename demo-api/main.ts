// `npm run demo-api` (and `npm start` in dev-tenant mode): the API the Ping page calls.
import { runServerCli } from '../servers/lifecycle';
import { loadDemoApiConfig } from './config';
import { startDemoApi } from './server';

async function main(): Promise<void> {
  const api = await runServerCli({
    name: 'Demo API',
    portVariable: 'DEMO_API_PORT',
    start: () => startDemoApi(loadDemoApiConfig(process.env))
  });
  const { config } = api;
  console.log(`Demo API on ${api.url}/api/ping (tokens from ${config.issuer}, aud ${config.audiences.join(' or ')})`);
}

void main();
