/**
 * Moves jest's fake clock (Date.now) and angular-mocks' $timeout together, in steps, so that each
 * timer runs with Date.now() within `stepMs` of the time it was set for. Needs jest.useFakeTimers().
 */
export function advanceClock(injector: angular.auto.IInjectorService, ms: number, stepMs = 1000): void {
  const $timeout = injector.get<angular.ITimeoutService>('$timeout');
  for (let done = 0; done < ms; done += stepMs) {
    const step = Math.min(stepMs, ms - done);
    jest.advanceTimersByTime(step);
    $timeout.flush(step);
  }
}

/** In a describe block: jest's fake clock for each test (Date.now included), with localStorage and sessionStorage emptied, and spies restored after. */
export function useFakeClock(): void {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });
}
