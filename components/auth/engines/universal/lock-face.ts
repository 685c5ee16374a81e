import type { UniversalEngine } from './universal-engine';

/**
 * The tutorial's `lock` service in universal mode, where the page has no Lock: the run block's
 * `lock.interceptHash()` handles the tenant's answer, and `lock.show()` opens the login page.
 * Lock's events have no equivalent: the module's authService listens for the login itself.
 */
export class UniversalLockFace {
  static $inject = ['loginEngine'];

  constructor(private readonly engine: UniversalEngine) {}

  interceptHash(): void {
    this.engine.interceptCallback();
  }

  show(): void {
    this.engine.login();
  }

  hide(): void {
    // Nothing is shown on the page: the login page is the tenant's.
  }

  on(event: string): never {
    throw new Error(
      `lock.on('${event}'): with loginMode "universal" there is no Lock. authService.registerAuthenticationListener() follows the login; remove the app's own Lock listeners.`
    );
  }
}
