// `tsx scripts/e2e-servers.ts`: the e2e suite's servers (e2e/e2e-servers.ts), for playwright.config.ts's
// one webServer. Playwright starts its webServers one after another, each after the last answers: on
// 2 cores the builds kept the cores busy, then 10 servers started one by one, 2 s each, with the cores
// half idle. Here the servers that need no build start beside the builds (scripts/e2e-builds.ts), the
// others together once the builds are done, and the one Playwright waits for last. Any one ending ends
// all (tools/dev-processes.ts), as does a port already in use: a server left from another run would
// answer for ours.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { tenantCertificateAuthority } from '../dev-tenant/crypto/tls-certificate';
import { E2E_CROSS_SITE_TENANT_DATA_DIR } from '../e2e/e2e-env';
import { E2E_BUILDS, E2E_LAST_SERVER, E2E_SERVER_LIST, type E2eServer } from '../e2e/e2e-servers';
import { runChild, runTsx, stopChildrenAndWait, stopChildrenOnSignals, waitForUrl } from '../tools/dev-processes';

/** A development server compiles its bundle before it answers: up to 3 minutes at a load of 20. */
const READY_TIMEOUT_MS = 180_000;

/** Resolves true if something listens on `url`'s host and port. */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

async function assertPortsFree(servers: readonly E2eServer[]): Promise<void> {
  const taken = (await Promise.all(servers.map(async (server) => ((await listening(server.url)) ? server : null)))).filter(
    (server) => server !== null
  );
  if (taken.length > 0) {
    throw new Error(
      `e2e servers: already in use: ${taken.map((server) => `${server.url} (${server.name})`).join(', ')}. Stop what listens there ` +
        '(a server left from another run?), or move the suite with E2E_PORT_BASE.'
    );
  }
}

/** Rejects when `child` exits: before it answers, a server that ends has failed. */
function exitOf(child: ChildProcess, name: string): Promise<never> {
  return new Promise((_, reject) => {
    child.once('exit', (code, signal) => {
      reject(new Error(`e2e servers: "${name}" exited (${signal ?? `code ${String(code)}`}) before it answered, see its output above.`));
    });
  });
}

/** Starts `server` and resolves once it answers; its exit, then or later, stops the rest (tools/dev-processes.ts). */
async function start(server: E2eServer): Promise<void> {
  const env = { ...process.env, ...server.env };
  const args = [...(server.args ?? [])];
  const child = server.script.endsWith('.ts')
    ? runTsx(server.script, args, env)
    : runChild(process.execPath, [server.script, ...args], env, server.name);
  await Promise.race([
    exitOf(child, server.name),
    waitForUrl(server.url, READY_TIMEOUT_MS, `e2e server "${server.name}"`, () =>
      tenantCertificateAuthority(server.url, E2E_CROSS_SITE_TENANT_DATA_DIR)
    )
  ]);
}

/** scripts/e2e-builds.ts, which ends when its builds are done; rejects if it fails. */
function runBuilds(builds: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    builds.once('error', reject);
    builds.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`e2e servers: the builds failed (${signal ?? `exit code ${String(code)}`}), see their output above.`));
    });
  });
}

async function main(): Promise<void> {
  stopChildrenOnSignals();
  const started = performance.now();
  await assertPortsFree([...E2E_SERVER_LIST, E2E_LAST_SERVER]);
  const builds = spawn(process.execPath, ['--import', 'tsx', 'scripts/e2e-builds.ts', ...E2E_BUILDS.args], {
    stdio: 'inherit',
    env: { ...process.env, ...E2E_BUILDS.env }
  });
  await Promise.all([...E2E_SERVER_LIST.filter((server) => !server.servesBuilds).map(start), runBuilds(builds)]);
  await Promise.all(E2E_SERVER_LIST.filter((server) => server.servesBuilds).map(start));
  await start(E2E_LAST_SERVER);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`e2e servers: all ${String(E2E_SERVER_LIST.length + 1)} answer, ${seconds} s after the start (builds included).`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // The others' waits would hold this process (and Playwright's wait for it) until their time-outs.
  await stopChildrenAndWait();
  // Builds under way, and their own children (webpack, its minifiers' workers), are in this process group
  // (Playwright starts its webServer as a group of its own); this process ignores the signal
  // (stopChildrenOnSignals) and exits next.
  process.kill(0, 'SIGTERM');
  process.exit(1);
});
