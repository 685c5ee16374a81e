// The CLI contract: `npx tsx dev-tenant/main.ts` says clearly why it cannot start, with its exit code.
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { useTempDir } from './test-support';

function runCli(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'main.ts')], {
      cwd: path.join(__dirname, '..'), env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe']
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      resolve({ code, stderr });
    });
  });
}

describe('dev-tenant/main.ts', () => {
  const dataDir = useTempDir();

  it('exits with code 2 and a clear message when its port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const { code, stderr } = await runCli({ DEV_TENANT_PORT: String(port), DEV_TENANT_DATA_DIR: dataDir.path });
      expect(code).toBe(2);
      expect(stderr).toContain(`Dev tenant: Port ${port} is in use: stop the other process or set DEV_TENANT_PORT`);
    } finally {
      blocker.close();
    }
  }, 30_000);

  it('exits with code 1 naming the variable when a setting is invalid', async () => {
    const { code, stderr } = await runCli({ DEV_TENANT_SIGNUP: 'perhaps', DEV_TENANT_DATA_DIR: dataDir.path });
    expect(code).toBe(1);
    expect(stderr).toContain('DEV_TENANT_SIGNUP must be 1 or 0');
  }, 30_000);
});
