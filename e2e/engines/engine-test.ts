// The Playwright test runner as the harness for the other engines: it starts the servers
// (playwright.config.ts), and these fixtures give each test a fresh window of one browser that is
// launched once per engine (a worker fixture), since a launch costs seconds.
import { test as base } from '@playwright/test';
import { findEngineProblem } from '../../tools/browsers/browser';
import type { Engine, EngineLaunchOptions, EngineTab, EngineWindow } from '../../tools/browsers/driver';
import { launchChromiumEngine } from '../../tools/browsers/chromium';
import { launchFirefox } from '../../tools/browsers/firefox';
import { launchWebKit } from '../../tools/browsers/webkit';

// Chromium here too, for the flows written once for all three (engines/universal-flows.e2e.ts).
const LAUNCHERS = { firefox: launchFirefox, webkit: launchWebKit, chromium: launchChromiumEngine } as const;
export type DrivenEngineName = keyof typeof LAUNCHERS;
export const DRIVEN_ENGINES = Object.keys(LAUNCHERS) as DrivenEngineName[];

export interface EngineWorkerOptions {
  /** Set per project in playwright.config.ts. */
  readonly engineName: DrivenEngineName;
  /**
   * How the engine is launched (default: as it comes). A file sets it with `test.use` (a worker of its
   * own then launches the engine so), e.g. cross-site.ts's options for the tenant's certificate.
   */
  readonly engineLaunchOptions: Omit<EngineLaunchOptions, 'itp'>;
  /** WebKit with Intelligent Tracking Prevention on: the `webkit-itp` project of playwright.config.ts. */
  readonly itp: boolean;
}

interface EngineWorkerFixtures extends EngineWorkerOptions {
  readonly engine: Engine;
}

interface EngineTestFixtures {
  /** A window with storage and cookies of its own, closed after the test. */
  readonly engineWindow: EngineWindow;
  /** Its first tab. */
  readonly tab: EngineTab;
}

export const test = base.extend<EngineTestFixtures, EngineWorkerFixtures>({
  engineName: ['firefox', { scope: 'worker', option: true }],
  engineLaunchOptions: [{}, { scope: 'worker', option: true }],
  itp: [false, { scope: 'worker', option: true }],
  engine: [
    async ({ engineName, engineLaunchOptions, itp }, use) => {
      // A missing browser fails with how to install it (also outside `npm test`'s check), never skips.
      const problem = findEngineProblem(engineName);
      if (problem) throw new Error(problem);
      const engine = await LAUNCHERS[engineName]({ ...engineLaunchOptions, ...(itp ? { itp } : {}) });
      await use(engine);
      await engine.close();
    },
    { scope: 'worker', timeout: 180_000 }
  ],
  engineWindow: async ({ engine }, use) => {
    const engineWindow = await engine.openWindow();
    await use(engineWindow);
    await engineWindow.close();
  },
  tab: async ({ engineWindow }, use) => {
    await use(engineWindow.tab);
  }
});

export { expect } from '@playwright/test';
