import { fileTimes } from './e2e-file-times';

const result = (startTime: string, duration: number) => ({ startTime, duration });

describe('e2e time per file', () => {
  it('sums every attempt of a file per engine, nested describes included, and spans first start to last end', () => {
    const report = {
      suites: [
        {
          file: 'a.e2e.ts',
          specs: [
            {
              tests: [
                { projectName: 'chromium', results: [result('2026-01-01T00:00:10.000Z', 2000), result('2026-01-01T00:00:13.000Z', 1000)] }
              ]
            }
          ],
          suites: [
            {
              file: 'a.e2e.ts',
              specs: [{ tests: [{ projectName: 'chromium', results: [result('2026-01-01T00:00:00.000Z', 4000)] }] }]
            }
          ]
        },
        { file: 'b.e2e.ts', specs: [{ tests: [{ projectName: 'webkit', results: [result('2026-01-01T00:00:00.000Z', 9000)] }] }] }
      ]
    };
    expect(fileTimes(report)).toEqual([
      { project: 'webkit', file: 'b.e2e.ts', tests: 1, ms: 9000, spanMs: 9000 },
      { project: 'chromium', file: 'a.e2e.ts', tests: 2, ms: 7000, spanMs: 14000 }
    ]);
  });
});
