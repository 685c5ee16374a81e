import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { describeMissing, locateProgram, missingPrograms, requireProgram, SYSTEM_PROGRAMS } from '../../config/system-programs';

/** The three engines the e2e suite runs in: Chromium through Playwright, the other two through the drivers beside this file (firefox.ts, webkit.ts). */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

/**
 * The Chromium the e2e tests drive: CHROME_BIN, else Debian's /usr/bin/chromium, else (undefined)
 * Playwright's own download where one was installed with `npx playwright install chromium`.
 */
export const chromiumExecutable = (): string | undefined => locateProgram('chromium') ?? undefined;

/**
 * The same Chromium's headless shell, which most e2e files run in: a test's new context and page cost
 * it a fifth of the full browser's CPU, on 2 cores shared by six browsers (docs/tests.md). It keeps
 * third-party cookies (the full browser blocks them in a Playwright context): a file about that
 * default runs in the full browser (FULL_CHROMIUM). CHROME_HEADLESS_SHELL_BIN, else Debian's, else
 * (undefined) Playwright's own download.
 */
export const chromiumHeadlessShellExecutable = (): string | undefined => locateProgram('chromium-headless-shell') ?? undefined;

/** A program the engines need, where config/system-programs.js finds it (or where it was expected, for the message). */
const located = (id: string): string => locateProgram(id) ?? SYSTEM_PROGRAMS.find((program) => program.id === id)?.location ?? id;

/** Firefox (ESR 128 or newer, for WebDriver BiDi): FIREFOX_BIN, else Debian's firefox-esr. */
export const firefoxExecutable = (): string => located('firefox');
/** WebKitGTK's WebDriver server (WEBKIT_WEBDRIVER_BIN, else Debian's webkit2gtk-driver). */
export const webkitDriverExecutable = (): string => located('webkit-driver');
/** The browser WebKitWebDriver starts: MINIBROWSER_BIN, else libwebkit2gtk-4.1's MiniBrowser, whatever the architecture. */
export const miniBrowserExecutable = (): string => located('minibrowser');
/** WebKitGTK has no headless mode: the harness gives it a virtual X display. */
export const xvfbExecutable = (): string => requireProgram('xvfb');

/** The programs each engine needs, by config/system-programs.js's ids. */
const ENGINE_PROGRAMS: Record<EngineName, readonly string[]> = {
  chromium: ['chromium', 'chromium-headless-shell'],
  firefox: ['firefox'],
  webkit: ['webkit-driver', 'minibrowser', 'xvfb']
};

/** What an engine misses on this machine, and how to get it; null when it can run. */
export function findEngineProblem(engine: EngineName): string | null {
  const missing = missingPrograms().filter((program) => ENGINE_PROGRAMS[engine].includes(program.id));
  // Chromium may also be Playwright's own download.
  if (engine === 'chromium' && missing.length > 0 && existsSync(chromium.executablePath())) return null;
  return missing.length === 0 ? null : describeMissing(missing);
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

/**
 * The full browser, as a user's Chromium is, for `test.use()` in the files whose claims rest on its
 * defaults (third-party cookies blocked); the others run in the headless shell (playwright.config.ts).
 */
export const FULL_CHROMIUM = { launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS } };

/** The same Chromium with the same flags, for the scripts that drive it outside the test runner. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });

/**
 * The same Chromium with a profile set to "Allow all cookies" (third-party cookies sent, framed or not);
 * its profile is a temporary directory. `options`: the context's own, e.g. e2e/cross-site-app.ts's.
 */
export function launchAllowingThirdPartyCookies(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'auth0-angularjs-3pc-'));
  mkdirSync(path.join(profile, 'Default'));
  writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  return chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: chromiumExecutable(),
    args: CHROMIUM_ARGS,
    headless: true
  });
}
