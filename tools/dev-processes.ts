// The child processes of `npm start` and `npm run example:<name>`: the dev tenant, the demo API, the
// app's or an example's server. Any one ending ends all of them, with its exit code, and never
// silently: the one that ended is named, with its code, before the others are stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfigFromEnv } from '../dev-tenant/config/config';
import { tenantCertificateAuthority } from '../dev-tenant/crypto/tls-certificate';
import { loopbackFetch } from '../servers/loopback-fetch';

const children: ChildProcess[] = [];
/** Set once we stop the children ourselves (a signal, a failed start): their exits are then expected. */
let stopping = false;

/** `node --import tsx <script>`: one of the project's TypeScript CLIs, named by its script. */
export function runTsx(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return runChild(process.execPath, ['--import', 'tsx', script, ...args], env, script);
}

export function runChild(command: string, args: string[], env: NodeJS.ProcessEnv, name = args[0] ?? command): ChildProcess {
  const child = spawn(command, args, { stdio: 'inherit', env });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      const how = signal === null ? `with code ${String(code)}` : `on ${signal}`;
      console.error(`\n${name} exited ${how}: stopping the other processes (see its output above).`);
      // Its code, not theirs: webpack-dev-server, stopped, exits 0, and a failed start must not.
      process.exitCode = code ?? 1;
    }
    stopChildren();
  });
  return child;
}

function stopChildren(): void {
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null && !child.killed) {
      child.kill('SIGTERM');
    }
  }
}

/** Stops every child and resolves once all have exited, so a script can then set its own exit code. */
export async function stopChildrenAndWait(): Promise<void> {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  stopChildren();
  await Promise.all(exited);
}

/** Ctrl-C or a SIGTERM to this script stops every child. */
export function stopChildrenOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, stopChildren);
  }
}

/**
 * Starts the dev tenant (dev-tenant/main.ts, settings from `env`) and resolves once it answers at `url`:
 * over https (cross-site), with the certificate it made in its data dir, and no other.
 */
export async function startDevTenant(url: string, env: NodeJS.ProcessEnv): Promise<void> {
  runTsx('dev-tenant/main.ts', [], env);
  const { dataDir } = loadConfigFromEnv(env);
  await waitForUrl(`${url}/.well-known/openid-configuration`, 20_000, 'The dev tenant', () => tenantCertificateAuthority(url, dataDir));
}

/**
 * Resolves once `url`, on loopback, answers 2xx; `what` names the server in the time-out error. An
 * https server must present the certificate `trusted` gives (read again on each try: the server may
 * be making it).
 */
export async function waitForUrl(
  url: string,
  timeoutMs: number,
  what: string,
  trusted: () => Promise<string | undefined> = () => Promise.resolve(undefined)
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await loopbackFetch(url, { ca: await trusted() });
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet (or, over https, its certificate not made yet).
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

/** Runs the script's main; an error is printed as its message, stops the children and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    stopChildren();
    process.exitCode = 1;
  });
}
