// The CLI contract: `npx tsx dev-tenant/main.ts` says clearly why it cannot start, with its exit code,
// and stops cleanly on SIGTERM.
import { runCli, withPortTaken } from '../servers/cli-test-support';
import { useTempDir } from './testing/test-support';

const MAIN = 'dev-tenant/main.ts';

describe('dev-tenant/main.ts', () => {
  const dataDir = useTempDir();

  it('exits with code 2 and a clear message when its port is taken', async () => {
    await withPortTaken(async (port) => {
      const { code, stderr } = await runCli(MAIN, { DEV_TENANT_PORT: String(port), DEV_TENANT_DATA_DIR: dataDir.path });
      expect(code).toBe(2);
      expect(stderr).toContain(`Dev tenant: Port ${port} is in use: stop the other process or set DEV_TENANT_PORT`);
    });
  }, 30_000);

  it('exits with code 1 naming the variable when a setting is invalid', async () => {
    const { code, stderr } = await runCli(MAIN, { DEV_TENANT_SIGNUP: 'perhaps', DEV_TENANT_DATA_DIR: dataDir.path });
    expect(code).toBe(1);
    expect(stderr).toContain('DEV_TENANT_SIGNUP must be 1 or 0');
  }, 30_000);

  it('closes and exits with code 0 on SIGTERM', async () => {
    const { code, stdout, stderr } = await runCli(MAIN, { DEV_TENANT_PORT: '0', DEV_TENANT_DATA_DIR: dataDir.path }, /Dev tenant on /);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Dev tenant on http:\/\/localhost:\d+ \(client /);
  }, 30_000);
});
