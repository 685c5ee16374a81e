// Starting and stopping the local HTTP servers (dev tenant, demo API, `npm run serve`): listen on
// host:port, close without waiting on keep-alive connections, and the CLI side of both (clear
// messages and exit codes when the port cannot be had, a graceful stop on SIGINT/SIGTERM).
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { localOrigin } from '../config/defaults';
import { escapeForLog, logError } from './log-text';

export interface ListeningServer {
  readonly server: http.Server;
  /** The port actually listened on (the OS picks one for port 0). */
  readonly port: number;
  /** http://localhost:<port> (https with `tls`), as a browser reaches it. */
  readonly url: string;
  /** Stops listening and drops idle keep-alive connections, which would otherwise hold the close open. */
  close(): Promise<void>;
}

/** Node's listen errors carry the address and port that could not be had. */
type ListenError = NodeJS.ErrnoException & { readonly address?: string; readonly port?: number };

/**
 * Listens on host:port (0 = any free port) and resolves once listening. Rejects with the listen
 * error (code EADDRINUSE, EACCES, ...). Without a handler, attach one with server.on('request').
 * With `tls` (a PEM key and certificate), it speaks https.
 */
export function listen(
  host: string,
  port: number,
  handler?: http.RequestListener,
  tls?: { readonly key: string; readonly cert: string }
): Promise<ListeningServer> {
  const server: http.Server = tls ? https.createServer({ key: tls.key, cert: tls.cert }) : http.createServer();
  if (handler) server.on('request', handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actualPort = (server.address() as AddressInfo).port;
      const url = tls ? localOrigin(actualPort).replace(/^http:/, 'https:') : localOrigin(actualPort);
      resolve({ server, port: actualPort, url, close: () => closeServer(server) });
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
    server.closeAllConnections();
  });
}

export interface ServerCli<S extends { close(): Promise<void> }> {
  /** Starts every message, e.g. "Dev tenant". */
  readonly name: string;
  /** The variable that sets the port, named when the port is taken or not allowed. */
  readonly portVariable: string;
  /** Reads the settings and starts listening; may throw or reject. A settings error's message is printed as it is. */
  start(): Promise<S>;
}

/**
 * Runs a server from its CLI: resolves with it once listening, and stops it gracefully on SIGINT or
 * SIGTERM (exit 0; a second signal exits 130 at once). Exits 2 when the port is taken or not
 * allowed, naming the variable to change, and 1 on any other start-up error.
 */
export async function runServerCli<S extends { close(): Promise<void> }>(cli: ServerCli<S>): Promise<S> {
  function fail(message: string, exitCode: number): never {
    console.error(escapeForLog(`${cli.name}: ${message}`));
    process.exit(exitCode);
  }
  let running: S;
  try {
    running = await cli.start();
  } catch (error) {
    const { code, address, port } = error as ListenError;
    if (code === 'EADDRINUSE') fail(`Port ${port ?? ''} is in use: stop the other process or set ${cli.portVariable}`, 2);
    if (code === 'EACCES') fail(`Not allowed to listen on ${address ?? ''}:${port ?? ''}: set ${cli.portVariable}`, 2);
    fail(error instanceof Error ? error.message : String(error), 1);
  }
  keepRunningOnStrayErrors(cli.name);
  let stopping = false;
  const stop = (): void => {
    // A second Ctrl-C exits at once instead of waiting for the close.
    if (stopping) process.exit(130);
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        fail(`error while closing: ${String(error)}`, 1);
      }
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return running;
}

/**
 * A last line of defence for the long-running dev servers: an error no handler caught (a rejected
 * promise, a throw in a timer) is logged and the server keeps answering, since one bad request must
 * never end it. The handlers themselves turn request errors into 4xx/5xx answers first.
 */
function keepRunningOnStrayErrors(name: string): void {
  process.on('unhandledRejection', (reason) => {
    logError(`${name}: an unhandled rejection (still running):`, reason);
  });
  process.on('uncaughtException', (error) => {
    logError(`${name}: an uncaught exception (still running):`, error);
  });
}
