import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the e2e tests drive: CHROME_BIN, else Debian's /usr/bin/chromium, else (undefined)
 * Playwright's own download where one was installed with `npx playwright install chromium`.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROME_BIN;
  if (fromEnv) {
    return fromEnv;
  }
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

export function findBrowserProblem(): string | null {
  const executable = chromiumExecutable() ?? chromium.executablePath();
  if (existsSync(executable)) {
    return null;
  }
  return [
    `No Chromium found for the e2e tests (looked at CHROME_BIN, ${DEBIAN_CHROMIUM} and ${executable}).`,
    'Get one of:',
    '  - Debian/Ubuntu: sudo apt-get install -y chromium',
    '  - any OS with internet access: npx playwright install chromium',
    '  - or point CHROME_BIN at an existing Chromium or Chrome binary.'
  ].join('\n');
}

/** Flags that keep Chromium quiet on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

/** The same Chromium with the same flags, for the scripts that drive it outside the test runner. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
