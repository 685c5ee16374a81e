// `npm run screenshots` runs as a newcomer would run it (starting its own servers), into a folder of
// the test's: one PNG per tour stop and width, each as wide as its name says. The script itself
// fails when Log Out is not inside the viewport when logged in, or a page scrolls sideways.
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { APP_TOUR, SCREENSHOT_VIEWPORTS } from '../tools/pages/app-tour';
import { E2E_SCREENSHOTS_PORT_BASE } from './e2e-env';
import { expect, test } from './fixtures';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which every PNG starts with. */
function pngSize(data: Buffer): { width: number; height: number } | null {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('ascii', 12, 16) !== 'IHDR') {
    return null;
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

test('npm run screenshots writes a PNG of every page and state at every width', async () => {
  // A webpack-dev-server start, then one login and eight stops per width, on a busy 2-core machine.
  test.setTimeout(300_000);
  const out = test.info().outputPath('screenshots');
  const started = Date.now();
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/screenshots.ts', '--out', out], {
    env: { ...process.env, SCREENSHOTS_PORT_BASE: String(E2E_SCREENSHOTS_PORT_BASE) },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 280_000
  });
  test.info().annotations.push({ type: 'npm run screenshots', description: `${((Date.now() - started) / 1000).toFixed(1)} s` });
  expect(stdout).toMatch(/screenshots in /);

  const expected = APP_TOUR.flatMap((stop) =>
    SCREENSHOT_VIEWPORTS.map((viewport) => ({ file: `${stop.name}-${viewport.width}.png`, viewport }))
  );
  expect((await readdir(out)).sort()).toEqual(expected.map(({ file }) => file).sort());
  for (const { file, viewport } of expected) {
    const size = pngSize(await readFile(path.join(out, file)));
    expect(size, `${file} is a PNG`).not.toBeNull();
    expect(size?.width, `${file}'s width`).toBe(viewport.width);
    expect(size?.height ?? 0, `${file}'s height`).toBeGreaterThanOrEqual(viewport.height);
  }
});
