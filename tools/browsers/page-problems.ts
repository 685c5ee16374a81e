// Page errors and CSP violations, recorded by a listener in the page itself: WebKitWebDriver has no
// console or log events (it refuses BiDi), so both drivers use this one recorder.
import { isLockQuickAuthBug } from '../pages/lock-page';
import type { EngineTab } from './driver';

export interface PageProblem {
  readonly kind: 'csp' | 'error' | 'unhandledrejection' | 'console.error';
  /** The violated directive, or the error's message. */
  readonly what: string;
  /** The blocked URI and sample, or the error's source. */
  readonly detail: string;
  readonly url: string;
}

/**
 * Installs the recorder in the current document, once. It keeps what it records in the tab's
 * sessionStorage, which survives the navigations of a login (Lock's redirect, the callback, reloads).
 * Runs in the page: self-contained.
 */
export function installProblemRecorder(): void {
  const flag = '__e2eProblemRecorder';
  const state = window as unknown as Record<string, boolean>;
  if (state[flag]) return;
  state[flag] = true;
  const record = (problem: PageProblem): void => {
    try {
      const key = 'e2e:problems';
      const list = JSON.parse(sessionStorage.getItem(key) ?? '[]') as PageProblem[];
      list.push(problem);
      sessionStorage.setItem(key, JSON.stringify(list));
    } catch {
      // about:blank and other opaque origins have no storage: nothing of ours runs there.
    }
  };
  const url = location.href;
  document.addEventListener('securitypolicyviolation', (event) => {
    record({ kind: 'csp', what: event.effectiveDirective, detail: `${event.blockedURI} ${event.sample}`, url });
  });
  window.addEventListener('error', (event) => {
    record({ kind: 'error', what: event.message, detail: `${event.filename}:${event.lineno}`, url });
  });
  window.addEventListener('unhandledrejection', (event) => {
    record({ kind: 'unhandledrejection', what: String(event.reason), detail: '', url });
  });
  // AngularJS's $exceptionHandler and ui-router's rejected transitions report through console.error.
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    record({
      kind: 'console.error',
      what: args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '),
      detail: '',
      url
    });
    consoleError(...args);
  };
}

/** Everything recorded in this tab on the app's origin so far, but Lock's own known bug. */
export async function recordedProblems(tab: EngineTab): Promise<PageProblem[]> {
  const problems = await tab.evaluate(() => JSON.parse(sessionStorage.getItem('e2e:problems') ?? '[]') as PageProblem[]);
  return problems.filter((problem) => !isLockQuickAuthBug(problem.what));
}

export const cspViolations = (problems: readonly PageProblem[]): PageProblem[] => problems.filter((problem) => problem.kind === 'csp');
