// A virtual X display for WebKitGTK, which has no headless mode. Xvfb picks a free display itself
// (-displayfd), so runs beside other Xvfbs on the machine do not collide.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { xvfbExecutable } from './browser';

export interface VirtualDisplay {
  /** For DISPLAY, e.g. ":3". */
  readonly display: string;
  stop(): void;
}

const DISPLAY_FD = 3;

export async function startXvfb(): Promise<VirtualDisplay> {
  const child: ChildProcess = spawn(
    xvfbExecutable(),
    ['-displayfd', String(DISPLAY_FD), '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe']
    }
  );
  // Never outlive the test worker, even when it ends without its fixtures' teardown.
  const stop = (): void => {
    if (child.exitCode === null) child.kill();
  };
  process.once('exit', stop);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const display = await new Promise<string>((resolve, reject) => {
    let written = '';
    (child.stdio[DISPLAY_FD] as Readable).on('data', (chunk: Buffer) => {
      written += chunk.toString();
      if (written.includes('\n')) resolve(`:${written.trim()}`);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(new Error(`Xvfb ended (${code ?? 'signal'}) before giving a display: ${stderr.trim()}`));
    });
  });
  return {
    display,
    stop: () => {
      process.removeListener('exit', stop);
      stop();
    }
  };
}
