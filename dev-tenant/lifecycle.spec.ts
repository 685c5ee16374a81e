// servers/lifecycle.ts, shared by the dev tenant, the demo API and `npm run serve`: listening,
// closing, and the CLI's exit codes and signal handling.
import * as http from 'node:http';
import { listen, runServerCli, type ServerCli } from '../servers/lifecycle';
import { withPortTaken } from '../servers/cli-test-support';

const hello: http.RequestListener = (_req, res) => {
  res.end('hello');
};

describe('listen', () => {
  it('listens on an OS-chosen port and resolves with it and its localhost URL', async () => {
    const server = await listen('127.0.0.1', 0, hello);
    try {
      expect(server.port).toBeGreaterThan(0);
      expect(server.url).toBe(`http://localhost:${server.port}`);
      expect(await (await fetch(server.url)).text()).toBe('hello');
    } finally {
      await server.close();
    }
  });

  it('closes at once although a response is still streaming', async () => {
    const server = await listen('127.0.0.1', 0, (_req, res) => {
      res.write('never ends');
    });
    const response = await new Promise<{ ended: Promise<string> }>((resolve, reject) => {
      http
        .get(server.url, (res) => {
          // Headers are in, so the request is in flight: report how its response ends.
          resolve({
            ended: new Promise((settle) => {
              res
                .on('end', () => {
                  settle('end');
                })
                .on('error', () => {
                  settle('aborted');
                });
            })
          });
        })
        .on('error', reject);
    });
    await server.close();
    expect(await response.ended).toBe('aborted');
  });

  it('rejects with EADDRINUSE and the port when the port is taken', async () => {
    await withPortTaken(async (port) => {
      await expect(listen('127.0.0.1', port)).rejects.toMatchObject({ code: 'EADDRINUSE', port });
    });
  });
});

describe('runServerCli', () => {
  let exits: (number | undefined)[];
  let errors: string[];
  let signals: Map<string, () => void>;

  /** process.exit records the code; for the codes in `endsCaller` it also ends the caller there, as the real one does. */
  function mockExit(...endsCaller: number[]): void {
    jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      exits.push(code);
      if (code !== undefined && endsCaller.includes(code)) throw new Error(`exit ${String(code)}`);
    }) as never);
  }

  beforeEach(() => {
    exits = [];
    errors = [];
    signals = new Map();
    jest.spyOn(console, 'error').mockImplementation((message: string) => {
      errors.push(message);
    });
    jest.spyOn(process, 'on').mockImplementation(((event: string, listener: () => void) => {
      signals.set(event, listener);
      return process;
    }) as never);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const cli = (start: ServerCli<{ close(): Promise<void> }>['start']) => ({ name: 'Test server', portVariable: 'TEST_PORT', start });
  const listenError = (code: string) => Object.assign(new Error(`listen ${code}`), { code, address: '127.0.0.1', port: 80 });

  it.each([
    ['EADDRINUSE', 2, 'Test server: Port 80 is in use: stop the other process or set TEST_PORT'],
    ['EACCES', 2, 'Test server: Not allowed to listen on 127.0.0.1:80: set TEST_PORT'],
    ['EOTHER', 1, 'Test server: listen EOTHER']
  ])('exits on a %s listen error with code %i and a clear message', async (code, exitCode, message) => {
    mockExit(1, 2);
    await expect(runServerCli(cli(() => Promise.reject(listenError(code))))).rejects.toThrow(`exit ${exitCode}`);
    expect(errors).toEqual([message]);
    expect(exits).toEqual([exitCode]);
  });

  it('exits with code 1 and the message of a settings error thrown by start', async () => {
    mockExit(1, 2);
    await expect(
      runServerCli(
        cli(() => {
          throw new Error('TEST_PORT must be a port number');
        })
      )
    ).rejects.toThrow('exit 1');
    expect(errors).toEqual(['Test server: TEST_PORT must be a port number']);
  });

  it('closes on SIGINT or SIGTERM and exits 0 once closed; a second signal exits 130 at once', async () => {
    mockExit(130);
    let closed = (): void => undefined;
    const running = { close: jest.fn(() => new Promise<void>((resolve) => (closed = resolve))) };
    await expect(runServerCli(cli(() => Promise.resolve(running)))).resolves.toBe(running);
    expect([...signals.keys()].sort()).toEqual(['SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection']);
    signals.get('SIGTERM')?.();
    expect(running.close).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([]);
    expect(() => signals.get('SIGINT')?.()).toThrow('exit 130');
    expect(exits).toEqual([130]);
    expect(running.close).toHaveBeenCalledTimes(1);
    closed();
    await new Promise(setImmediate);
    expect(exits).toEqual([130, 0]);
  });

  it('finding 1 (issue 9): logs a stray rejection or exception and keeps running', async () => {
    mockExit();
    const running = { close: jest.fn(() => Promise.resolve()) };
    await runServerCli(cli(() => Promise.resolve(running)));
    const stray = signals as unknown as Map<string, (error: unknown) => void>;
    stray.get('unhandledRejection')?.(new Error('late'));
    stray.get('uncaughtException')?.(new Error('thrown'));
    // One string each (the error's stack on the following lines), escaped by logError.
    expect(errors.map((printed) => printed.split('\n')[0])).toEqual([
      'Test server: an unhandled rejection (still running): Error: late',
      'Test server: an uncaught exception (still running): Error: thrown'
    ]);
    expect(exits).toEqual([]);
    expect(running.close).not.toHaveBeenCalled();
  });

  it('exits with code 1 when closing fails', async () => {
    mockExit();
    const running = { close: () => Promise.reject(new Error('boom')) };
    await runServerCli(cli(() => Promise.resolve(running)));
    signals.get('SIGINT')?.();
    await new Promise(setImmediate);
    expect(errors).toEqual(['Test server: error while closing: Error: boom']);
    expect(exits).toEqual([1]);
  });
});
