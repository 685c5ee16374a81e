// Each e2e file's time, from the JSON report the suite writes (playwright.config.ts), for `npm test`'s
// summary: where the minutes go, file by file and engine by engine.
import { existsSync, readFileSync } from 'node:fs';

/** Where playwright.config.ts has the JSON reporter write (test-results/ is emptied at each start). */
export const E2E_REPORT_FILE = 'test-results/e2e-report.json';

interface ReportResult {
  readonly duration: number;
  readonly startTime: string;
}
interface ReportSuite {
  readonly file: string;
  readonly specs?: readonly { readonly tests: readonly { readonly projectName: string; readonly results: readonly ReportResult[] }[] }[];
  readonly suites?: readonly ReportSuite[];
}

export interface FileTime {
  readonly project: string;
  readonly file: string;
  readonly tests: number;
  /** Every attempt's duration, retries included, in ms. */
  readonly ms: number;
  /** From its first test's start to its last one's end, in ms: with its hooks (a beforeAll's servers). */
  readonly spanMs: number;
}

type Accumulated = { -readonly [K in keyof FileTime]: FileTime[K] } & { firstStart: number; lastEnd: number };

function collect(suite: ReportSuite, times: Map<string, Accumulated>): void {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      const key = `${test.projectName} ${suite.file}`;
      const entry = times.get(key) ?? {
        project: test.projectName,
        file: suite.file,
        tests: 0,
        ms: 0,
        spanMs: 0,
        firstStart: Infinity,
        lastEnd: 0
      };
      entry.tests += 1;
      for (const result of test.results) {
        const start = Date.parse(result.startTime);
        entry.ms += result.duration;
        entry.firstStart = Math.min(entry.firstStart, start);
        entry.lastEnd = Math.max(entry.lastEnd, start + result.duration);
      }
      entry.spanMs = Math.max(0, entry.lastEnd - entry.firstStart);
      times.set(key, entry);
    }
  }
  for (const child of suite.suites ?? []) collect({ ...child, file: child.file || suite.file }, times);
}

/** The files of a Playwright JSON report, slowest first. */
export function fileTimes(report: { readonly suites: readonly ReportSuite[] }): FileTime[] {
  const times = new Map<string, Accumulated>();
  for (const suite of report.suites) collect(suite, times);
  return [...times.values()]
    .map(({ project, file, tests, ms, spanMs }) => ({ project, file, tests, ms, spanMs }))
    .sort((a, b) => b.ms - a.ms);
}

/** The table `npm test` prints after the e2e tests; empty when there is no report. */
export function fileTimesTable(reportFile = E2E_REPORT_FILE): string {
  if (!existsSync(reportFile)) return '';
  const rows = fileTimes(JSON.parse(readFileSync(reportFile, 'utf8')) as { suites: ReportSuite[] });
  return [
    'e2e time per file: the sum of its tests (retries included), and from its first start to its last end (its tests may run on several workers):',
    ...rows.map(
      (row) =>
        `  ${(row.ms / 1000).toFixed(1).padStart(7)} s  ${(row.spanMs / 1000).toFixed(0).padStart(5)} s span  ${String(row.tests).padStart(3)} tests  ${row.project.padEnd(8)} ${row.file}`
    )
  ].join('\n');
}
