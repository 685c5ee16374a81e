// The attack harness's plumbing: the servers as child processes on loopback ports, an HTTP client
// that can pick its source address (127.0.0.0/8 is all loopback, so one machine plays many IPs),
// and the tallies the report prints (requests, 5xx, processes lost).
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { sendRaw, type CraftedRequest } from '../crafted-requests';

export interface Tally {
  requests: number;
  serverErrors: number;
  readonly serverErrorSamples: string[];
}

export const tally: Tally = { requests: 0, serverErrors: 0, serverErrorSamples: [] };

function count(status: number | undefined, what: string): void {
  tally.requests++;
  if (status !== undefined && status >= 500) {
    tally.serverErrors++;
    if (tally.serverErrorSamples.length < 10) tally.serverErrorSamples.push(`${status} ${what}`);
  }
}

export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface RequestOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** The source address, e.g. 127.0.3.7: another "IP" for the tenant's per-IP limits. */
  readonly from?: string;
}

/** One HTTP request, counted; never follows redirects. */
export function request(url: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        count(res.statusCode, `${options.method ?? 'GET'} ${new URL(url).pathname}`);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', (error) => {
      count(undefined, url);
      reject(error);
    });
    req.end(options.body);
  });
}

export async function replayRaw(port: number, requests: readonly CraftedRequest[]): Promise<number> {
  let answered = 0;
  for (const crafted of requests) {
    const reply = await sendRaw(port, crafted.bytes, { halfClose: crafted.halfClose });
    count(reply.status, crafted.name);
    if (reply.status !== undefined) answered++;
  }
  return answered;
}

/** The "name=value" pairs a response sets (deletions left out), for a hand-kept cookie jar. */
export function setCookies(reply: Reply): string[] {
  return (reply.headers['set-cookie'] ?? [])
    .filter((cookie) => !/Expires=Thu, 01 Jan 1970/.test(cookie))
    .map((cookie) => cookie.split(';')[0] ?? '');
}

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed on stdout (reset links included). */
  output(): string;
}

const ROOT = path.join(__dirname, '..', '..');

/** Starts `node --import tsx <script>` and resolves once `probe` answers under 500. */
export async function startServer(
  name: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
  probe: string
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.resume();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    if (await answers(`${url}${probe}`)) return { name, url, child, output: () => stdout };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer at ${url}${probe} within 60 s`);
}

/** True when the server answers a plain GET under 500 (not counted as an attack request). */
export function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.setTimeout(10_000, () => {
      req.destroy();
    });
    req.on('error', () => {
      resolve(false);
    });
  });
}

export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
