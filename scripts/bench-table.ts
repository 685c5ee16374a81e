// `npm run bench`'s rows, its samples (one per run, per profile, per build, per row) and the table
// of their medians, with each build's ratio to the eager one.
import * as os from 'node:os';
import { BROWSING_MS, HOVER_LEAD_MS, READING_MS } from './bench-browser';
import { formatBytes } from './production-build';

export const ROWS = [
  ['initialBytes', "initial JS+CSS, gzip (what the build's index.html loads)"],
  ['firstVisit', 'first visit → logged-out UI'],
  ['browsingBytes', `a visit without Log In: bytes received in ${BROWSING_MS / 1000} s`],
  [
    'readerClick',
    `click Log In ${READING_MS / 1000} s after the UI (pointer on it ${HOVER_LEAD_MS} ms before) → the login form's email field usable`
  ],
  ['immediateClick', 'click Log In as the UI shows → email field usable'],
  ['visitAndLogIn', 'first visit + Log In → email field usable'],
  ['loginSubmit', 'login submit → authenticated UI'],
  ['reloadWithToken', 'reload with a valid token → authenticated UI'],
  ['reloadExpired', 'reload with an expired id_token (tenant session alive) → authenticated UI'],
  ['renewal', 'one renewal: loginEngine.renew() → its callback']
] as const;
export type Row = (typeof ROWS)[number][0];
const BYTE_ROWS: readonly Row[] = ['initialBytes', 'browsingBytes'];
/** samples[profile][build][row]: one value per run (ms, or bytes). */
export type Samples = Record<string, Record<string, Record<Row, number[]>>>;

export function emptySamples(profiles: readonly string[], builds: readonly string[]): Samples {
  const perRow = (): Record<Row, number[]> => Object.fromEntries(ROWS.map(([row]) => [row, []])) as unknown as Record<Row, number[]>;
  return Object.fromEntries(profiles.map((profile) => [profile, Object.fromEntries(builds.map((build) => [build, perRow()]))]));
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;
const cellText = (row: Row, value: number): string => (BYTE_ROWS.includes(row) ? formatBytes(value) : ms(value));

export const loadAverage = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

/** The medians, per profile each build then each build's ratio to `eager`. */
export function medianTable(samples: Samples, profiles: readonly string[], builds: readonly string[], eager: string): string[][] {
  const compared = builds.filter((build) => build !== eager);
  const header = [''];
  for (const profile of profiles) {
    header.push(...builds.map((build) => `${profile}: ${build}`), ...compared.map((build) => `${build}/${eager}`));
  }
  const rows = [header];
  for (const [row, label] of ROWS) {
    const cells: string[] = [label];
    for (const profile of profiles) {
      const medians = new Map(builds.map((build) => [build, median(samples[profile][build][row])]));
      const eagerValue = medians.get(eager) ?? Number.NaN;
      cells.push(...builds.map((build) => cellText(row, medians.get(build) ?? Number.NaN)));
      cells.push(...compared.map((build) => ((medians.get(build) ?? Number.NaN) / eagerValue).toFixed(2)));
    }
    rows.push(cells);
  }
  return rows;
}

export function formatTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('   '))
    .join('\n');
}
