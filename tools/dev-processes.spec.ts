// `npm start`'s children (issue 9, finding 1): one ending is never silent, and the others are stopped with it.
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runChild, stopChildrenAndWait } from './dev-processes';

describe('dev-processes', () => {
  afterEach(() => {
    // runChild sets this script's exit code from the child's; the test runner's own must stay 0.
    process.exitCode = 0;
  });

  it('finding 1: a child that dies is named with its exit code, the others are stopped, and the script exits with its code', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // As webpack-dev-server does: stopped, it exits 0. It says when its handler is in place (a file).
    const ready = path.join(mkdtempSync(path.join(os.tmpdir(), 'dev-processes-')), 'ready');
    const survivor = runChild(
      process.execPath,
      [
        '-e',
        `process.on('SIGTERM', () => process.exit(0)); require('fs').writeFileSync(${JSON.stringify(ready)}, ''); setInterval(() => {}, 1000)`
      ],
      process.env,
      'the survivor'
    );
    const survivorExit = new Promise<NodeJS.Signals | null>((resolve) =>
      survivor.once('exit', (_code, signal) => {
        resolve(signal);
      })
    );
    // The crasher ends once the survivor is ready.
    runChild(
      process.execPath,
      ['-e', `setInterval(() => { if (require('fs').existsSync(${JSON.stringify(ready)})) process.exit(3); }, 20)`],
      process.env,
      'the crasher'
    );
    expect(await survivorExit).toBeNull();
    // The script fails with the crasher's code, not with the stopped survivor's 0.
    expect(process.exitCode).toBe(3);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('the crasher exited with code 3: stopping the other processes'));
    expect(errors).not.toHaveBeenCalledWith(expect.stringContaining('the survivor exited'));
    await stopChildrenAndWait();
    errors.mockRestore();
    rmSync(path.dirname(ready), { recursive: true, force: true });
  });
});
