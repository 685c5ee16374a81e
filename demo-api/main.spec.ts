// The CLI contract of `npx tsx demo-api/main.ts` (what `npm start` runs): clear start-up failures
// with their exit codes, and a clean stop on SIGTERM.
import { runCli, withPortTaken } from '../servers/cli-test-support';

const MAIN = 'demo-api/main.ts';

describe('demo-api/main.ts', () => {
  it('exits with code 2 naming DEMO_API_PORT when its port is taken', async () => {
    await withPortTaken(async (port) => {
      const { code, stderr } = await runCli(MAIN, { DEMO_API_PORT: String(port) });
      expect(code).toBe(2);
      expect(stderr).toContain(`Demo API: Port ${port} is in use: stop the other process or set DEMO_API_PORT`);
    });
  }, 30_000);

  it('exits with code 1 naming the variable when a port is not a number', async () => {
    const { code, stderr } = await runCli(MAIN, { DEMO_API_PORT: 'abc' });
    expect(code).toBe(1);
    expect(stderr).toContain('Demo API: DEMO_API_PORT must be a port number');
  }, 30_000);

  it('closes and exits with code 0 on SIGTERM', async () => {
    const { code, stdout, stderr } = await runCli(MAIN, { DEMO_API_PORT: '0' }, /Demo API on /);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Demo API on http:\/\/localhost:\d+\/api\/ping /);
  }, 30_000);
});
