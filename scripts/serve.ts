// `npm run serve [dir]`: the production build (default dist/) on http://localhost:$PORT (3000),
// loopback only. Log in against `npm run dev-tenant`, as with `npm start`.
import * as path from 'node:path';
import { createStaticServer } from './static-server';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? '3000');

try {
  const server = createStaticServer(distDir).listen(port, '127.0.0.1', () => {
    console.log(`Serving ${path.relative(process.cwd(), distDir) || '.'} on http://localhost:${port}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other process or set PORT.` : error.message);
    process.exit(2);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => { server.close(() => process.exit(0)); });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
