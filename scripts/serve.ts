// `npm run serve [dir]`: the production build (default dist/) on http://localhost:$PORT (3000),
// loopback only. Log in against `npm run dev-tenant`, as with `npm start`.
import * as path from 'node:path';
import { DEFAULTS } from '../config/defaults';
import { listen, runServerCli } from '../servers/lifecycle';
import { createStaticServer } from '../servers/static-server';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? DEFAULTS.appPort);

async function main(): Promise<void> {
  const server = await runServerCli({
    name: 'npm run serve',
    portVariable: 'PORT',
    start: () => listen(DEFAULTS.host, port, createStaticServer(distDir))
  });
  console.log(`Serving ${path.relative(process.cwd(), distDir) || '.'} on ${server.url}`);
}

void main();
