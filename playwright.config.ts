import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/browser';

// Ports of their own, so the tests never meet an `npm start` left running on 3000/3001.
export const E2E_APP_PORT = 4100;
export const E2E_TENANT_PORT = 4101;

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://localhost:${E2E_APP_PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure'
  },
  webServer: {
    // The same start script a newcomer runs, in dev-tenant mode, on the e2e ports.
    command: 'npx tsx scripts/start.ts',
    url: `http://localhost:${E2E_APP_PORT}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(E2E_APP_PORT),
      DEV_TENANT_PORT: String(E2E_TENANT_PORT),
      DEV_TENANT_DATA_DIR: 'test-results/dev-tenant-data',
      AUTH0_DOMAIN: '',
      AUTH0_CLIENT_ID: '',
      AUTH0_CALLBACK_URL: ''
    }
  }
});
