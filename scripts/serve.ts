// `npm run serve [dir]`: the production build (default dist/) on http://localhost:$PORT (3000),
// loopback only. Log in against `npm run dev-tenant`, as with `npm start`. SERVE_TLS_DIR=<dir> serves
// it over https instead, with the loopback certificate kept there (the cross-site tenant's data dir
// has it), as a deployed app is served: the e2e cross-site pair does, so that no engine meets mixed content.
import * as path from 'node:path';
import { DEFAULTS } from '../config/defaults';
import { loadOrCreateTlsCertificate } from '../dev-tenant/crypto/tls-certificate';
import { listen, runServerCli } from '../servers/lifecycle';
import { createStaticServer } from '../servers/static-server';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? DEFAULTS.appPort);

async function main(): Promise<void> {
  const server = await runServerCli({
    name: 'npm run serve',
    portVariable: 'PORT',
    start: async () => {
      const tlsDir = process.env.SERVE_TLS_DIR;
      const tls = tlsDir ? await loadOrCreateTlsCertificate(path.resolve(tlsDir)) : undefined;
      return listen(DEFAULTS.host, port, createStaticServer(distDir), tls);
    }
  });
  console.log(`Serving ${path.relative(process.cwd(), distDir) || '.'} on ${server.url}`);
}

void main();
