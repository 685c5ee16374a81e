// `npm start`'s children (issue 9, finding 1): one ending is never silent, and the others are stopped with it.
import { runChild, stopChildrenAndWait } from './dev-processes';

describe('dev-processes', () => {
  afterEach(() => {
    // runChild sets this script's exit code from the child's; the test runner's own must stay 0.
    process.exitCode = 0;
  });

  it('finding 1: a child that dies is named with its exit code, and the others are stopped', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const survivor = runChild(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], process.env, 'the survivor');
    const survivorExit = new Promise<NodeJS.Signals | null>((resolve) =>
      survivor.once('exit', (_code, signal) => {
        resolve(signal);
      })
    );
    runChild(process.execPath, ['-e', 'process.exit(3)'], process.env, 'the crasher');
    expect(await survivorExit).toBe('SIGTERM');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('the crasher exited with code 3: stopping the other processes'));
    expect(errors).not.toHaveBeenCalledWith(expect.stringContaining('the survivor exited'));
    await stopChildrenAndWait();
    errors.mockRestore();
  });
});
