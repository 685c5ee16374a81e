// For the specs of the servers' CLIs (dev-tenant/main.ts, demo-api/main.ts): runs one as
// `node --import tsx <script>` from the project root and reports how it ended.
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { DEFAULTS } from '../config/defaults';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the script with these variables added; sends one SIGTERM once its stdout matches `stopWhen`. */
export function runCli(script: string, env: Record<string, string>, stopWhen?: RegExp): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    let stopped = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      // Only once: a second signal would make it exit at once instead of closing.
      if (!stopped && stopWhen?.test(stdout) === true) stopped = child.kill('SIGTERM');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `body` while another server holds a loopback port, as another process would. */
export async function withPortTaken(body: (port: number) => Promise<void>): Promise<void> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, DEFAULTS.host, resolve));
  try {
    await body((blocker.address() as net.AddressInfo).port);
  } finally {
    blocker.close();
  }
}
