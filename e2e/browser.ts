import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';

/** The three engines the e2e suite runs in: Chromium through Playwright, the other two through e2e/engines/. */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_FIREFOX = '/usr/bin/firefox-esr';
const DEBIAN_WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
/** Debian's packages for the other two engines, as `.ci/run` installs them. */
export const APT_ENGINES_COMMAND = 'apt-get install -y --no-install-recommends firefox-esr webkit2gtk-driver xvfb';

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

/** Firefox (ESR 128 or newer, for WebDriver BiDi): FIREFOX_BIN, else Debian's firefox-esr. */
export const firefoxExecutable = (): string => process.env.FIREFOX_BIN ?? DEBIAN_FIREFOX;

/** WebKitGTK's WebDriver server (WEBKIT_WEBDRIVER_BIN, else Debian's webkit2gtk-driver). */
export const webkitDriverExecutable = (): string => process.env.WEBKIT_WEBDRIVER_BIN ?? DEBIAN_WEBKIT_DRIVER;

/** The browser WebKitWebDriver starts: MINIBROWSER_BIN, else libwebkit2gtk-4.1's MiniBrowser, whatever the architecture. */
export function miniBrowserExecutable(): string | undefined {
  if (process.env.MINIBROWSER_BIN) {
    return process.env.MINIBROWSER_BIN;
  }
  const libDirs = existsSync('/usr/lib') ? readdirSync('/usr/lib').map((name) => path.join('/usr/lib', name)) : [];
  return libDirs.map((dir) => path.join(dir, 'webkit2gtk-4.1', 'MiniBrowser')).find((candidate) => existsSync(candidate));
}

/** WebKitGTK has no headless mode: the harness gives it a virtual X display. */
export const XVFB = 'Xvfb';
const onPath = (command: string): boolean =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, command)));

/** What an engine misses on this machine, and how to get it; null when it can run. */
export function findEngineProblem(engine: EngineName): string | null {
  switch (engine) {
    case 'chromium': {
      const executable = chromiumExecutable() ?? chromium.executablePath();
      return existsSync(executable)
        ? null
        : [
            `No Chromium found (looked at CHROME_BIN, ${DEBIAN_CHROMIUM} and ${executable}). Get one of:`,
            '  - Debian/Ubuntu: sudo apt-get install -y chromium',
            '  - any OS with internet access: npx playwright install chromium',
            '  - or point CHROME_BIN at an existing Chromium or Chrome binary.'
          ].join('\n');
    }
    case 'firefox':
      return existsSync(firefoxExecutable())
        ? null
        : [
            `No Firefox found at ${firefoxExecutable()} (FIREFOX_BIN). Get one of:`,
            `  - Debian/Ubuntu: sudo ${APT_ENGINES_COMMAND}`,
            '  - or point FIREFOX_BIN at a Firefox 128 or newer (it is driven over WebDriver BiDi, no geckodriver).'
          ].join('\n');
    case 'webkit': {
      const missing = [
        existsSync(webkitDriverExecutable()) ? null : `WebKitWebDriver at ${webkitDriverExecutable()} (WEBKIT_WEBDRIVER_BIN)`,
        miniBrowserExecutable() ? null : 'MiniBrowser in /usr/lib/*/webkit2gtk-4.1/ (MINIBROWSER_BIN)',
        onPath(XVFB) ? null : `${XVFB} on the PATH`
      ].filter((item) => item !== null);
      return missing.length === 0
        ? null
        : [`WebKitGTK cannot run: no ${missing.join(', no ')}. Get them with:`, `  - Debian/Ubuntu: sudo ${APT_ENGINES_COMMAND}`].join(
            '\n'
          );
    }
  }
}

/** Every engine's problem, for one message before the suite starts. */
export const findBrowserProblems = (): string[] => ENGINES.map(findEngineProblem).filter((problem) => problem !== null);

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

/** The same Chromium with a profile set to "Allow all cookies" (third-party cookies sent, framed or not); its profile is a temporary directory. */
export function launchAllowingThirdPartyCookies(): Promise<BrowserContext> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'auth0-angularjs-3pc-'));
  mkdirSync(path.join(profile, 'Default'));
  writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  return chromium.launchPersistentContext(profile, { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
}
